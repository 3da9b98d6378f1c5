package io.github.dl4jrvsm.surgery;

import io.github.dl4jrvsm.core.testsupport.TestNetworks;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Batch-norm folding on small networks trained a few steps (so running mean and variance are far from 0 and 1):
 * the folded network computes the same outputs within 1e-4 with fewer layers, and what is not foldable is named.
 */
class BatchNormFoldingTest {

    private static INDArray inputs(long... shape) {
        Nd4j.getRandom().setSeed(3);
        return Nd4j.rand(DataType.FLOAT, shape).muli(4).subi(1);
    }

    private static void train(Model net, INDArray x, int classes) {
        Nd4j.getRandom().setSeed(4);
        INDArray y = Nd4j.zeros(DataType.FLOAT, x.size(0), classes);
        for (int i = 0; i < x.size(0); i++) {
            y.putScalar(i, i % classes, 1);
        }
        for (int i = 0; i < 5; i++) {
            if (net instanceof MultiLayerNetwork m) {
                m.fit(new DataSet(x, y));
            } else {
                ((ComputationGraph) net).fit(new DataSet(x, y));
            }
        }
    }

    private static double diff(Model a, Model b, INDArray x) {
        return SurgeryOutputs.maxAbsDifference(a, b, x);
    }

    @Test
    void convBatchNormFoldsExactlyAndRemovesTheLayers() {
        MultiLayerNetwork net = new MultiLayerNetwork(TestNetworks.convBn(2, 8, 3, new Adam(0.01), 1));
        net.init();
        INDArray x = inputs(16, 2, 8, 8);
        train(net, x, 3);
        INDArray before = net.output(x);

        FoldedModel<MultiLayerNetwork> r = BatchNormFolding.foldWithDecisions(net);
        MultiLayerNetwork folded = r.network();

        assertEquals(List.of("bn1 -> conv1 (relu1 fused)", "bn2 -> conv2 (relu2 fused)"),
                r.decisions().stream().map(BatchNormFold::describe).toList());
        assertEquals(net.getnLayers() - 4, folded.getnLayers(), "two batch norms and their two ReLU layers gone");
        ConvolutionLayer conv1 = (ConvolutionLayer) folded.getLayer(0).conf().getLayer();
        assertTrue(conv1.hasBias(), "bias switched on");
        assertEquals("relu", conv1.getActivationFn().toString(), "the ReLU layer's activation moved into conv1");
        double d = diff(net, folded, inputs(32, 2, 8, 8));
        assertTrue(d < 1e-4, "max abs difference " + d);
        assertTrue(net.output(x).equals(before), "the original is unchanged");
    }

