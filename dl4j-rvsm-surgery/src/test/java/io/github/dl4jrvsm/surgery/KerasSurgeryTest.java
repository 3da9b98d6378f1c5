package io.github.dl4jrvsm.surgery;

import io.github.dl4jrvsm.core.testsupport.KerasModels;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Channel surgery on networks as {@code KerasModelImport} builds them: NHWC convolutions, an NHWC flatten whose dense
 * rows are (h, w, c), a softmax dense layer and the loss layer of a compiled model. Zero channels get non-zero
 * biases, so their constants must be folded into the next layer at the right rows.
 */
class KerasSurgeryTest {

    private static INDArray inputs(int n) {
        return KerasModels.images(n, 17, DataType.DOUBLE).getFeatures();
    }

    /** Positive biases everywhere: a zero filter then outputs a non-zero constant that the consumer must absorb. */
    private static void positiveBiases(Model net, String... layers) {
        Nd4j.getRandom().setSeed(5);
        for (String l : layers) {
            INDArray b = SurgeryNets.param(net, l, "b");
            b.assign(Nd4j.rand(b.dataType(), b.shape()).muli(0.4).addi(0.1));
        }
    }

    /** Element by element: a sub-array view of some imported kernels fails to assign in ND4J M2.1. */
    private static void zeroFilters(Model net, String layer, int... filters) {
        INDArray w = SurgeryNets.param(net, layer, "W");
        for (int o : filters) {
            for (int i = 0; i < w.size(1); i++) {
                for (int r = 0; r < w.size(2); r++) {
                    for (int c = 0; c < w.size(3); c++) {
                        w.putScalar(new long[]{o, i, r, c}, 0.0);
                    }
                }
            }
        }
    }

    private static void assertSameOutputs(Model original, Model small, INDArray x) {
        double diff = SurgeryNets.output(small, x).sub(SurgeryNets.output(original, x)).amaxNumber().doubleValue();
        assertTrue(diff < 1e-5, "max abs difference " + diff);
    }

    @Test
    void nhwcFlattenSlicesTheDenseRowsInHeightWidthChannelOrder() {
        MultiLayerNetwork net = KerasModels.sequential(KerasModels.LENET, true, 3, DataType.DOUBLE);
        positiveBiases(net, "conv1", "fc1");
        zeroFilters(net, "conv1", 1, 4);
        SurgeryNets.zeroOutputs(net, "fc1", 2, 7, 11);
        INDArray x = inputs(16);

        SurgeryResult r = ChannelSurgery.prune(net);
        MultiLayerNetwork small = (MultiLayerNetwork) r.network();

        assertEquals(5, r.removedChannels());
        assertEquals(4, ((ConvolutionLayer) small.getLayer(0).conf().getLayer()).getNOut());
        CnnToFeedForwardPreProcessor flatten = (CnnToFeedForwardPreProcessor) small.getLayerWiseConfigurations()
                .getInputPreProcess(2);
        assertEquals(4, flatten.getNumChannels());
        assertEquals(CNN2DFormat.NHWC, flatten.getFormat());
        assertEquals(5 * 5 * 4, ((DenseLayer) small.getLayer(2).conf().getLayer()).getNIn());
        assertEquals(13, ((DenseLayer) small.getLayer(3).conf().getLayer()).getNIn());
        assertInstanceOf(LossLayer.class, small.getLayer(4).conf().getLayer());
        assertTrue(small.numParams() < net.numParams());
        assertSameOutputs(net, small, x);
    }

    @Test
    void functionalModelsFlattenThroughAPreprocessorVertex() {
        for (boolean compiled : new boolean[]{true, false}) {
            ComputationGraph net = KerasModels.graph(KerasModels.LENET_FUNCTIONAL, compiled, 3, DataType.DOUBLE);
            positiveBiases(net, "conv1", "fc1");
            zeroFilters(net, "conv1", 0, 5);
            SurgeryNets.zeroOutputs(net, "fc1", 4);

            SurgeryResult r = ChannelSurgery.prune(net);
            ComputationGraph small = (ComputationGraph) r.network();

            assertEquals(3, r.removedChannels(), "compiled " + compiled);
            PreprocessorVertex flatten = (PreprocessorVertex) small.getConfiguration().getVertices().get("flatten");
            assertEquals(4, ((CnnToFeedForwardPreProcessor) flatten.getPreProcessor()).getNumChannels());
            assertEquals(5 * 5 * 4, ((DenseLayer) small.getLayer("fc1").conf().getLayer()).getNIn());
            assertEquals(10, ((DenseLayer) small.getLayer("predictions").conf().getLayer()).getNOut());
            assertSameOutputs(net, small, inputs(8));
        }
    }

    @Test
    void theSoftmaxLayerBeforeTheLossLayerKeepsEveryClass() {
        MultiLayerNetwork net = KerasModels.sequential(KerasModels.LENET, true, 3, DataType.DOUBLE);
        zeroFilters(net, "conv1", 2);
        SurgeryNets.zeroOutputs(net, "predictions", 3);
        SurgeryResult r = ChannelSurgery.prune(net);
        MultiLayerNetwork small = (MultiLayerNetwork) r.network();
        assertEquals(10, ((DenseLayer) small.getLayer(3).conf().getLayer()).getNOut());
        ChannelGraph graph = ChannelGraph.of(net);
        ChannelSpace classes = ChannelSpaces.of(graph).stream().filter(s -> s.members().contains("predictions"))
                .findFirst().orElseThrow();
        assertTrue(classes.frozen().stream().anyMatch(f -> f.contains("predictions_loss") && f.contains("loss layer")),
                classes.frozen().toString());
        assertSameOutputs(net, small, inputs(8));
    }

    @Test
    void batchNormNetworkPrunesAfterAndWithoutFolding() {
        MultiLayerNetwork net = KerasModels.sequential(KerasModels.LENET_BN, true, 4, DataType.DOUBLE);
        // batch-norm parameters and statistics other than the initial ones, so the shift of a zero channel matters
        Nd4j.getRandom().setSeed(8);
        for (String p : new String[]{"gamma", "beta", "mean", "var"}) {
            INDArray v = SurgeryNets.param(net, "bn1", p);
            v.assign(Nd4j.rand(v.dataType(), v.shape()).addi(0.5));
        }
        positiveBiases(net, "conv1", "conv2", "fc1");
        zeroFilters(net, "conv1", 0, 3);
        zeroFilters(net, "conv2", 1, 2, 6);
        INDArray x = inputs(16);

        MultiLayerNetwork pruned = (MultiLayerNetwork) ChannelSurgery.prune(net).network();
        assertEquals(4, ((ConvolutionLayer) pruned.getLayer(0).conf().getLayer()).getNOut());
        assertEquals(5, ((ConvolutionLayer) pruned.getLayer(3).conf().getLayer()).getNOut());
        assertSameOutputs(net, pruned, x);

        MultiLayerNetwork folded = BatchNormFolding.fold(net);
        assertSameOutputs(net, folded, x);
        MultiLayerNetwork both = (MultiLayerNetwork) ChannelSurgery.prune(folded).network();
        assertTrue(both.numParams() < pruned.numParams());
        assertSameOutputs(net, both, x);
    }
}
