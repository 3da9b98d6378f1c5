package io.github.dl4jrvsm.zoo;

import io.github.dl4jrvsm.core.internal.NamedLayer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DL4J's batch-norm layer ignores the activation it is configured with, so a "batch norm + ReLU" block written as
 * one layer is silently linear; a pre-activation ResNet built that way is an affine map end to end. Every model of the
 * zoo must be truly non-linear: in inference mode an affine network satisfies f(a) + f(b) = f(a + b) + f(0).
 */
class NonLinearityTest {

    @Test
    void everyFamilyIsNonLinearAndNoBatchNormCarriesAnActivation() {
        List<ZooModel<?>> zoo = List.of(ResNetCifar.resnet20().withInputShape(InputShape.FASHION_MNIST),
                ResNetCifar.resnet20().withVariant(ResNetVariant.POST_ACTIVATION).withInputShape(InputShape.FASHION_MNIST),
                EnResNet.of(2, 20).withNoiseAtInference(false).withInputShape(InputShape.FASHION_MNIST),
                new Vgg16().withInputShape(InputShape.FASHION_MNIST), new ResNet18().withInputShape(InputShape.FASHION_MNIST),
                new LeNet5().withInputShape(InputShape.FASHION_MNIST));
        for (ZooModel<?> z : zoo) {
            Model m = z.init();
            int relus = 0;
            for (var l : NamedLayer.of(m)) {
                if (l.config() instanceof BatchNormalization bn) {
                    assertTrue(bn.getActivationFn() == null || bn.getActivationFn().toString().equals(Activation.IDENTITY
                            .getActivationFunction().toString()), l.name() + " has an activation DL4J would ignore");
                }
                if (l.config() instanceof ActivationLayer) {
                    relus++;
                }
            }
            Nd4j.getRandom().setSeed(1);
            INDArray a = Nd4j.rand(DataType.FLOAT, 2, 1, 28, 28), b = Nd4j.rand(DataType.FLOAT, 2, 1, 28, 28);
            INDArray gap = logits(m, a).add(logits(m, b)).sub(logits(m, a.add(b))).sub(logits(m, a.mul(0)));
            double scale = logits(m, a).norm2Number().doubleValue() + 1e-6;
            assertTrue(gap.norm2Number().doubleValue() > 1e-3 * scale, z.getClass().getSimpleName()
                    + " behaves as an affine map: gap " + gap.norm2Number() + " against " + scale);
            if (!(z instanceof LeNet5)) {
                assertTrue(relus > 0, z.getClass().getSimpleName() + " has no ReLU layer");
            } else {
                assertEquals(0, relus, "LeNet-5's ReLUs are inside its convolution and dense layers");
            }
        }
    }

    /**
     * The convolutional features (before any dense layer): the input of the first dense layer of a network, the
     * pooled features of a graph. Dense layers with ReLU would hide a linear convolution body.
     */
    private static INDArray logits(Model m, INDArray x) {
        if (m instanceof MultiLayerNetwork net) {
            List<INDArray> acts = net.feedForward(x, false);
            for (int i = 0; i < net.getnLayers(); i++) {
                if (net.getLayer(i).conf().getLayer() instanceof DenseLayer) {
                    return acts.get(i);
                }
            }
            throw new IllegalStateException("no dense layer");
        }
        Map<String, INDArray> acts = ((ComputationGraph) m).feedForward(x, false);
        return acts.entrySet().stream().filter(e -> e.getKey().endsWith("head.pool")).findFirst().orElseThrow()
                .getValue();
    }
}
