package io.github.dl4jrvsm.surgery;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Small networks with hand-made zero channels and non-trivial biases and batch-norm statistics. */
public final class SurgeryNets {

    private SurgeryNets() {
    }

    /**
     * conv1 3x3 pad 1 (relu, bias) - bn1 - max pool - conv2 3x3 no padding (relu) - max pool - fc 12 relu - out 3,
     * on 1x12x12.
     */
    static MultiLayerNetwork sequential() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).weightInit(WeightInit.XAVIER).list()
                .layer(new ConvolutionLayer.Builder(3, 3).name("conv1").nOut(6).padding(1, 1).activation(Activation.RELU).build())
                .layer(new BatchNormalization.Builder().name("bn1").build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).name("pool1").kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).name("conv2").nOut(8).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).name("pool2").kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().name("fc").nOut(12).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("out").nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(12, 12, 1)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        randomise(net);
        return net;
    }

    /**
     * Pre-activation residual graph on 1x8x8: stem conv (pad 1) - [bn1 - conv1 (pad 1, no bias) - bn2 - conv2 (pad 1,
     * no bias)] + stem - global average pool - dense out 3.
     */
    static ComputationGraph residual() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(2).weightInit(WeightInit.XAVIER)
                .graphBuilder().addInputs("in")
                .addLayer("stem", new ConvolutionLayer.Builder(3, 3).nOut(6).padding(1, 1).activation(Activation.IDENTITY).build(), "in")
                .addLayer("bn1", new BatchNormalization.Builder().build(), "stem")
                .addLayer("conv1", new ConvolutionLayer.Builder(3, 3).nOut(5).padding(1, 1).hasBias(false)
                        .activation(Activation.IDENTITY).build(), "bn1")
                .addLayer("bn2", new BatchNormalization.Builder().build(), "conv1")
                .addLayer("conv2", new ConvolutionLayer.Builder(3, 3).nOut(6).padding(1, 1).hasBias(false)
                        .activation(Activation.IDENTITY).build(), "bn2")
                .addVertex("add", new ElementWiseVertex(ElementWiseVertex.Op.Add), "conv2", "stem")
                .addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "add")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).build(), "gap")
                .setOutputs("out").setInputTypes(InputType.convolutional(8, 8, 1)).build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        randomise(net);
        return net;
    }

    /** Random batch-norm statistics and affine parameters, and non-zero biases, so constants are non-trivial. */
    static void randomise(Model net) {
        Nd4j.getRandom().setSeed(7);
        net.paramTable().forEach((k, v) -> {
            if (k.endsWith("_b") || k.endsWith("_beta") || k.endsWith("_mean")) {
                v.assign(Nd4j.randn(DataType.FLOAT, v.shape()).muli(0.5));
            } else if (k.endsWith("_gamma")) {
                v.assign(Nd4j.rand(DataType.FLOAT, v.shape()).addi(0.5));
            } else if (k.endsWith("_var")) {
                v.assign(Nd4j.rand(DataType.FLOAT, v.shape()).addi(0.2));
            } else if (k.endsWith("_log10stdev")) {
                v.assign(Nd4j.rand(DataType.FLOAT, v.shape()).subi(0.5).muli(0.5));
            }
        });
    }

    /** Zeroes output channels: filters of a convolution, weight columns of a dense layer. */
    static void zeroOutputs(Model net, String layer, int... channels) {
        INDArray w = param(net, layer, "W");
        for (int c : channels) {
            if (w.rank() == 2) {
                w.get(NDArrayIndex.all(), NDArrayIndex.point(c)).assign(0);
            } else {
                w.get(NDArrayIndex.point(c), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all()).assign(0);
            }
        }
    }

    /** A parameter by layer name, also in a MultiLayerNetwork (whose own keys are layer indices). */
    public static INDArray param(Model net, String layer, String key) {
        if (net instanceof MultiLayerNetwork mln) {
            for (int i = 0; i < mln.getnLayers(); i++) {
                if (layer.equals(mln.getLayer(i).conf().getLayer().getLayerName())) {
                    return mln.getLayer(i).getParam(key);
                }
            }
            throw new IllegalArgumentException("no layer " + layer);
        }
        return ((ComputationGraph) net).getLayer(layer).getParam(key);
    }

    static INDArray output(Model m, INDArray x) {
        return m instanceof MultiLayerNetwork mln ? mln.output(x) : ((ComputationGraph) m).outputSingle(x);
    }

    static double maxAbsDiff(Model a, Model b, INDArray x) {
        return output(a, x).sub(output(b, x)).amaxNumber().doubleValue();
    }
}
