package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import io.github.dl4jrvsm.deploy.SparseModelFile;
import io.github.dl4jrvsm.deploy.runtime.RuntimeOptions;
import io.github.dl4jrvsm.deploy.runtime.SparseRuntime;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;

/**
 * {@code rvsm infer}: runs a model on the sparse runtime and reports its test accuracy, its agreement with DL4J and
 * the latency of both at one batch size, measured alternately so that both see the same machine.
 */
@Command(name = "infer", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a model (.rvsmz or model zip) on the sparse runtime: accuracy and latency against DL4J.")
final class InferCommand extends RvsmCommand {

    @Option(names = "--in", required = true, description = "a .rvsmz file or a model zip") Path in;

    @Option(names = "--examples", defaultValue = "1000", description = "test examples (default: ${DEFAULT-VALUE})") int examples;

    @Option(names = "--batch", defaultValue = "1", description = "batch size of the latency measurement (default: ${DEFAULT-VALUE})") int batch;

    @Option(names = "--repetitions", defaultValue = "200", description = "timed calls per engine (default: ${DEFAULT-VALUE})") int repetitions;

    @Option(names = "--threads", defaultValue = "1", description = "runtime threads per call (default: ${DEFAULT-VALUE})") int threads;

    @Option(names = "--sparse-from", defaultValue = "0.5",
            description = "share of zero weights from which a layer runs sparse kernels (default: ${DEFAULT-VALUE})")
    double sparseFrom;

    @Mixin
    DataOptions dataOptions = new DataOptions();

    @Override
    public Integer call() throws Exception {
        InputModel.requireFile(in, "a .rvsmz file or a model zip");
        if (examples < 1 || batch < 1 || repetitions < 1) {
            throw new IllegalArgumentException("--examples, --batch and --repetitions must be >= 1, got " + examples
                    + ", " + batch + " and " + repetitions);
        }
        Model model = in.getFileName().toString().endsWith(".rvsmz") ? SparseModelFile.read(in) : RunDirectory.restore(in);
        TrainingData data = TrainingData.load(dataOptions.dataset, dataOptions.dataDir, dataOptions.download, 1, 0,
                examples, 0);
        int[] shape = {data.shape().channels(), data.shape().height(), data.shape().width()};
        NetworkAdapter dl4j = NetworkAdapter.of(model);
        PrintWriter out = out();
        try (SparseRuntime runtime = SparseRuntime.compile(model, new RuntimeOptions(threads, sparseFrom), shape)) {
            DataSet test = data.test();
            INDArray runtimeOut = runtime.predict(test.getFeatures());
            INDArray dl4jOut = dl4j.output(test.getFeatures(), false);
            int[] labels = test.getLabels().argMax(1).toIntVector();
            int[] mine = runtimeOut.argMax(1).toIntVector();
            int[] theirs = dl4jOut.argMax(1).toIntVector();
            long correct = 0, agree = 0;
            for (int i = 0; i < labels.length; i++) {
                correct += mine[i] == labels[i] ? 1 : 0;
                agree += mine[i] == theirs[i] ? 1 : 0;
            }
            out.printf(Locale.ROOT, "accuracy %.2f%% on %d test examples; predictions equal to DL4J's on %d of %d; "
                            + "max |output difference| %.2e%n", 100.0 * correct / labels.length, labels.length, agree,
                    labels.length, runtimeOut.sub(dl4jOut).amaxNumber().doubleValue());
            latency(out, runtime, dl4j, test.getFeatures());
        }
        return 0;
    }

    private void latency(PrintWriter out, SparseRuntime runtime, NetworkAdapter dl4j, INDArray features) {
        INDArray x = features.get(NDArrayIndex.interval(0, Math.min(batch, features.size(0)))).dup();
        if (x.size(0) < batch) {
            int copies = (int) ((batch + x.size(0) - 1) / x.size(0));
            x = Nd4j.concat(0, Collections.nCopies(copies, x).toArray(INDArray[]::new)).get(NDArrayIndex.interval(0, batch));
        }
        float[] in = x.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] result = new float[batch * Arrays.stream(runtime.outputShape()).reduce(1, (a, b) -> a * b)];
        double[] mine = new double[repetitions], theirs = new double[repetitions];
        for (int r = -repetitions / 5; r < repetitions; r++) {
            long t0 = System.nanoTime();
            runtime.predict(in, batch, result);
            long t1 = System.nanoTime();
            dl4j.output(x, false);
            Nd4j.getExecutioner().commit();
            long t2 = System.nanoTime();
            if (r >= 0) {
                mine[r] = (t1 - t0) / 1e6;
                theirs[r] = (t2 - t1) / 1e6;
            }
        }
        double m = median(mine), d = median(theirs);
        out.printf(Locale.ROOT, "batch %d: sparse runtime %.3f ms, DL4J %.3f ms (median of %d): %.2fx%n", batch, m, d,
                repetitions, d / m);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
