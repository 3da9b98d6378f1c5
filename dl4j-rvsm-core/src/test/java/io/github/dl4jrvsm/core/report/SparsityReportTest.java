package io.github.dl4jrvsm.core.report;

import io.github.dl4jrvsm.core.testsupport.TestNetworks;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Sgd;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Counts checked by hand on the test conv net: conv1 1-&gt;8 3x3, conv2 8-&gt;8 3x3 (pad 1, 8x8 input), out 8-&gt;4. */
class SparsityReportTest {

    @TempDir
    Path dir;

    /** Zeroes filter {@code out} (or every filter if -1) restricted to input channel {@code in} (or all if -1). */
    private static void zero(INDArray w, int out, int in) {
        for (long o = 0; o < w.size(0); o++) {
            for (long i = 0; i < w.size(1); i++) {
                if ((out < 0 || o == out) && (in < 0 || i == in)) {
                    for (long y = 0; y < w.size(2); y++) {
                        for (long x = 0; x < w.size(3); x++) {
                            w.putScalar(new long[]{o, i, y, x}, 0.0);
                        }
                    }
                }
            }
        }
    }

    private static MultiLayerNetwork prunedNet() {
        MultiLayerNetwork net = new MultiLayerNetwork(TestNetworks.convBn(1, 8, 4, new Sgd(0.1), 1));
        net.init();
        INDArray w1 = net.getLayer(0).getParam("W");        // [8, 1, 3, 3]
        for (int f = 0; f < 3; f++) {
            zero(w1, f, -1);                       // 3 zero filters
        }
        w1.putScalar(new long[]{5, 0, 0, 0}, 0.0);             // one more zero weight, channel still alive
        INDArray w2 = net.getLayer(3).getParam("W");        // [8, 8, 3, 3]
        zero(w2, 7, -1);                           // 1 zero filter
        for (int c = 0; c < 3; c++) {
            zero(w2, -1, c);                       // 3 zero input channels
        }
        w2.putScalar(new long[]{4, 0, 0, 0}, 1e-16);       // norm below 1e-15: counts as a zero channel
        return net;
    }

    @Test
    void countsWeightsChannelsParamsAndFlops() {
        SparsityReport r = SparsityReport.of(prunedNet(), 1, 8, 8);
        assertEquals(3, r.layers().size());
        LayerSparsity c1 = r.layers().get(0), c2 = r.layers().get(1), out = r.layers().get(2);
        assertEquals("conv1", c1.name());
        assertEquals(72, c1.weights());
        assertEquals(3 * 9 + 1, c1.zeroWeights());
        assertEquals(3, c1.zeroOutputChannels());
        assertEquals(2 * 72 * 64, c1.flops());
        assertEquals(2 * 5 * 1 * 9 * 64, c1.prunedFlops());
        assertEquals(72 + 8, c1.params());
        assertEquals(5 * 9 + 5, c1.prunedParams());
        assertEquals(576, c2.weights());
        assertEquals(1, c2.zeroOutputChannels());
        assertEquals(3, c2.zeroInputChannels());
        assertEquals(7 * 5 * 9 + 7, c2.prunedParams());
        assertEquals(2L * 576 * 64, c2.flops());
        assertEquals(2L * 7 * 5 * 9 * 64, c2.prunedFlops());
        assertEquals(2 * 8 * 4, out.flops());
        long zeros = c1.zeroWeights() + c2.zeroWeights();
        assertEquals(c2.zeroWeights(), 9 * 8 + 3 * 9 * 7 - 1); // filter 7 (72) + 3 input channels of the other 7 filters, minus the 1e-16
        assertEquals((double) zeros / (72 + 576 + 32), r.sparsity(), 1e-12);
        assertEquals(4.0 / 20, r.channelSparsity(), 1e-12);
        assertEquals(r.totalParams() - (c1.params() - c1.prunedParams()) - (c2.params() - c2.prunedParams()), r.prunedParams());
        assertTrue(r.toMarkdown().contains("| conv2 | ConvolutionLayer | 576 |"), r.toMarkdown());
    }

    @Test
    void jsonRoundTripsAndIsWrittenAtomically() throws Exception {
        SparsityReport r = SparsityReport.of(prunedNet(), 1, 8, 8);
        Path f = dir.resolve("r/sparsity.json");
        r.writeJson(f);
        String json = Files.readString(f);
        assertTrue(json.contains("\"channelSparsity\"") && json.contains("\"prunedFlops\""), json);
        assertEquals(r, SparsityReport.fromJson(json));
        try (var files = Files.list(f.getParent())) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void worksOnGraphs() {
        ComputationGraph g = new ComputationGraph(TestNetworks.residualGraph(2, 6, 3, new Sgd(0.1), 1));
        g.init();
        SparsityReport r = SparsityReport.of(g, 2, 6, 6);
        assertEquals(4, r.layers().size());
        assertEquals(2L * 8 * 2 * 9 * 36, r.layers().get(0).flops());
        assertEquals(0.0, r.sparsity());
        assertThrows(IllegalArgumentException.class, () -> SparsityReport.of(g));
    }
}
