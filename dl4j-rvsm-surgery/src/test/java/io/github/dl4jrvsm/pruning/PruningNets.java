package io.github.dl4jrvsm.pruning;

import io.github.dl4jrvsm.surgery.SurgeryNets;
import io.github.dl4jrvsm.core.testsupport.TestNetworks;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Random;

/** Small networks with random weights and batch-norm statistics, and helpers to read them by layer name. */
final class PruningNets {

    private PruningNets() {
    }

    /** TestNetworks.convBn (conv1/bn1, conv2/bn2, 8 channels each) on 1x8x8 inputs, 3 classes. */
    static MultiLayerNetwork convBn(IUpdater updater, long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(TestNetworks.convBn(1, 8, 3, updater, seed));
        net.init();
        return net;
    }

    /** convBn with random weights, biases and batch-norm parameters. */
    static MultiLayerNetwork randomConvBn(long seed) {
        MultiLayerNetwork net = convBn(new Sgd(0.1), seed);
        randomise(net, seed);
        return net;
    }

    /** TestNetworks.residualGraph (stem, conv1/bn1, conv2 + stem) on 1x8x8 inputs, random parameters. */
    static ComputationGraph randomResidual(long seed) {
        ComputationGraph net = new ComputationGraph(TestNetworks.residualGraph(1, 8, 3, new Sgd(0.1), seed));
        net.init();
        randomise(net, seed);
        return net;
    }

    /** conv1/bn1/relu -&gt; max pool -&gt; conv2 (no batch norm, relu) -&gt; flattening dense -&gt; softmax. */
    static MultiLayerNetwork randomFlattening(long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(seed)
                .updater(new Sgd(0.1)).weightInit(WeightInit.RELU).list()
                .layer(new ConvolutionLayer.Builder(3, 3).name("conv1").nOut(6).padding(1, 1)
                        .activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().name("bn1").build())
                .layer(new ActivationLayer.Builder().name("relu1").activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).name("pool").kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).name("conv2").nOut(5).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().name("fc").nOut(7).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("out").nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(10, 10, 1))
                .build());
        net.init();
        randomise(net, seed);
        return net;
    }

    /** A dense network without convolution or batch norm. */
    static MultiLayerNetwork mlp() {
        MultiLayerNetwork net = new MultiLayerNetwork(TestNetworks.mlp(4, 5, 3, new Sgd(0.1), 1));
        net.init();
        return net;
    }

    /** Random weights and biases, gamma in [-1.5, 1.5] (signs matter for |gamma|), positive variances. */
    static void randomise(Model net, long seed) {
        Nd4j.getRandom().setSeed(seed);
        net.paramTable().forEach((k, v) -> {
            if (k.endsWith("_W")) {
                v.assign(Nd4j.randn(DataType.FLOAT, v.shape()).muli(0.3));
            } else if (k.endsWith("_b") || k.endsWith("_beta") || k.endsWith("_mean")) {
                v.assign(Nd4j.randn(DataType.FLOAT, v.shape()).muli(0.5));
            } else if (k.endsWith("_gamma")) {
                v.assign(Nd4j.rand(DataType.FLOAT, v.shape()).subi(0.5).muli(3));
            } else if (k.endsWith("_var")) {
                v.assign(Nd4j.rand(DataType.FLOAT, v.shape()).addi(0.2));
            }
        });
    }

    /** A parameter by layer name, also in a MultiLayerNetwork (whose own keys are layer indices). */
    static INDArray param(Model net, String layer, String key) {
        return SurgeryNets.param(net, layer, key);
    }

    /** A parameter as a double vector. */
    static double[] vector(Model net, String layer, String key) {
        INDArray p = param(net, layer, key);
        return p.castTo(DataType.DOUBLE).reshape(p.length()).toDoubleVector();
    }

    static long nOut(Model net, String layer) {
        Object conf = net instanceof MultiLayerNetwork mln ? layerConf(mln, layer)
                : ((ComputationGraph) net).getLayer(layer).conf().getLayer();
        return ((FeedForwardLayer) conf).getNOut();
    }

    private static Object layerConf(MultiLayerNetwork mln, String layer) {
        for (int i = 0; i < mln.getnLayers(); i++) {
            if (layer.equals(mln.getLayer(i).conf().getLayer().getLayerName())) {
                return mln.getLayer(i).conf().getLayer();
            }
        }
        throw new IllegalArgumentException("no layer " + layer);
    }

    static INDArray output(Model m, INDArray x) {
        return m instanceof MultiLayerNetwork mln ? mln.output(x) : ((ComputationGraph) m).outputSingle(x);
    }

    static double maxAbsDiff(Model a, Model b, INDArray x) {
        return output(a, x).sub(output(b, x)).amaxNumber().doubleValue();
    }

    static INDArray randomInputs(long seed, long... shape) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.randn(DataType.FLOAT, shape);
    }

    /**
     * {@code n} 1x8x8 images of 3 classes told apart by brightness (class mean -3, 0, 3, per-pixel noise 1):
     * separable after global average pooling, which TestData.images' per-pixel blobs are not.
     */
    static DataSet brightness(int n, long seed) {
        Random r = new Random(seed);
        INDArray x = Nd4j.create(DataType.FLOAT, n, 1, 8, 8);
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, 3);
        for (int i = 0; i < n; i++) {
            int c = r.nextInt(3);
            for (int h = 0; h < 8; h++) {
                for (int w = 0; w < 8; w++) {
                    x.putScalar(new int[]{i, 0, h, w}, 3 * (c - 1) + r.nextGaussian());
                }
            }
            y.putScalar(i, c, 1.0);
        }
        return new DataSet(x, y);
    }

    /** Fraction of examples whose arg-max output is the labelled class. */
    static double accuracy(Model m, DataSet data) {
        INDArray predicted = output(m, data.getFeatures()).argMax(1);
        INDArray actual = data.getLabels().argMax(1);
        return predicted.eq(actual).castTo(DataType.DOUBLE).meanNumber().doubleValue();
    }
}