    @Test
    void denseWithoutBiasAndLegacyVarianceParameterFold() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(2).updater(new Adam(0.01))
                .weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().name("fc").nOut(12).hasBias(false).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().name("bn").useLogStd(false).eps(1e-3).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("out").nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(6)).build());
        net.init();
        train(net, inputs(16, 6), 3);

        MultiLayerNetwork folded = BatchNormFolding.fold(net);

        assertEquals(2, folded.getnLayers());
        double d = diff(net, folded, inputs(32, 6));
        assertTrue(d < 1e-4, "max abs difference " + d);
    }

    @Test
    void graphFoldsTheBatchNormAfterAConvolution() {
        ComputationGraph net = new ComputationGraph(TestNetworks.residualGraph(2, 8, 3, new Adam(0.01), 1));
        net.init();
        train(net, inputs(16, 2, 8, 8), 3);

        FoldedModel<ComputationGraph> r = BatchNormFolding.foldWithDecisions(net);

        assertEquals(List.of("bn1 -> conv1 (relu1 fused)"), r.decisions().stream().map(BatchNormFold::describe).toList());
        assertEquals(net.getLayers().length - 2, r.network().getLayers().length);
        double d = diff(net, r.network(), inputs(32, 2, 8, 8));
        assertTrue(d < 1e-4, "max abs difference " + d);
    }

    /** Global pooling and a softmax output on {@code last}, for 2x6x6 inputs; initialised and trained a few steps. */
    private static ComputationGraph trainedWithHead(
            ComputationGraphConfiguration.GraphBuilder body, String last) {
        ComputationGraph net = new ComputationGraph(body
                .addLayer("gap", new GlobalPoolingLayer.Builder().build(), last)
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).build(), "gap")
                .setOutputs("out").setInputTypes(InputType.convolutional(6, 6, 2)).build());
        net.init();
        train(net, inputs(8, 2, 6, 6), 3);
        return net;
    }

    @Test
    void activationLayerIsFusedOnlyWhenItIsTheBatchNormsSoleReaderWithoutDropout() {
        ComputationGraph net = trainedWithHead(new NeuralNetConfiguration.Builder().seed(6).updater(new Adam(0.01))
                .weightInit(WeightInit.RELU).graphBuilder().addInputs("input")
                .addLayer("conv_a", new ConvolutionLayer.Builder(3, 3).nOut(4).padding(1, 1)
                        .activation(Activation.IDENTITY).build(), "input")
                .addLayer("bn_a", new BatchNormalization.Builder().build(), "conv_a")
                .addLayer("relu_a", new ActivationLayer.Builder()
                        .activation(Activation.RELU).dropOut(0.5).build(), "bn_a")
                .addLayer("conv_b", new ConvolutionLayer.Builder(3, 3).nOut(4).padding(1, 1)
                        .activation(Activation.IDENTITY).build(), "relu_a")
                .addLayer("bn_b", new BatchNormalization.Builder().build(), "conv_b")
                .addLayer("tanh_b", new ActivationLayer.Builder()
                        .activation(Activation.TANH).build(), "bn_b")
                .addVertex("add", new ElementWiseVertex(
                        ElementWiseVertex.Op.Add), "tanh_b", "bn_b")
                .addLayer("conv_c", new ConvolutionLayer.Builder(3, 3).nOut(4).padding(1, 1)
                        .activation(Activation.IDENTITY).build(), "add")
                .addLayer("bn_c", new BatchNormalization.Builder().build(), "conv_c")
                .addLayer("sigmoid_c", new ActivationLayer.Builder()
                        .activation(Activation.SIGMOID).build(), "bn_c"), "sigmoid_c");

        FoldedModel<ComputationGraph> r = BatchNormFolding.foldWithDecisions(net);

        assertEquals(List.of("bn_a -> conv_a", "bn_b -> conv_b", "bn_c -> conv_c (sigmoid_c fused)"),
                r.decisions().stream().map(BatchNormFold::describe).toList(),
                "relu_a has dropout, bn_b is also read by the add; sigmoid_c is fused");
        assertEquals(net.getLayers().length - 4, r.network().getLayers().length);
        double d = diff(net, r.network(), inputs(16, 2, 6, 6));
        assertTrue(d < 1e-4, "max abs difference " + d);
    }

    @Test
    void batchNormAfterAReluConvolutionOrASharedOutputIsKeptWithTheReason() {
        ComputationGraph net = trainedWithHead(new NeuralNetConfiguration.Builder().seed(5).updater(new Adam(0.01))
                .weightInit(WeightInit.RELU).graphBuilder().addInputs("input")
                .addLayer("relu_conv", new ConvolutionLayer.Builder(3, 3).nOut(4).padding(1, 1)
                        .activation(Activation.RELU).build(), "input")
                .addLayer("bn_a", new BatchNormalization.Builder().build(), "relu_conv")
                .addLayer("conv", new ConvolutionLayer.Builder(3, 3).nOut(4).padding(1, 1)
                        .activation(Activation.IDENTITY).build(), "bn_a")
                .addLayer("bn_b", new BatchNormalization.Builder().build(), "conv")
                .addVertex("add", new ElementWiseVertex(
                        ElementWiseVertex.Op.Add), "bn_b", "conv")
                .addLayer("bn_c", new BatchNormalization.Builder().build(), "add"), "bn_c");

        FoldedModel<ComputationGraph> r = BatchNormFolding.foldWithDecisions(net);

        assertTrue(r.folded().isEmpty(), r.decisions().toString());
        assertTrue(r.kept().get(0).why().contains("activation relu"), r.kept().get(0).why());
        assertTrue(r.kept().get(1).why().contains("conv is also read by add"), r.kept().get(1).why());
        assertTrue(r.kept().get(2).why().contains("add (ElementWiseVertex)"), r.kept().get(2).why());
        assertNotSame(net, r.network());
        assertEquals(net.getLayers().length, r.network().getLayers().length);
        assertEquals(0.0, diff(net, r.network(), inputs(8, 2, 6, 6)), 1e-6, "an equal-output copy");
    }

    @Test
    void networkWithoutBatchNormGivesAnEqualCopy() {
        MultiLayerNetwork net = new MultiLayerNetwork(TestNetworks.mlp(5, 7, 3, new Adam(0.01), 1));
        net.init();
        MultiLayerNetwork copy = BatchNormFolding.fold(net);
        assertNotSame(net, copy);
        assertTrue(BatchNormFolding.plan(net).isEmpty());
        assertTrue(net.params().equals(copy.params()));
        copy.params().addi(1);
        assertFalse(net.params().equals(copy.params()), "the copy does not share parameters");
    }

    @Test
    void reportTimesBothSidesFoldedOnlyWhenAsked() throws Exception {
        MultiLayerNetwork net = new MultiLayerNetwork(TestNetworks.convBn(2, 8, 3, new Adam(0.01), 1));
        net.init();
        SurgeryResult same = new SurgeryResult(BatchNormFolding.fold(net), List.of());
        SurgeryReport.LatencyOptions once = new SurgeryReport.LatencyOptions(new int[]{2}, 0, 1);

        SurgeryReport plain = SurgeryReport.of(net, same, null, once, 2, 8, 8);
        SurgeryReport folded = SurgeryReport.of(net, same, null, once.withFoldedBatchNorm(), 2, 8, 8);

        assertFalse(plain.latencyFolded());
        assertTrue(folded.latencyFolded());
        assertTrue(folded.toMarkdown().contains("batch norm folded)"), folded.toMarkdown());
        assertTrue(folded.maxAbsDifference() < 1e-4, "difference " + folded.maxAbsDifference());
        assertEquals(folded, SurgeryReport.fromJson(folded.toJson()));
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> BatchNormFolding.fold(null));
        assertTrue(none.getMessage().contains("got null"), none.getMessage());
        MultiLayerNetwork uninitialised = new MultiLayerNetwork(TestNetworks.mlp(5, 7, 3, new Adam(0.01), 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BatchNormFolding.fold(uninitialised));
        assertTrue(e.getMessage().contains("not initialised"), e.getMessage());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> new BatchNormFold("bn", null, null));
        assertTrue(wrong.getMessage().contains("bn"), wrong.getMessage());
        IllegalArgumentException kept = assertThrows(IllegalArgumentException.class,
                () -> new BatchNormFold("bn", null, "reads an add", "relu"));
        assertTrue(kept.getMessage().contains("relu") && kept.getMessage().contains("bn"), kept.getMessage());
    }
}
