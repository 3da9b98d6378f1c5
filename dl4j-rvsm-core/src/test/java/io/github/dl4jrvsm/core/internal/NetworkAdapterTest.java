package io.github.dl4jrvsm.core.internal;

import io.github.dl4jrvsm.core.testsupport.TestNetworks;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkAdapterTest {

    @Test
    void refusesAnythingButTheTwoNetworkKindsByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetworkAdapter.of(null));
        assertEquals("Expected a MultiLayerNetwork or ComputationGraph, got null", e.getMessage());
    }

    @Test
    void sequentialLayerInputsAreWhatEachLayerSeesAfterItsPreProcessor() {
        MultiLayerNetwork net = new MultiLayerNetwork(TestNetworks.convBn(1, 6, 3, new Sgd(0.1), 7));
        net.init();
        NetworkAdapter a = NetworkAdapter.of(net);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 1, 6, 6);
        Map<String, INDArray> in = a.layerInputs(x, false, Set.of("bn1", "gap"));
        Map<String, INDArray> out = a.layerOutputs(x, false);
        assertEquals(out.get("conv1"), in.get("bn1"));
        assertEquals(out.get("pool"), in.get("gap"));
        assertEquals(net.output(x), a.output(x, false));
        assertEquals(List.of("conv1", "bn1", "relu1", "conv2", "bn2", "relu2", "pool", "gap", "out"),
                a.layers().stream().map(NamedLayer::name).toList());
        assertSame(net.getLayer(1), a.layer(a.layers().get(1)));
    }

    @Test
    void graphLayerInputsFollowTheVertexInputs() {
        ComputationGraph g = new ComputationGraph(TestNetworks.residualGraph(1, 6, 3, new Sgd(0.1), 7));
        g.init();
        NetworkAdapter a = NetworkAdapter.of(g);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 1, 6, 6);
        Map<String, INDArray> in = a.layerInputs(x, false, Set.of("bn1", "gap"));
        Map<String, INDArray> out = a.layerOutputs(x, false);
        assertEquals(out.get("conv1"), in.get("bn1"));
        assertEquals(out.get("add"), in.get("gap"));
        assertEquals(1, a.outputs(x).length);
        assertEquals(g.outputSingle(x), a.output(x, false));
    }

    @Test
    void paramsAreLiveViewsAndCopiesAreIndependent() {
        ComputationGraph g = new ComputationGraph(TestNetworks.residualGraph(1, 6, 3, new Sgd(0.1), 7));
        g.init();
        NetworkAdapter a = NetworkAdapter.of(g);
        NamedLayer conv1 = a.layers().stream().filter(l -> l.name().equals("conv1")).findFirst().orElseThrow();
        NetworkAdapter copy = NetworkAdapter.of(a.copy());
        a.param(conv1, "W").assign(0.5);
        assertEquals(0.5, g.getLayer("conv1").getParam("W").getDouble(0), 0);
        assertNotEquals(0.5, copy.param(conv1, "W").getDouble(0));
    }

    @Test
    void fitMovesTheIterationCount() {
        MultiLayerNetwork net = new MultiLayerNetwork(TestNetworks.mlp(4, 5, 3, new Sgd(0.1), 7));
        net.init();
        NetworkAdapter a = NetworkAdapter.of(net);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 4, 3);
        labels.putScalar(0, 0, 1).putScalar(1, 1, 1).putScalar(2, 2, 1).putScalar(3, 0, 1);
        List<DataSet> batches = new DataSet(Nd4j.rand(DataType.FLOAT, 4, 4), labels).asList();
        a.fit(new ListDataSetIterator<>(batches, 2));
        assertEquals(2, a.iterationCount());
        assertTrue(a.evaluate(new ListDataSetIterator<>(batches, 2)).getNumRowCounter() == 4);
        assertArrayEquals(new long[]{2, 3}, a.output(Nd4j.rand(DataType.FLOAT, 2, 4), false).shape());
    }
}
