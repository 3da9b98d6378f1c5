package io.github.dl4jrvsm.benchmarks;

import io.github.dl4jrvsm.deploy.Quantization;
import io.github.dl4jrvsm.deploy.SparseModelFile;
import io.github.dl4jrvsm.nativecpu.CpuBackend;
import io.github.dl4jrvsm.pruning.L1FilterPruning;
import io.github.dl4jrvsm.zoo.InputShape;
import io.github.dl4jrvsm.zoo.LeNet5;
import io.github.dl4jrvsm.zoo.ResNetCifar;
import io.github.dl4jrvsm.zoo.Vgg16;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * How much smaller is a sparse model in the {@code .rvsmz} format than in DL4J's zip? For LeNet-5, ResNet20 and
 * VGG16 at 0, 50, 90 and 95% zero weights (magnitude pruning per layer, as in {@link SparseRuntimeBenchmark}), and
 * for ResNet20 with 50 and 75% of its filters cut out by channel surgery (the structure RGSM leaves), prints
 * the bytes of DL4J's zip with and without updater state and of {@code .rvsmz} at each precision, and the ratios.
 * Each network first takes one training step on a random batch, so its updater state (Nesterov momentum) holds values
 * as a trained model's does; the zip with updater state is what {@code rvsm train} writes as {@code model.zip}.
 * Sizes do not depend on the machine: one run is exact.
 */
public final class CompressionBenchmark {

    private CompressionBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        CpuBackend.configure();
        System.out.println("| network | zeros | zip + updater | zip | rvsmz | rvsmz fp16 | rvsmz int8 | zip+updater / int8 "
                + "| zip / int8 |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        row("LeNet-5", () -> new LeNet5().withInputShape(InputShape.FASHION_MNIST).init(), 1, 28, 28);
        row("ResNet20", () -> ResNetCifar.resnet20().init(), 3, 32, 32);
        row("VGG16", () -> new Vgg16().withInputShape(InputShape.CIFAR).init(), 3, 32, 32);
        for (double rate : new double[]{0.5, 0.75}) {
            sizes(String.format(Locale.ROOT, "ResNet20, %.0f%% filters cut", 100 * rate), "0%",
                    L1FilterPruning.prune(trained(ResNetCifar.resnet20().init(), 3, 32, 32), rate).network());
        }
    }

    private static void row(String name, Supplier<Model> build, long... shape) throws IOException {
        for (double zeros : new double[]{0, 0.5, 0.9, 0.95}) {
            Model m = trained(build.get(), shape);
            SparseRuntimeBenchmark.prune(m, zeros);
            sizes(name, String.format(Locale.ROOT, "%.0f%%", 100 * zeros), m);
        }
    }

    private static void sizes(String name, String zeros, Model m) throws IOException {
        long withUpdater = zip(m, true), plain = zip(m, false);
        long none = SparseModelFile.toBytes(m, Quantization.NONE).length;
        long fp16 = SparseModelFile.toBytes(m, Quantization.FP16).length;
        long int8 = SparseModelFile.toBytes(m, Quantization.INT8).length;
        System.out.printf(Locale.ROOT, "| %s | %s | %,d | %,d | %,d | %,d | %,d | %.1fx | %.1fx |%n", name, zeros,
                withUpdater, plain, none, fp16, int8, (double) withUpdater / int8, (double) plain / int8);
    }

    private static Model trained(Model m, long... shape) {
        oneStep(m, shape);
        return m;
    }

    private static void oneStep(Model m, long... shape) {
        Nd4j.getRandom().setSeed(1);
        INDArray x = Nd4j.rand(DataType.FLOAT, 8, shape[0], shape[1], shape[2]);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 8, 10);
        for (int i = 0; i < 8; i++) {
            y.putScalar(i, i % 10, 1);
        }
        if (m instanceof MultiLayerNetwork n) {
            n.fit(new DataSet(x, y));
        } else {
            ((ComputationGraph) m).fit(new DataSet(x, y));
        }
    }

    private static long zip(Model m, boolean updater) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (m instanceof MultiLayerNetwork n) {
            ModelSerializer.writeModel(n, out, updater);
        } else {
            ModelSerializer.writeModel((ComputationGraph) m, out, updater);
        }
        return out.size();
    }
}
