package io.github.dl4jrvsm.zoo.layers;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EnResNet noise layer: its statistics, its inference switch, its exact gradient, its configuration. */
class RelativeGaussianNoiseTest {

    private static RelativeGaussianNoiseLayer layer(double c, boolean atInference, DataType type) {
        RelativeGaussianNoise conf = new RelativeGaussianNoise(c, atInference);
        conf.setLayerName("noise");
        NeuralNetConfiguration nnc = new NeuralNetConfiguration.Builder().dataType(type).layer(conf).build();
        return (RelativeGaussianNoiseLayer) conf.instantiate(nnc, null, 0, null, false, type);
    }

    private static INDArray forward(RelativeGaussianNoiseLayer l, INDArray x, boolean training) {
        return l.activate(x, training, LayerWorkspaceMgr.noWorkspaces()).dup();
    }

    /** Activations with mean 1 and standard deviation 3. */
    private static INDArray activations(DataType type, long seed, long... shape) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.randn(type, shape).muli(3).addi(1);
    }

    @Test
    void noiseHasTheStandardDeviationOfCTimesTheActivations() {
        double c = 0.1;
        RelativeGaussianNoiseLayer l = layer(c, true, DataType.FLOAT);
        INDArray x = activations(DataType.FLOAT, 1, 64, 16, 8, 8);          // 65,536 entries
        INDArray noise = forward(l, x, true).subi(x);
        double expected = c * RelativeNoiseMath.unbiasedStd(x);            // ~0.3
        double se = expected / Math.sqrt(2.0 * x.length());                 // standard error of a std estimate
        double std = noise.stdNumber().doubleValue();
        assertEquals(expected, std, 4 * se, "std of the noise");
        assertEquals(0, noise.meanNumber().doubleValue(), 4 * expected / Math.sqrt(x.length()), "mean of the noise");
        assertTrue(Math.abs(expected - 0.3) < 0.01, "the input has std 3: " + expected);
        // the noise is exactly c * std(x) * eps with the recorded sample
        INDArray rebuilt = l.lastNoise().muli(expected);
        assertEquals(0, rebuilt.sub(noise).amaxNumber().doubleValue(), 1e-5);
    }

    @Test
    void onAtInferenceByDefaultAndSwitchable() {
        INDArray x = activations(DataType.FLOAT, 2, 4, 3, 5, 5);
        RelativeGaussianNoiseLayer on = layer(0.1, true, DataType.FLOAT);
        assertNotEquals(forward(on, x, false), forward(on, x, false), "two inference passes must differ");
        assertNotEquals(x, forward(on, x, false));

        RelativeGaussianNoiseLayer off = layer(0.1, false, DataType.FLOAT);
        assertEquals(x, forward(off, x, false), "noise off at inference: identity");
        assertNotEquals(x, forward(off, x, true), "training always adds noise");

        RelativeGaussianNoiseLayer zero = layer(0.0, true, DataType.FLOAT);
        assertEquals(x, forward(zero, x, true), "c = 0: identity");
        assertTrue(new RelativeGaussianNoise().isNoiseAtInference());
        assertEquals(0.1, new RelativeGaussianNoise().getCoefficient());
    }

    /** Central differences of {@code f(x) = <w, x + c s(x) eps>} for a fixed {@code eps}. */
    private static INDArray numericGradient(Function<INDArray, INDArray> forward, INDArray x,
                                            INDArray w) {
        double h = 1e-6;
        INDArray grad = Nd4j.zeros(DataType.DOUBLE, x.shape());
        INDArray flatX = x.reshape(x.length()), flatG = grad.reshape(grad.length());
        for (long i = 0; i < x.length(); i++) {
            double v = flatX.getDouble(i);
            flatX.putScalar(i, v + h);
            double plus = forward.apply(x).mul(w).sumNumber().doubleValue();
            flatX.putScalar(i, v - h);
            double minus = forward.apply(x).mul(w).sumNumber().doubleValue();
            flatX.putScalar(i, v);
            flatG.putScalar(i, (plus - minus) / (2 * h));
        }
        return grad;
    }

    @Test
    void backwardMatchesFiniteDifferencesIncludingTheStdTerm() {
        double c = 0.5;
        INDArray x = activations(DataType.DOUBLE, 3, 2, 3, 4, 4);
        Nd4j.getRandom().setSeed(4);
        INDArray eps = Nd4j.randn(DataType.DOUBLE, x.shape());
        INDArray w = Nd4j.randn(DataType.DOUBLE, x.shape());
        INDArray analytic = RelativeNoiseMath.backward(x, eps, c, w);
        INDArray numeric = numericGradient(v -> RelativeNoiseMath.forward(v, eps, c), x, w);
        assertEquals(0, analytic.sub(numeric).amaxNumber().doubleValue(), 1e-6);
        // the std term matters: a straight-through gradient (w) would fail the comparison above
        assertTrue(analytic.sub(w).amaxNumber().doubleValue() > 1e-3, "the gradient through std is not negligible");
    }

    @Test
    void layerBackpropMatchesFiniteDifferencesWithAFixedNoiseSample() {
        double c = 0.3;
        RelativeGaussianNoiseLayer l = layer(c, true, DataType.DOUBLE);
        INDArray x = activations(DataType.DOUBLE, 5, 3, 2, 3, 3);
        Nd4j.getRandom().setSeed(6);
        INDArray eps = Nd4j.randn(DataType.DOUBLE, x.shape());
        INDArray w = Nd4j.randn(DataType.DOUBLE, x.shape());
        l.fixNoise(eps);
        forward(l, x, true);
        assertEquals(eps, l.lastNoise(), "the fixed sample is replayed");
        INDArray analytic = l.backpropGradient(w, LayerWorkspaceMgr.noWorkspaces()).getSecond();
        INDArray numeric = numericGradient(v -> forward(l, v, true), x.dup(), w);
        assertEquals(0, analytic.sub(numeric).amaxNumber().doubleValue(), 1e-6);

        l.fixNoise(null);
        forward(l, x, true);
        assertNotEquals(eps, l.lastNoise(), "fresh samples again");
    }

    @Test
    void withoutNoiseTheGradientPassesThrough() {
        RelativeGaussianNoiseLayer l = layer(0.1, false, DataType.DOUBLE);
        INDArray x = activations(DataType.DOUBLE, 7, 2, 2, 3, 3);
        INDArray g = Nd4j.randn(DataType.DOUBLE, x.shape());
        forward(l, x, false);
        assertEquals(g, l.backpropGradient(g, LayerWorkspaceMgr.noWorkspaces()).getSecond());
    }

    @Test
    void constantInputHasNoNoiseAndAFiniteGradient() {
        RelativeGaussianNoiseLayer l = layer(0.1, true, DataType.DOUBLE);
        INDArray x = Nd4j.valueArrayOf(new long[]{2, 3}, 5.0, DataType.DOUBLE);
        assertEquals(x, forward(l, x, true));
        INDArray g = Nd4j.ones(DataType.DOUBLE, 2, 3);
        assertEquals(g, l.backpropGradient(g, LayerWorkspaceMgr.noWorkspaces()).getSecond());
    }

    @Test
    void rejectsInvalidCoefficients() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RelativeGaussianNoise.Builder().coefficient(-0.5).build());
        assertTrue(e.getMessage().contains("-0.5") && e.getMessage().contains(">= 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RelativeGaussianNoise(Double.NaN, true));
        assertThrows(IllegalArgumentException.class, () -> new RelativeGaussianNoise(Double.POSITIVE_INFINITY, true));
        RelativeGaussianNoiseLayer l = layer(0.1, true, DataType.FLOAT);
        assertThrows(IllegalStateException.class, () -> {
            l.fixNoise(Nd4j.ones(2, 2));
            forward(l, Nd4j.ones(DataType.FLOAT, 3, 3), true);
        });
    }

    private static MultiLayerConfiguration convNoiseNet(double c, boolean atInference) {
        return new NeuralNetConfiguration.Builder().seed(1).updater(new Sgd(0.1)).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build())
                .layer(new RelativeGaussianNoise.Builder().name("noise").coefficient(c).noiseAtInference(atInference)
                        .build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(6, 6, 1))
                .build();
    }

    @Test
    void jsonRoundTripKeepsTheSettings() {
        MultiLayerConfiguration conf = convNoiseNet(0.25, false);
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
        assertEquals(conf, back);
        RelativeGaussianNoise n = (RelativeGaussianNoise) back.getConf(1).getLayer();
        assertEquals(0.25, n.getCoefficient());
        assertEquals(false, n.isNoiseAtInference());
        assertEquals("noise", n.getLayerName());
        assertNotEquals(conf, convNoiseNet(0.25, true), "the switch is part of the configuration");
        assertNotEquals(conf, convNoiseNet(0.2, false), "the coefficient is part of the configuration");
    }

    @Test
    void trainsInAMultiLayerNetwork() {
        MultiLayerNetwork net = new MultiLayerNetwork(convNoiseNet(0.1, true));
        net.init();
        Nd4j.getRandom().setSeed(8);
        INDArray x = Nd4j.rand(DataType.FLOAT, 8, 1, 6, 6);
        INDArray y = Nd4j.eye(3).getRows(0, 1, 2, 0, 1, 2, 0, 1).castTo(DataType.FLOAT);
        INDArray before = net.params().dup();
        net.fit(new DataSet(x, y));
        assertNotEquals(before, net.params());
        assertTrue(Double.isFinite(net.score()));
        assertNotEquals(net.output(x), net.output(x), "noise at inference in a MultiLayerNetwork");
    }
}
