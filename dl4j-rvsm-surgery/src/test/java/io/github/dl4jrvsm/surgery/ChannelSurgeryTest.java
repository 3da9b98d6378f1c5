package io.github.dl4jrvsm.surgery;

import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LocalResponseNormalization;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Channel surgery on small networks with hand-made zero channels whose biases and batch-norm shifts are non-zero. */
class ChannelSurgeryTest {

    private static INDArray inputs(long... shape) {
        Nd4j.getRandom().setSeed(11);
        return Nd4j.rand(DataType.FLOAT, shape);
    }

    @Test
    void sequentialFoldsConstantsThroughBatchNormPoolingAndFlatten() {
        MultiLayerNetwork net = SurgeryNets.sequential();
        SurgeryNets.zeroOutputs(net, "conv1", 1, 4);
        SurgeryNets.zeroOutputs(net, "conv2", 0, 5, 6);
        SurgeryNets.zeroOutputs(net, "fc", 2, 7);
        INDArray x = inputs(32, 1, 12, 12);
        INDArray before = net.output(x);

        SurgeryResult r = ChannelSurgery.prune(net);
        MultiLayerNetwork small = (MultiLayerNetwork) r.network();

        assertEquals(7, r.removedChannels());
        assertEquals(4, ((ConvolutionLayer) small.getLayer(0).conf().getLayer()).getNOut());
        assertEquals(4, ((ConvolutionLayer) small.getLayer(3).conf().getLayer()).getNIn());
        assertEquals(5, ((ConvolutionLayer) small.getLayer(3).conf().getLayer()).getNOut());
        assertEquals(5 * 2 * 2, ((DenseLayer) small.getLayer(5).conf().getLayer()).getNIn());
        assertEquals(10, ((OutputLayer) small.getLayer(6).conf().getLayer()).getNIn());
        double diff = small.output(x).sub(before).amaxNumber().doubleValue();
        assertTrue(diff < 1e-5, "max abs difference " + diff);
        assertTrue(net.output(x).equals(before), "the original network is unchanged");
    }

    @Test
    void constantsMatter_droppingThemWithoutFoldingChangesTheOutput() {
        MultiLayerNetwork net = SurgeryNets.sequential();
        SurgeryNets.zeroOutputs(net, "conv1", 1, 4);
        INDArray x = inputs(32, 1, 12, 12);
        MultiLayerNetwork dropped = net.clone();
        // what a surgery that ignores constants computes: the removed channels contribute nothing
        SurgeryNets.param(dropped, "conv1", "b").putScalar(1, -100);
        SurgeryNets.param(dropped, "conv1", "b").putScalar(4, -100);     // relu(-100) = 0 ...
        SurgeryNets.param(dropped, "bn1", "beta").putScalar(1, 0);
        SurgeryNets.param(dropped, "bn1", "beta").putScalar(4, 0);
        SurgeryNets.param(dropped, "bn1", "mean").putScalar(1, 0);
        SurgeryNets.param(dropped, "bn1", "mean").putScalar(4, 0);       // ... and batch norm maps 0 to 0
        assertTrue(SurgeryNets.maxAbsDiff(net, dropped, x) > 1e-3, "the test data would not see a wrong fold");
    }

    @Test
    void paddedConsumerGetsACarrierChannel() {
        ComputationGraph net = SurgeryNets.residual();
        SurgeryNets.zeroOutputs(net, "conv1", 0, 2, 3);
        INDArray x = inputs(16, 1, 8, 8);

        SurgeryResult r = ChannelSurgery.prune(net);
        SpaceDecision inner = r.decisions().stream().filter(d -> d.producers().equals(List.of("conv1")))
                .findFirst().orElseThrow();
        assertEquals(3, inner.constant());
        assertTrue(inner.carrier() >= 0, inner.notes().toString());
        assertEquals(2, inner.removed(), "three constant channels, one kept as the carrier");
        ComputationGraph small = (ComputationGraph) r.network();
        assertEquals(3, ((ConvolutionLayer) small.getLayer("conv2").conf().getLayer()).getNIn());
        double diff = SurgeryNets.maxAbsDiff(net, small, x);
        assertTrue(diff < 1e-5, "max abs difference " + diff);
    }

    @Test
    void residualChannelsGoOnlyWhenEveryAddedBranchAgrees() {
        ComputationGraph net = SurgeryNets.residual();
        SurgeryNets.zeroOutputs(net, "stem", 1, 2, 3);
        SurgeryNets.zeroOutputs(net, "conv2", 2, 3, 4);   // 2 and 3 zero in both branches, 1 and 4 in one only
        INDArray x = inputs(16, 1, 8, 8);

        SurgeryResult r = ChannelSurgery.prune(net);
        SpaceDecision stream = r.decisions().stream().filter(d -> d.producers().contains("stem")).findFirst()
                .orElseThrow();
        assertEquals(List.of("stem", "conv2"), stream.producers());
        assertEquals(2, stream.constant());
        assertEquals(1, stream.removed(), "one of the two constants carries the other into the padded conv1");
        assertTrue(stream.carrier() == 2 || stream.carrier() == 3, "carrier " + stream.carrier());
        double diff = SurgeryNets.maxAbsDiff(net, r.network(), x);
        assertTrue(diff < 1e-5, "max abs difference " + diff);
    }

    @Test
    void noZeroChannelSaysSo() {
        NothingToRemoveException e = assertThrows(NothingToRemoveException.class,
                () -> ChannelSurgery.prune(SurgeryNets.sequential()));
        assertTrue(e.getMessage().contains("no convolution or dense layer has a zero output channel"), e.getMessage());
    }

    @Test
    void unsupportedLayerOnTheChannelPathIsNamed() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).list()
                .layer(new ConvolutionLayer.Builder(3, 3).name("conv").nOut(4).activation(Activation.RELU).build())
                .layer(new LocalResponseNormalization.Builder().name("lrn").build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("out").nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(6, 6, 1)).build());
        net.init();
        SurgeryNets.zeroOutputs(net, "conv", 1);
        NothingToRemoveException e = assertThrows(NothingToRemoveException.class, () -> ChannelSurgery.prune(net));
        assertTrue(e.getMessage().contains("lrn (LocalResponseNormalization)"), e.getMessage());
    }
}
