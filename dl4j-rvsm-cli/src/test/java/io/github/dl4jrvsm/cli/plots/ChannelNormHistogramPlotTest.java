package io.github.dl4jrvsm.cli.plots;

import io.github.dl4jrvsm.core.prox.ChannelGrouping;
import io.github.dl4jrvsm.core.testsupport.TestNetworks;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Sgd;

import java.nio.file.Path;
import java.util.List;

import static io.github.dl4jrvsm.cli.plots.PngAssertions.assertOnlyFiles;
import static io.github.dl4jrvsm.cli.plots.PngAssertions.assertPng;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelNormHistogramPlotTest {

    @TempDir
    Path dir;

    @Test
    void zeroChannelsAreThoseBelowTheReportThreshold() {
        assertEquals(2, ChannelNormHistogramPlot.zeroChannels(new double[]{0, 1e-16, 1e-15, 0.5, 2}));
    }

    @Test
    void binCountsMatchHandCount() {
        // largest norm 1 -> bins [0,.25) [.25,.5) [.5,.75) [.75,1]; the 0 is a zero channel, not binned
        double[] norms = {0, 0.1, 0.9, 1.0, 0.55};
        List<HistogramData> hs = new ChannelNormHistogramPlot().bins(4).add("rgsm", norms)
                .add("admm", new double[]{0.3, 0.3, 0.8}).histograms();
        assertArrayEquals(new double[]{0, 0.25, 0.5, 0.75, 1}, hs.get(0).edges(), 1e-12);
        assertArrayEquals(new long[]{1, 0, 1, 2}, hs.get(0).counts());
        assertEquals(1, hs.get(0).excluded());
        assertEquals(5, hs.get(0).total());
        assertArrayEquals(new long[]{0, 2, 0, 1}, hs.get(1).counts());
        assertEquals(0, hs.get(1).excluded());
    }

    @Test
    void normsOfAConvNetworkMatchAHandComputationAndCountZeroFilters() throws Exception {
        MultiLayerNetwork net = new MultiLayerNetwork(TestNetworks.convBn(1, 8, 3, new Sgd(0.1), 3));
        net.init();
        INDArray conv1 = net.getLayer(0).getParam("W");          // [8, 1, 3, 3]
        conv1.get(NDArrayIndex.point(2), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all()).assign(0);
        INDArray conv2 = net.getLayer(3).getParam("W");          // [8, 8, 3, 3]

        double[] norms = ChannelNormHistogramPlot.channelNorms(net, ChannelGrouping.OUTPUT);
        assertEquals(16, norms.length, "8 filters in each of the two convolutions; the dense output is left out");
        double sq = 0;
        for (int i = 0; i < 8; i++) {
            for (int h = 0; h < 3; h++) {
                for (int w = 0; w < 3; w++) {
                    double v = conv2.getDouble(5, i, h, w);
                    sq += v * v;
                }
            }
        }
        assertEquals(Math.sqrt(sq), norms[8 + 5], 1e-5);
        assertEquals(0.0, norms[2]);
        assertEquals(1, ChannelNormHistogramPlot.zeroChannels(norms));
        assertEquals(1 + 8, ChannelNormHistogramPlot.channelNorms(net, ChannelGrouping.INPUT).length);

        ChannelNormHistogramPlot p = new ChannelNormHistogramPlot().add("net", net);
        assertEquals(1, p.histograms().get(0).excluded());
        p.size(900, 600).write(dir.resolve("norms.png"));
        assertPng(dir.resolve("norms.png"), 900, 600);
        assertOnlyFiles(dir, "norms.png");
    }

    @Test
    void weightTensorsAreGroupedAsRequested() {
        INDArray dense = Nd4j.createFromArray(new double[][]{{3, 0}, {4, 0}, {0, 0}});   // [nIn=3, nOut=2]
        HistogramData h = new ChannelNormHistogramPlot().bins(2)
                .add("out", List.of(dense), ChannelGrouping.OUTPUT).histograms().get(0);
        assertEquals(2, h.total());
        assertEquals(1, h.excluded(), "the second output neuron has only zero weights");
        assertArrayEquals(new long[]{0, 1}, h.counts(), "the norm 5 is the largest, in the last bin");
        assertEquals(5.0, h.edges()[2], 1e-12);
    }

    @Test
    void rejectsBadInput() {
        ChannelNormHistogramPlot p = new ChannelNormHistogramPlot();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.add("neg", new double[]{1, -0.1}))
                .getMessage().contains("-0.1"));
        assertThrows(IllegalArgumentException.class, () -> p.add("nan", new double[]{Double.NaN, Double.NaN}));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.add("none", new double[0]))
                .getMessage().contains("'none' has no channel norms"));
        assertThrows(IllegalArgumentException.class, () -> p.add("none", List.of(), ChannelGrouping.OUTPUT));
        assertThrows(IllegalArgumentException.class, p::histograms);

        MultiLayerNetwork mlp = new MultiLayerNetwork(TestNetworks.mlp(4, 3, 2, new Sgd(0.1), 7));
        mlp.init();
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ChannelNormHistogramPlot.channelNorms(mlp, ChannelGrouping.OUTPUT))
                .getMessage().contains("no 2-D convolution"));
    }
}
