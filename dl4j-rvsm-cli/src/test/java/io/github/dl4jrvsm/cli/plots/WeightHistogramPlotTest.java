package io.github.dl4jrvsm.cli.plots;

import io.github.dl4jrvsm.core.testsupport.TestNetworks;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static io.github.dl4jrvsm.cli.plots.PngAssertions.assertOnlyFiles;
import static io.github.dl4jrvsm.cli.plots.PngAssertions.assertPng;
import static io.github.dl4jrvsm.cli.plots.PngAssertions.containsColour;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeightHistogramPlotTest {

    @TempDir
    Path dir;

    @Test
    void writesPngOfRequestedSizeWithBothSeriesAndNoTemporaryFile() throws Exception {
        double[] dense = new double[2000];
        double[] sparse = new double[dense.length];
        Random rnd = new Random(1);
        for (int i = 0; i < dense.length; i++) {
            dense[i] = rnd.nextGaussian() * 0.1;
            sparse[i] = Math.abs(dense[i]) < 0.08 ? 0 : dense[i];
        }
        Path png = dir.resolve("weights.png");
        Files.writeString(png, "old content");   // replaced, not appended to
        new WeightHistogramPlot().size(640, 400).add("dense", dense).add("sparse", sparse).write(png);

        BufferedImage img = assertPng(png, 640, 400);
        assertTrue(containsColour(img, Plot.COLORS[0]), "first series colour drawn");
        assertTrue(containsColour(img, Plot.COLORS[1]), "second series colour drawn");
        assertOnlyFiles(dir, "weights.png");
        assertTrue(GraphicsEnvironment.isHeadless(), "plots run headless");
        assertTrue(System.getProperty("java.awt.headless") != null, "the plot code sets java.awt.headless if unset");
    }

    @Test
    void binCountsMatchHandCountAndZerosAreCountedApart() {
        // range: largest |w| is 1 -> bins [-1,-0.5) [-0.5,0) [0,0.5) [0.5,1]
        double[] a = {-1, -0.6, -0.1, 0, 0, 0.3, 0.5, 1.0};
        double[] b = {0.25, -0.75, 0, 0.9};
        List<HistogramData> hs = new WeightHistogramPlot().bins(4).add("a", a).add("b", b).histograms();

        assertArrayEquals(new double[]{-1, -0.5, 0, 0.5, 1}, hs.get(0).edges(), 1e-12);
        assertArrayEquals(new long[]{2, 1, 1, 2}, hs.get(0).counts());
        assertEquals(2, hs.get(0).excluded());
        assertEquals(8, hs.get(0).total());
        assertEquals(0.25, hs.get(0).excludedShare(), 1e-12);

        assertArrayEquals(hs.get(0).edges(), hs.get(1).edges(), 0, "series share their bins");
        assertArrayEquals(new long[]{1, 0, 1, 1}, hs.get(1).counts());   // -0.75 | - | 0.25 | 0.9
        assertEquals(1, hs.get(1).excluded());
    }

    @Test
    void rangeIsRoundedUpToARoundNumberSymmetricAroundZero() {
        HistogramData h = new WeightHistogramPlot().bins(10).add("w", new double[]{0.01, -0.23}).histograms().get(0);
        assertEquals(-0.25, h.edges()[0], 1e-12);
        assertEquals(0.25, h.edges()[10], 1e-12);
        assertEquals(2, Arrays.stream(h.counts()).sum());
    }

    @Test
    void allZeroSeriesIsAllowedAndFullyExcluded() throws Exception {
        WeightHistogramPlot p = new WeightHistogramPlot().add("pruned", new double[]{0, 0, 0});
        HistogramData h = p.histograms().get(0);
        assertEquals(3, h.excluded());
        assertEquals(0, Arrays.stream(h.counts()).sum());
        p.write(dir.resolve("zeros.png"));
        assertPng(dir.resolve("zeros.png"), Plot.DEFAULT_WIDTH, Plot.DEFAULT_HEIGHT);
    }

    @Test
    void rejectsBadInputNamingTheProblem() {
        WeightHistogramPlot p = new WeightHistogramPlot();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.add("empty", new double[0]))
                .getMessage().contains("'empty' has no weights"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.add("nan", new double[]{Double.NaN}))
                .getMessage().contains("1 NaN or infinite"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> p.add("inf", new double[]{0.1, Double.POSITIVE_INFINITY})).getMessage().contains("'inf'"));
        assertThrows(IllegalArgumentException.class, () -> p.add(" ", new double[]{1}));
        assertThrows(IllegalArgumentException.class, () -> p.bins(1));
        assertThrows(IllegalArgumentException.class, () -> p.size(100, 100));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.write(dir.resolve("none.png")))
                .getMessage().contains("add at least one series"));
        p.add("x", new double[]{1});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.add("x", new double[]{2}))
                .getMessage().contains("Duplicate"));
        assertFalse(Files.exists(dir.resolve("none.png")));
    }

    @Test
    void modelOverloadsCollectConvAndDenseWeights() throws Exception {
        MultiLayerNetwork net = new MultiLayerNetwork(TestNetworks.mlp(4, 3, 2, new Sgd(0.1), 7));
        net.init();
        INDArray hidden = net.getLayer(0).getParam("W");
        hidden.putScalar(0, 0, 0.0);
        hidden.putScalar(1, 2, 0.0);

        double[] all = WeightHistogramPlot.weightsOf(net, null);
        assertEquals(4 * 3 + 3 * 2, all.length, "weights of both layers, no biases");
        double[] one = WeightHistogramPlot.weightsOf(net, "hidden");
        assertArrayEquals(hidden.dup('c').data().asDouble(), one, 0);

        WeightHistogramPlot p = new WeightHistogramPlot().add("all", net).add("zero-free", Nd4j.ones(2, 2));
        assertEquals(2, p.histograms().get(0).excluded());
        assertEquals(0, p.histograms().get(1).excluded());
        new WeightHistogramPlot().add("hidden", net, "hidden").write(dir.resolve("layer.png"));
        assertPng(dir.resolve("layer.png"), Plot.DEFAULT_WIDTH, Plot.DEFAULT_HEIGHT);

        assertTrue(assertThrows(IllegalArgumentException.class, () -> WeightHistogramPlot.weightsOf(net, "nope"))
                .getMessage().contains("nope"));
        assertThrows(IllegalArgumentException.class, () -> WeightHistogramPlot.weightsOf(net, "hidden_b"));
    }
}
