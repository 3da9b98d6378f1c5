package io.github.dl4jrvsm.core.backend;

import io.github.dl4jrvsm.core.testsupport.TestData;
import io.github.dl4jrvsm.core.testsupport.TestNetworks;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Nesterovs;

import java.util.ArrayList;
import java.util.List;

/** Trains a small conv + batch-norm network a few steps and prints its losses; run in a JVM per backend. */
public final class BackendProbe {

    private BackendProbe() {
    }

    public static void main(String[] args) {
        CpuBackend.configure();
        System.out.println("HELPER " + helperName());
        System.out.println("LOSSES " + losses());
        System.out.println("LIB " + CpuBackend.nativeLibrary());
    }

    static String helperName() {
        MultiLayerNetwork net = new MultiLayerNetwork(TestNetworks.convBn(3, 8, 4, new Nesterovs(0.05, 0.9), 7));
        net.init();
        var helper = ((ConvolutionLayer) net.getLayer(0)).getHelper();
        return helper == null ? "none" : helper.getClass().getSimpleName();
    }

    static List<Double> losses() {
        MultiLayerNetwork net = new MultiLayerNetwork(TestNetworks.convBn(3, 8, 4, new Nesterovs(0.05, 0.9), 7));
        net.init();
        DataSet data = TestData.images(32, 3, 8, 4, 5);
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            net.fit(data);
            out.add(net.score());
        }
        return out;
    }
}
