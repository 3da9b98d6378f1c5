package io.github.dl4jrvsm.nativecpu;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.ArrayList;
import java.util.List;

/**
 * Trains a small conv + batch-norm network a few steps and prints its losses; run in a JVM per backend. It builds its
 * own network and data because this module depends on nothing of the library.
 */
public final class BackendProbe {

    private static final int CLASSES = 4;

    private BackendProbe() {
    }

    public static void main(String[] args) {
        CpuBackend.configure();
        System.out.println("HELPER " + helperName());
        System.out.println("LOSSES " + losses());
        System.out.println("LIB " + CpuBackend.nativeLibrary());
    }

    static String helperName() {
        MultiLayerNetwork net = network();
        var helper = ((org.deeplearning4j.nn.layers.convolution.ConvolutionLayer) net.getLayer(0)).getHelper();
        return helper == null ? "none" : helper.getClass().getSimpleName();
    }

    static List<Double> losses() {
        MultiLayerNetwork net = network();
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.FLOAT, 32, 3, 8, 8);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 32, CLASSES);
        for (int i = 0; i < 32; i++) {
            y.putScalar(i, i % CLASSES, 1f);
        }
        DataSet data = new DataSet(x, y);
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            net.fit(data);
            out.add(net.score());
        }
        return out;
    }

    private static MultiLayerNetwork network() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(7).updater(new Nesterovs(0.05, 0.9))
                .weightInit(WeightInit.RELU)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(8).padding(1, 1).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(8, 8, 3))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
