package io.github.dl4jrvsm.cli.plots;

import io.github.dl4jrvsm.adversarial.evaluation.RobustnessReport;
import io.github.dl4jrvsm.adversarial.evaluation.RobustnessReport.EpsilonPoint;
import io.github.dl4jrvsm.cli.plots.RobustnessCurvePlot.Curve;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static io.github.dl4jrvsm.cli.plots.PngAssertions.assertOnlyFiles;
import static io.github.dl4jrvsm.cli.plots.PngAssertions.assertPng;
import static io.github.dl4jrvsm.cli.plots.PngAssertions.containsColour;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RobustnessCurvePlotTest {

    @TempDir
    Path dir;

    private static List<EpsilonPoint> curve(double... accuracies) {
        double[] eps = {0, 2, 4, 8, 255};
        return IntStream.range(0, accuracies.length)
                .mapToObj(i -> new EpsilonPoint(eps[i] / 255, accuracies[i])).toList();
    }

    @Test
    void writesPngWithOneLinePerModel() throws Exception {
        RobustnessReport sparse = new RobustnessReport(100, false, 1, List.of(), curve(0.88, 0.6, 0.4, 0.2, 0.0),
                null, List.of(), 1.0);
        new RobustnessCurvePlot().add("dense", curve(0.9, 0.7, 0.5, 0.3, 0.0)).add("sparse", sparse)
                .size(700, 450).write(dir.resolve("r.png"));
        BufferedImage img = assertPng(dir.resolve("r.png"), 700, 450);
        assertTrue(containsColour(img, Plot.COLORS[0]) && containsColour(img, Plot.COLORS[1]));
        assertOnlyFiles(dir, "r.png");
    }

    @Test
    void epsilonsAreIn255thsSortedAndTheUnboundedCheckGoesToTheLegend() {
        List<EpsilonPoint> shuffled = List.of(new EpsilonPoint(1.0, 0.01), new EpsilonPoint(8 / 255.0, 0.3),
                new EpsilonPoint(0, 0.9));
        List<Curve> curves = new RobustnessCurvePlot().add("m", shuffled)
                .add("only-unbounded", List.of(new EpsilonPoint(1.0, 0.0))).curves();
        assertArrayEquals(new double[]{0, 8}, curves.get(0).epsilon255(), 1e-9);
        assertArrayEquals(new double[]{0.9, 0.3}, curves.get(0).accuracy(), 0);
        assertEquals(0.01, curves.get(0).unboundedAccuracy());
        assertArrayEquals(new double[]{255}, curves.get(1).epsilon255(), 1e-9, "a lone point is kept");
        assertTrue(Double.isNaN(curves.get(1).unboundedAccuracy()));
    }

    @Test
    void rejectsBadPoints() {
        RobustnessCurvePlot p = new RobustnessCurvePlot();
        assertThrows(IllegalArgumentException.class, () -> p.add("empty", List.of()));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> p.add("pixels", List.of(new EpsilonPoint(8, 0.3)))).getMessage().contains("[0, 1]"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> p.add("nan", List.of(new EpsilonPoint(0, Double.NaN)))).getMessage().contains("'nan'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.add("twice",
                List.of(new EpsilonPoint(0.1, 0.3), new EpsilonPoint(0.1, 0.2)))).getMessage().contains("twice"));
        assertThrows(IllegalArgumentException.class, () -> p.add("null", (RobustnessReport) null));
        assertThrows(IllegalArgumentException.class, () -> p.write(dir.resolve("x.png")));
    }
}
