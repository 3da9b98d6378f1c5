package io.github.dl4jrvsm.benchmarks;

import io.github.dl4jrvsm.core.backend.CpuBackend;
import io.github.dl4jrvsm.core.data.MnistFormat;
import io.github.dl4jrvsm.core.persist.SparseModelSerializer;
import io.github.dl4jrvsm.core.prox.L0Penalty;
import io.github.dl4jrvsm.core.report.SparsityReport;
import io.github.dl4jrvsm.core.training.SparseExport;
import io.github.dl4jrvsm.core.training.SparseTraining;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The quick-start job: LeNet-5 trained with RVSM-l0 on the embedded Fashion-MNIST subset, then exported as a plain
 * sparse DL4J model with its sparsity report. Usage: {@code QuickStart [outputDir] [epochs]}.
 */
public final class QuickStart {

    private static final String DATA = "/datasets/fashion-mnist-subset/";

    private QuickStart() {
    }

    public static void main(String[] args) throws IOException {
        CpuBackend.configure();
        Path out = Path.of(args.length > 0 ? args[0] : "target/quickstart");
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        DataSet train = embedded("train"), test = embedded("t10k");
        System.out.printf(Locale.ROOT, "dl4j-rvsm quick start: LeNet-5 + RVSM-l0 on %d Fashion-MNIST images (%s)%n",
                train.numExamples(), CpuBackend.describe());

        double lambda = 4e-5, beta = 1e-2;
        MultiLayerNetwork net = SparseTraining.rvsm(new L0Penalty(lambda), beta).network(leNet5());
        long start = System.nanoTime();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            train.shuffle(epoch);
            net.fit(new ListDataSetIterator<>(train.asList(), 64));
            double acc = net.evaluate(new ListDataSetIterator<>(test.asList(), 256)).accuracy();
            SparsityReport r = SparsityReport.of(net, 1, 28, 28);
            System.out.printf(Locale.ROOT, "epoch %d/%d  loss %.4f  test accuracy %.2f%%  sparsity %.2f%%  (%.0f s)%n",
                    epoch, epochs, net.score(), 100 * acc, 100 * r.sparsity(), (System.nanoTime() - start) / 1e9);
        }

        MultiLayerNetwork sparse = SparseExport.sparseCopy(net, null);
        double acc = sparse.evaluate(new ListDataSetIterator<>(test.asList(), 256)).accuracy();
        SparsityReport report = SparsityReport.of(sparse, 1, 28, 28);
        SparseModelSerializer.write(sparse, out.resolve("lenet5-rvsm-l0.zip").toFile());
        report.writeJson(out.resolve("sparsity.json"));
        System.out.println();
        System.out.println(report.toMarkdown());
        System.out.printf(Locale.ROOT, "Sparse model: test accuracy %.2f%%, %.2f%% of weights are zero, %d of %d parameters "
                        + "non-zero. lambda=%g beta=%g%nWritten: %s, %s%n", 100 * acc, 100 * report.sparsity(),
                report.totalParams() - report.zeroWeights(), report.totalParams(), lambda, beta,
                out.resolve("lenet5-rvsm-l0.zip"), out.resolve("sparsity.json"));
    }

    /** LeNet-5 (ReLU, max pooling) for 28x28 grey images. */
    static MultiLayerConfiguration leNet5() {
        return new NeuralNetConfiguration.Builder().seed(42).updater(new Nesterovs(0.02, 0.9))
                .weightInit(WeightInit.RELU).list()
                .layer(new ConvolutionLayer.Builder(5, 5).name("conv1").nOut(6).padding(2, 2).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).name("pool1").kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(5, 5).name("conv2").nOut(16).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).name("pool2").kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().name("fc1").nOut(120).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().name("fc2").nOut(84).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("out").nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(28, 28, 1))
                .build();
    }

    private static DataSet embedded(String split) throws IOException {
        String images = DATA + split + "-images-idx3-ubyte.gz", labels = DATA + split + "-labels-idx1-ubyte.gz";
        try (InputStream i = resource(images); InputStream l = resource(labels)) {
            return MnistFormat.load(i, images, l, labels);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = QuickStart.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("Embedded data set resource " + name + " is missing from the class path");
        }
        return in;
    }
}
