#!/usr/bin/env python3
"""PyTorch CPU reference for the sparse runtime's inference benchmark (docs/PERFORMANCE.md, "Sparse runtime").

Times eval-mode forward passes (torch.no_grad, dense kernels: PyTorch does not skip zero weights) of the zoo's LeNet-5
(1x28x28: conv 5x5 6 pad 2 + relu, max pool 2, conv 5x5 16 + relu, max pool 2, dense 120 relu, dense 84 relu,
dense 10 softmax) and pre-activation ResNet20 (3x32x32, the network of resnet20_step.py) at batch 1 and 128.

  inference_latency.py --threads 1 --repetitions 300
      prints one JSON line per network and batch: {"network": ..., "batch": ..., "ms": median, "threads": ...}
"""
import argparse
import json
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

from resnet20_step import ResNet20


class LeNet5(nn.Module):
    def __init__(self, classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.out = nn.Linear(84, classes)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return F.softmax(self.out(x), dim=1)


def median_ms(model, x, repetitions):
    with torch.no_grad():
        for _ in range(max(5, repetitions // 5)):
            model(x)
        times = []
        for _ in range(repetitions):
            t = time.perf_counter()
            model(x)
            times.append((time.perf_counter() - t) * 1e3)
    return statistics.median(times)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--repetitions", type=int, default=300)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    for name, model, shape in (("LeNet-5", LeNet5(), (1, 28, 28)), ("ResNet20", ResNet20(), (3, 32, 32))):
        model.eval()
        for batch in (1, 128):
            reps = a.repetitions if batch == 1 else max(10, a.repetitions // 10)
            ms = median_ms(model, torch.rand(batch, *shape), reps)
            print(json.dumps({"network": name, "batch": batch, "ms": round(ms, 4), "threads": a.threads,
                              "torch": torch.__version__}), flush=True)


if __name__ == "__main__":
    main()
