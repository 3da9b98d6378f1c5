package io.github.dl4jrvsm.benchmarks;

import io.github.dl4jrvsm.deploy.runtime.RuntimeOptions;
import io.github.dl4jrvsm.deploy.runtime.SparseRuntime;
import io.github.dl4jrvsm.nativecpu.CpuBackend;
import io.github.dl4jrvsm.pruning.L1FilterPruning;
import io.github.dl4jrvsm.zoo.InputShape;
import io.github.dl4jrvsm.zoo.LeNet5;
import io.github.dl4jrvsm.zoo.ResNetCifar;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Is a sparse model faster when it runs on {@link SparseRuntime}? For LeNet-5 (1x28x28) and ResNet20 (3x32x32) at
 * 0, 50, 80, 90 and 95% zero weights (magnitude pruning per layer: the smallest weights of each convolution and dense
 * layer set to zero, as RVSM's hard threshold leaves them), times three ways of running the same network, interleaved
 * in rounds ({@link Interleaved}): DL4J's {@code output}, the runtime with dense kernels only, and the runtime with
 * sparse kernels where a layer is at least half zeros. Prints a Markdown table of medians and per-round ratios at
 * batch 1 (latency) and batch 128 (throughput). Then the same for channel-pruned networks after surgery (the
 * structure RGSM leaves: whole filters removed, the rest dense; here by {@link L1FilterPruning} at 50 and 75% of the
 * filters), where the runtime's dense kernels run a smaller dense network. Only ratios within one run mean anything
 * on a shared machine.
 *
 * <p>Usage: {@code SparseRuntimeBenchmark [rounds] [threads] [all|unstructured|channels]} (defaults 30, 1, all).
 */
public final class SparseRuntimeBenchmark {

    private static final double[] SPARSITIES = {0, 0.5, 0.8, 0.9, 0.95};
    private static final int[] BATCHES = {1, 128};

    private SparseRuntimeBenchmark() {
    }

    public static void main(String[] args) {
        CpuBackend.configure();
        BenchmarkArgs arguments = new BenchmarkArgs(args);
        int rounds = arguments.integer(0, 30);
        int threads = arguments.integer(1, 1);
        String part = arguments.text(2, "all");
        if (!List.of("all", "unstructured", "channels").contains(part)) {
            throw new IllegalArgumentException("the third argument must be all, unstructured or channels, got " + part);
        }
        if (rounds < 3 || threads < 1) {
            throw new IllegalArgumentException("need rounds >= 3 and threads >= 1, got " + rounds + " and " + threads);
        }
        System.out.printf(Locale.ROOT, "SparseRuntimeBenchmark: %d rounds, runtime threads %d, %s, %d cores, "
                        + "OMP_NUM_THREADS=%s, Java %s%n%n", rounds, threads, CpuBackend.describe(),
                Runtime.getRuntime().availableProcessors(), System.getenv("OMP_NUM_THREADS"),
                System.getProperty("java.version"));
        if (!part.equals("channels")) {
            System.out.println("| network | zeros | batch | DL4J ms | runtime dense ms | runtime sparse ms | "
                    + "DL4J / sparse | dense / sparse |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            run("LeNet-5", () -> new LeNet5().withInputShape(InputShape.FASHION_MNIST).init(), new int[]{1, 28, 28},
                    rounds, threads);
            run("ResNet20", () -> ResNetCifar.resnet20().init(), new int[]{3, 32, 32}, rounds, threads);
            System.out.println();
        }
        if (part.equals("unstructured")) {
            return;
        }
        System.out.println("| network | filters removed | batch | DL4J ms (pruned) | runtime ms (pruned) | DL4J / runtime |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (double rate : new double[]{0.5, 0.75}) {
            channels("LeNet-5", L1FilterPruning.prune(new LeNet5().withInputShape(InputShape.FASHION_MNIST).init(), rate)
                    .network(), rate, new int[]{1, 28, 28}, rounds, threads);
            channels("ResNet20", L1FilterPruning.prune(ResNetCifar.resnet20().init(), rate).network(), rate,
                    new int[]{3, 32, 32}, rounds, threads);
        }
    }

    private static void channels(String name, Model pruned, double rate, int[] shape, int rounds, int threads) {
        try (SparseRuntime runtime = SparseRuntime.compile(pruned, RuntimeOptions.defaults().withThreads(threads), shape)) {
            for (int batch : BATCHES) {
                Interleaved timing = time(pruned, batch, shape, rounds, Map.of("runtime", runtime));
                System.out.printf(Locale.ROOT, "| %s | %.0f%% | %d | %.3f | %.3f | %.2fx |%n", name, 100 * rate, batch,
                        timing.median("dl4j"), timing.median("runtime"), 1 / timing.ratio("runtime", "dl4j"));
            }
        }
    }

    /**
     * DL4J and each runtime on one random batch, interleaved; ten times the rounds at batch 1, where a call is short
     * and the machine's noise large against it.
     */
    private static Interleaved time(Model model, int batch, int[] shape, int rounds, Map<String, SparseRuntime> runtimes) {
        INDArray x = Nd4j.rand(DataType.FLOAT, batchShape(batch, shape));
        float[] in = x.dup('c').data().asFloat();
        float[] out = new float[batch * 10];
        int r = batch == 1 ? rounds * 10 : Math.max(5, rounds / 3);
        Interleaved timing = new Interleaved().add("dl4j", () -> output(model, x));
        new TreeMap<>(runtimes).forEach((name, runtime) -> timing.add(name, () -> runtime.predict(in, batch, out)));
        return timing.run(Math.max(2, r / 5), r);
    }

    private static long[] batchShape(int batch, int[] shape) {
        long[] batchShape = new long[shape.length + 1];
        batchShape[0] = batch;
        for (int i = 0; i < shape.length; i++) {
            batchShape[i + 1] = shape[i];
        }
        return batchShape;
    }

    private static void run(String name, Supplier<Model> build, int[] shape, int rounds, int threads) {
        for (double zeros : SPARSITIES) {
            Model model = build.get();
            prune(model, zeros);
            RuntimeOptions options = RuntimeOptions.defaults().withThreads(threads);
            try (SparseRuntime dense = SparseRuntime.compile(model, options.withSparseFrom(2), shape);
                 SparseRuntime sparse = SparseRuntime.compile(model, options, shape)) {
                for (int batch : BATCHES) {
                    Interleaved timing = time(model, batch, shape, rounds, Map.of("dense", dense, "sparse", sparse));
                    System.out.printf(Locale.ROOT, "| %s | %.0f%% | %d | %.3f | %.3f | %.3f | %.2fx | %.2fx |%n", name,
                            100 * zeros, batch, timing.median("dl4j"), timing.median("dense"), timing.median("sparse"),
                            1 / timing.ratio("sparse", "dl4j"), 1 / timing.ratio("sparse", "dense"));
                }
            }
        }
    }

    private static void output(Model m, INDArray x) {
        INDArray out = m instanceof MultiLayerNetwork n ? n.output(x) : ((ComputationGraph) m).outputSingle(x);
        Nd4j.getExecutioner().commit();
        if (out.isEmpty()) {
            throw new IllegalStateException("empty output");
        }
    }

    /** Sets the {@code share} smallest-magnitude weights of every weight tensor to zero. */
    static void prune(Model m, double share) {
        if (share <= 0) {
            return;
        }
        m.paramTable().forEach((k, p) -> {
            if (k.endsWith("_W")) {
                float[] mags = Nd4j.math().abs(p).dup('c').data().asFloat();
                Arrays.sort(mags);
                float threshold = mags[(int) Math.min(mags.length - 1, Math.floor(share * mags.length))];
                p.muli(Nd4j.math().abs(p).gte(threshold).castTo(p.dataType()));
            }
        });
    }
}
