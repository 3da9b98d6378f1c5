package io.github.dl4jrvsm.zoo;

import io.github.dl4jrvsm.data.testsupport.FashionMnist;
import io.github.dl4jrvsm.zoo.layers.RelativeGaussianNoise;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.eval.Evaluation;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EnResNet: members, averaged logits, probabilities, noise after every residual sum, the inference switch. */
class EnResNetTest {

    private static final long RESNET20 = 273_658;

    @Test
    void parameterCountsAreThoseOfTheMembers() {
        for (int[] m : new int[][]{{2, 547_316}, {5, 1_368_290}}) {
            ComputationGraph net = EnResNet.of(m[0], 20).init();
            System.out.printf("En%dResNet20 (3x32x32): %,d parameters, %,d trainable%n", m[0], net.numParams(),
                    ZooTestSupport.trainableParams(net));
            assertEquals(m[1], net.numParams());
            assertEquals(m[0] * RESNET20, net.numParams(), "each member is a ResNet20 with its own logits");
        }
        ZooTestSupport.assertRelativelyClose(0.54e6, 547_316, 0.03, "En2ResNet20");
        ZooTestSupport.assertRelativelyClose(1.36e6, 1_368_290, 0.03, "En5ResNet20");
    }

    @Test
    void noiseFollowsEveryResidualSumOfEveryMember() {
        ComputationGraphConfiguration conf = EnResNet.of(2, 20).conf();
        long noise = 0;
        for (Map.Entry<String, List<String>> e : conf.getVertexInputs().entrySet()) {
            if (conf.getVertices().get(e.getKey()) instanceof LayerVertex lv
                    && lv.getLayerConf().getLayer() instanceof RelativeGaussianNoise n) {
                noise++;
                assertEquals(0.1, n.getCoefficient());
                assertTrue(n.isNoiseAtInference());
                assertEquals(1, e.getValue().size());
                assertTrue(e.getValue().get(0).endsWith(".add"), e.getKey() + " reads " + e.getValue());
                assertEquals(e.getKey().replace(".noise", ".add"), e.getValue().get(0));
            }
        }
        assertEquals(2 * 9, noise, "9 residual blocks per ResNet20 member");
        assertEquals(List.of("member1.stage1.block1.noise"), conf.getVertexInputs().get("member1.stage1.block2.bn1"));
        assertEquals(List.of("member2.stage3.block3.noise"), conf.getVertexInputs().get("member2.head.bn"));
        assertEquals(List.of("member1.logits", "member2.logits"), conf.getVertexInputs().get("ensemble.average"));
        DenseLayer logits = (DenseLayer) ((LayerVertex) conf.getVertices().get("member1.logits")).getLayerConf()
                .getLayer();
        assertEquals(Activation.IDENTITY.getActivationFunction(), logits.getActivationFn());
    }

    @Test
    void outputIsTheSoftmaxOfTheAveragedMemberLogits() {
        ComputationGraph net = EnResNet.of(3, 8).withInputShape(InputShape.FASHION_MNIST).withNoiseAtInference(false).init();
        INDArray x = ZooTestSupport.randomImages(InputShape.FASHION_MNIST, 4, 2);
        Map<String, INDArray> acts = net.feedForward(x, false);
        INDArray mean = acts.get("member1.logits").add(acts.get("member2.logits")).add(acts.get("member3.logits"))
                .divi(3);
        INDArray expected = Transforms.softmax(mean, true);
        INDArray y = net.outputSingle(x);
        assertArrayEquals(new long[]{4, 10}, y.shape());
        assertEquals(0, expected.sub(y).amaxNumber().doubleValue(), 1e-5);
        assertTrue(acts.get("member1.logits").sub(acts.get("member2.logits")).amaxNumber().doubleValue() > 1e-3,
                "members are initialised differently");
    }

    @Test
    void noiseOnAtInferenceByDefaultOffOnRequest() {
        INDArray x = ZooTestSupport.randomImages(InputShape.CIFAR, 2, 3);
        ComputationGraph noisy = EnResNet.of(2, 8).init();
        assertNotEquals(noisy.outputSingle(x), noisy.outputSingle(x), "two inference passes must differ");
        ComputationGraph quiet = EnResNet.of(2, 8).withNoiseAtInference(false).init();
        assertEquals(quiet.outputSingle(x), quiet.outputSingle(x), "no noise at inference: deterministic");
        assertNotEquals(quiet.output(true, x)[0], quiet.output(true, x)[0], "training passes stay noisy");
        ComputationGraph plain = EnResNet.of(2, 8).withNoise(0).init();
        assertEquals(plain.outputSingle(x), plain.outputSingle(x));
        assertEquals(2 * RESNET20 - 2 * (RESNET20 - ResNetCifar.depth(8).init().numParams()), plain.numParams());
    }

    @Test
    void evaluationWorksOnTheProbabilities() {
        DataSet d = FashionMnist.train(32);
        ComputationGraph net = EnResNet.of(2, 8).withInputShape(InputShape.FASHION_MNIST).init();
        Evaluation e = net.evaluate(new ListDataSetIterator<>(d.asList(), 16));
        assertEquals(32, e.getNumRowCounter());
        assertTrue(e.accuracy() >= 0 && e.accuracy() <= 1);
    }

    @Test
    void rejectsBadOptions() {
        assertThrows(IllegalArgumentException.class, () -> EnResNet.of(0, 20));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EnResNet.of(2, 21));
        assertTrue(e.getMessage().contains("21"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new EnResNet().withNoise(-1));
    }

    @Test
    void singleMemberNeedsNoAverage() {
        ComputationGraph net = EnResNet.of(1, 8).init();
        assertTrue(!net.getConfiguration().getVertices().containsKey("ensemble.average"));
        assertArrayEquals(new long[]{2, 10}, net.outputSingle(ZooTestSupport.randomImages(InputShape.CIFAR, 2, 4))
                .shape());
    }
}
