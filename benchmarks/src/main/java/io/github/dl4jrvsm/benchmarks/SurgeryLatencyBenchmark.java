package io.github.dl4jrvsm.benchmarks;

import io.github.dl4jrvsm.nativecpu.CpuBackend;
import io.github.dl4jrvsm.pruning.L1FilterPruning;
import io.github.dl4jrvsm.core.report.SparsityReport;
import io.github.dl4jrvsm.surgery.BatchNormFolding;
import io.github.dl4jrvsm.surgery.FoldedModel;
import io.github.dl4jrvsm.surgery.Latency;
import io.github.dl4jrvsm.zoo.InputShape;
import io.github.dl4jrvsm.zoo.LeNet5;
import io.github.dl4jrvsm.zoo.ResNetCifar;
import io.github.dl4jrvsm.zoo.Vgg16;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Does channel surgery's latency follow its FLOPs? For LeNet-5, VGG16 and ResNet20 on 1x28x28 inputs, prunes the
 * lowest-L1 filters at rates 0.5 and 0.75 ({@link L1FilterPruning}, deterministic, no training: latency does not
 * depend on the weights) and prints a Markdown table of the FLOPs speed-up, the latency speed-up at each batch size,
 * and their quotient ("off by", the target is at most 1.2), once for the networks as built and once with
 * batch norm folded into both sides ({@link BatchNormFolding}), plus what folding alone gains on the unpruned network.
 *
 * <p>Every latency is a pair of medians from {@link Latency#measure}, which interleaves the two networks; only the
 * ratios mean anything on a shared machine. Usage: {@code SurgeryLatencyBenchmark [repetitions] [warmup] [batches]},
 * e.g. {@code 9 2 1,128}: at least that many repetitions and warm-up passes; where one pass of the original network
 * takes less than a third of a second the count is raised so a measurement spans about 3 seconds (at most 400
 * repetitions, warm-up a fifth of that), because with few sub-millisecond runs on a loaded machine the medians
 * measure the scheduler. LeNet-5 has no batch norm, so its "folding" row compares two equal networks: the noise floor.
 */
public final class SurgeryLatencyBenchmark {

    static final long[] SHAPE = {1, 28, 28};
    private static final double[] RATES = {0.5, 0.75};

    private SurgeryLatencyBenchmark() {
    }

    public static void main(String[] args) {
        CpuBackend.configure();
        BenchmarkArgs arguments = new BenchmarkArgs(args);
        int repetitions = arguments.integer(0, 9);
        int warmup = arguments.integer(1, 2);
        int[] batches = arguments.integers(2, 1, 128);
        if (repetitions < 1 || warmup < 0) {
            throw new IllegalArgumentException("need repetitions >= 1 and warmup >= 0, got " + repetitions + " and " + warmup);
        }
        System.out.printf(Locale.ROOT, "SurgeryLatencyBenchmark: 1x28x28, %d repetitions after %d warm-up, %s, %d cores, "
                        + "OMP_NUM_THREADS=%s%n%n", repetitions, warmup, CpuBackend.describe(),
                Runtime.getRuntime().availableProcessors(), System.getenv("OMP_NUM_THREADS"));
        Map<String, Supplier<Model>> models = new LinkedHashMap<>();
        InputShape grey = InputShape.FASHION_MNIST;
        models.put("LeNet-5", () -> new LeNet5().withInputShape(grey).init());
        models.put("VGG16", () -> new Vgg16().withInputShape(grey).init());
        models.put("ResNet20", () -> ResNetCifar.resnet20().withInputShape(grey).init());

        StringBuilder table = new StringBuilder("| network | rate | FLOPs speed-up | batch | latency speed-up | off by | "
                + "folded: latency speed-up | folded: off by |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        StringBuilder foldAlone = new StringBuilder("| network | batch norms folded / kept | batch | repetitions | folding speed-up "
                + "(unpruned) |\n|---|---|---:|---:|---:|\n");
        for (Map.Entry<String, Supplier<Model>> e : models.entrySet()) {
            Model before = e.getValue().get();
            FoldedModel<Model> foldedBefore = BatchNormFolding.foldWithDecisions(before);
            Map<Integer, Integer> reps = new LinkedHashMap<>();
            for (int b : batches) {
                reps.put(b, reps(before, input(b), repetitions));
                int r = reps.get(b);
                Latency f = Latency.measure(before, foldedBefore.network(), input(b), Math.max(warmup, r / 5), r);
                foldAlone.append(String.format(Locale.ROOT, "| %s | %d / %d | %d | %d | %.2fx |%n", e.getKey(),
                        foldedBefore.folded().size(), foldedBefore.kept().size(), b, r, 1 / f.ratio()));
            }
            long flopsBefore = SparsityReport.of(before, SHAPE).flops();
            for (double rate : RATES) {
                Model after = L1FilterPruning.prune(before, rate).network();
                Model foldedAfter = BatchNormFolding.fold(after);
                double flopSpeedUp = (double) flopsBefore / SparsityReport.of(after, SHAPE).flops();
                for (int b : batches) {
                    INDArray x = input(b);
                    int r = reps.get(b);
                    Latency plain = Latency.measure(before, after, x, Math.max(warmup, r / 5), r);
                    Latency folded = Latency.measure(foldedBefore.network(), foldedAfter, x, Math.max(warmup, r / 5), r);
                    String row = String.format(Locale.ROOT, "| %s | %.2f | %.2fx | %d | %.2fx | %.2f | %.2fx | %.2f |%n",
                            e.getKey(), rate, flopSpeedUp, b, 1 / plain.ratio(), flopSpeedUp * plain.ratio(),
                            1 / folded.ratio(), flopSpeedUp * folded.ratio());
                    table.append(row);
                    System.out.print(row);
                    System.out.flush();
                }
            }
        }
        System.out.println();
        System.out.println(table);
        System.out.println(foldAlone);
    }

    /** Repetitions so that one measurement of {@code model} on {@code x} spans about 3 s, at least {@code min}. */
    private static int reps(Model model, INDArray x, int min) {
        Latency.measure(model, model, x, 1, 1);
        double ms = Latency.measure(model, model, x, 0, 3).beforeMs();
        return (int) Math.max(min, Math.min(400, Math.ceil(3000 / Math.max(ms, 1e-3) / 2)));
    }

    /** Random images of {@link #SHAPE}, the same for a given batch size in every run. */
    static INDArray input(int batch) {
        Nd4j.getRandom().setSeed(batch);
        return Nd4j.rand(DataType.FLOAT, batch, SHAPE[0], SHAPE[1], SHAPE[2]);
    }
}
