package io.github.dl4jrvsm.cli.plots;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static io.github.dl4jrvsm.cli.plots.PngAssertions.assertOnlyFiles;
import static io.github.dl4jrvsm.cli.plots.PngAssertions.assertPng;
import static io.github.dl4jrvsm.cli.plots.PngAssertions.containsColour;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrontierPlotTest {

    @TempDir
    Path dir;

    @Test
    void drawsOneLinePerMethodSortedBySparsity() throws Exception {
        FrontierPlot p = new FrontierPlot().axes("sparsity", "accuracy")
                .add("RVSM", List.of(new FrontierPlot.Point(0.9, 0.8), new FrontierPlot.Point(0.5, 0.88)))
                .add("ADMM", List.of(new FrontierPlot.Point(0.6, 0.86), new FrontierPlot.Point(0.95, 0.6)));
        var chart = p.chart();
        assertArrayEquals(new double[]{0.5, 0.9}, chart.getSeriesMap().get("RVSM").getXData(), 0);
        assertArrayEquals(new double[]{0.88, 0.8}, chart.getSeriesMap().get("RVSM").getYData(), 0);
        p.size(640, 400).write(dir.resolve("f.png"));
        BufferedImage img = assertPng(dir.resolve("f.png"), 640, 400);
        assertTrue(containsColour(img, Plot.COLORS[0]) && containsColour(img, Plot.COLORS[1]));
        assertOnlyFiles(dir, "f.png");
    }

    @Test
    void rejectsBadInput() {
        FrontierPlot p = new FrontierPlot();
        assertThrows(IllegalArgumentException.class, () -> p.chart());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.add("m", List.of(new FrontierPlot.Point(1.2, 0.5))))
                .getMessage().contains("1.2"));
        assertThrows(IllegalArgumentException.class, () -> p.add("m", List.of()));
        p.add("m", List.of(new FrontierPlot.Point(0.1, 0.5)));
        assertThrows(IllegalArgumentException.class, () -> p.add("m", List.of(new FrontierPlot.Point(0.2, 0.5))));
    }
}
