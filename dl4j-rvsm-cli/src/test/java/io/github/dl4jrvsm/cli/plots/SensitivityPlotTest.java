package io.github.dl4jrvsm.cli.plots;

import io.github.dl4jrvsm.pruning.PruningStructure;
import io.github.dl4jrvsm.pruning.SensitivityResult;
import io.github.dl4jrvsm.pruning.SensitivityResult.Point;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.github.dl4jrvsm.cli.plots.PngAssertions.assertOnlyFiles;
import static io.github.dl4jrvsm.cli.plots.PngAssertions.assertPng;
import static io.github.dl4jrvsm.cli.plots.PngAssertions.containsColour;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SensitivityPlotTest {

    @TempDir
    Path dir;

    @Test
    void oneLinePerLayerFromTheUnprunedAccuracy() throws Exception {
        SensitivityResult r = new SensitivityResult(PruningStructure.CHANNELS, 0.9, List.of(
                new Point("conv1", 0.5, 0.7, 0.2, 3, 6), new Point("conv1", 0.9, 0.2, 0.7, 5, 6),
                new Point("conv2", 0.5, 0.88, 0.02, 8, 16), new Point("conv2", 0.9, 0.6, 0.3, 14, 16)));
        SensitivityPlot p = new SensitivityPlot(r);
        var chart = p.chart();
        assertArrayEquals(new double[]{0, 0.5, 0.9}, chart.getSeriesMap().get("conv1").getXData(), 0);
        assertArrayEquals(new double[]{0.9, 0.7, 0.2}, chart.getSeriesMap().get("conv1").getYData(), 0);
        assertArrayEquals(new double[]{0.9, 0.88, 0.6}, chart.getSeriesMap().get("conv2").getYData(), 0);
        assertTrue(chart.getXAxisTitle().contains("output channels"), chart.getXAxisTitle());
        p.write(dir.resolve("s.png"));
        BufferedImage img = assertPng(dir.resolve("s.png"), Plot.DEFAULT_WIDTH, Plot.DEFAULT_HEIGHT);
        assertTrue(containsColour(img, Plot.COLORS[0]) && containsColour(img, Plot.COLORS[1]));
        assertOnlyFiles(dir, "s.png");
    }

    @Test
    void layersBeyondThePaletteChangeMarker() {
        List<Point> pts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pts.add(new Point("layer" + i, 0.5, 0.5, 0.4, 1, 2));
        }
        var series = new SensitivityPlot(new SensitivityResult(PruningStructure.ELEMENTS, 0.9, pts)).chart().getSeriesMap();
        assertEquals(series.get("layer0").getLineColor(), series.get("layer6").getLineColor());
        assertNotEquals(series.get("layer0").getMarker(), series.get("layer6").getMarker());
    }

    @Test
    void anEmptyResultIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new SensitivityPlot(new SensitivityResult(PruningStructure.ELEMENTS, 0.9, List.of())));
    }
}
