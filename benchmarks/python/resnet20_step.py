#!/usr/bin/env python3
"""PyTorch CPU reference for the DL4J ResNet20 training step (docs/PERFORMANCE.md, "DL4J backend against PyTorch").

The network is the zoo's io.github.dl4jrvsm.zoo.ResNetCifar.resnet20(): pre-activation ResNet20 for 3x32x32 images,
a 3x3 stem with 16 channels (no bias), three stages of three basic blocks with 16/32/64 channels (stride 2 at the start
of stages 2 and 3), in each block bn1+relu -> conv1 -> bn2+relu -> conv2, plus the input, or a strided 1x1 projection of
relu(bn1(x)) where the shape changes; then bn+relu, global average pooling, dense 10 with bias, softmax cross-entropy;
SGD with Nesterov momentum 0.9 and learning rate 0.1. Batch norm uses DL4J's defaults (decay 0.9 = PyTorch momentum
0.1, eps 1e-5).

A step is forward + backward + update on one fixed random batch, timed after warm-up steps.

  resnet20_step.py --batch 32,64,128 --threads 1 --steps 10
      prints one JSON line per batch size: {"batch": 64, "threads": 1, "ms_per_step": ..., "images_per_s": ...}
  resnet20_step.py --serve --threads 1
      reads "BATCH STEPS" lines from stdin and answers each with such a JSON line; the Java BackendBenchmark uses this
      to time PyTorch in the same interleaved rounds as the DL4J variants.
"""
import argparse
import json
import os
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class PreActBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.bn1 = nn.BatchNorm2d(cin, eps=1e-5, momentum=0.1)
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout, eps=1e-5, momentum=0.1)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.shortcut = nn.Conv2d(cin, cout, 1, stride, 0, bias=False) if stride != 1 or cin != cout else None

    def forward(self, x):
        a = F.relu(self.bn1(x))
        out = self.conv2(F.relu(self.bn2(self.conv1(a))))
        return out + (self.shortcut(a) if self.shortcut is not None else x)


class ResNet20(nn.Module):
    def __init__(self, classes=10, widths=(16, 32, 64), blocks=3):
        super().__init__()
        self.stem = nn.Conv2d(3, widths[0], 3, 1, 1, bias=False)
        layers, cin = [], widths[0]
        for s, w in enumerate(widths):
            for b in range(blocks):
                layers.append(PreActBlock(cin, w, 2 if s > 0 and b == 0 else 1))
                cin = w
        self.blocks = nn.Sequential(*layers)
        self.bn = nn.BatchNorm2d(cin, eps=1e-5, momentum=0.1)
        self.fc = nn.Linear(cin, classes)

    def forward(self, x):
        x = F.relu(self.bn(self.blocks(self.stem(x))))
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))


class Stepper:
    """One model, optimiser and random batch per batch size, so repeated calls time only training steps."""

    def __init__(self, batch):
        if batch < 1:
            raise ValueError(f"batch must be >= 1, got {batch}")
        torch.manual_seed(1)
        self.model = ResNet20()
        self.model.train()
        self.opt = torch.optim.SGD(self.model.parameters(), lr=0.1, momentum=0.9, nesterov=True)
        self.x = torch.rand(batch, 3, 32, 32)
        self.y = torch.arange(batch) % 10
        self.batch = batch

    def step(self):
        self.opt.zero_grad(set_to_none=True)
        loss = F.cross_entropy(self.model(self.x), self.y)
        loss.backward()
        self.opt.step()
        return loss

    def time(self, steps):
        if steps < 1:
            raise ValueError(f"steps must be >= 1, got {steps}")
        t = time.perf_counter()
        for _ in range(steps):
            self.step()
        ms = (time.perf_counter() - t) * 1000 / steps
        return {"batch": self.batch, "threads": torch.get_num_threads(), "ms_per_step": round(ms, 3),
                "images_per_s": round(self.batch * 1000 / ms, 2), "torch": torch.__version__}


def batches(text):
    values = [int(v) for v in text.split(",") if v.strip()]
    if not values or any(v < 1 for v in values):
        raise argparse.ArgumentTypeError(f"batch sizes must be positive integers, got {text!r}")
    return values


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--batch", type=batches, default=[32, 64, 128], help="comma-separated batch sizes")
    p.add_argument("--threads", type=int, default=1, help="intra-op threads (default 1, as the DL4J runs)")
    p.add_argument("--steps", type=int, default=10, help="timed steps per batch size")
    p.add_argument("--warmup", type=int, default=3, help="untimed steps first")
    p.add_argument("--serve", action="store_true", help="answer 'BATCH STEPS' lines from stdin")
    a = p.parse_args()
    if a.threads < 1 or a.steps < 1 or a.warmup < 0:
        p.error(f"need threads >= 1, steps >= 1, warmup >= 0; got {a.threads}, {a.steps}, {a.warmup}")
    os.environ.setdefault("OMP_NUM_THREADS", str(a.threads))
    torch.set_num_threads(a.threads)
    torch.set_num_interop_threads(1)
    steppers = {}

    def stepper(b):
        if b not in steppers:
            steppers.clear()  # one model at a time, as the DL4J workers do
            steppers[b] = Stepper(b)
            for _ in range(a.warmup):
                steppers[b].step()
        return steppers[b]

    if a.serve:
        print(json.dumps({"ready": True, "torch": torch.__version__, "threads": torch.get_num_threads()}), flush=True)
        for line in sys.stdin:
            if not line.strip():
                continue
            b, steps = (int(v) for v in line.split())
            print(json.dumps(stepper(b).time(steps)), flush=True)
        return
    for b in a.batch:
        print(json.dumps(stepper(b).time(a.steps)), flush=True)


if __name__ == "__main__":
    main()
