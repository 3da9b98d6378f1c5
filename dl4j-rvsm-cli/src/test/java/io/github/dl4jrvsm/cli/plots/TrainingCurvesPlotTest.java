package io.github.dl4jrvsm.cli.plots;

import io.github.dl4jrvsm.cli.plots.TrainingCurvesPlot.Curve;
import io.github.dl4jrvsm.cli.plots.TrainingCurvesPlot.EpochRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.github.dl4jrvsm.cli.plots.PngAssertions.assertOnlyFiles;
import static io.github.dl4jrvsm.cli.plots.PngAssertions.assertPng;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingCurvesPlotTest {

    @TempDir
    Path dir;

    private static List<EpochRecord> run(int epochs, boolean robust) {
        List<EpochRecord> out = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            out.add(new EpochRecord(e, 2.0 / e, 0.5 + 0.04 * e, robust && e % 2 == 0 ? 0.2 + 0.02 * e : Double.NaN,
                    0.08 * e));
        }
        return out;
    }

    @Test
    void writesPngOfRequestedSize() throws Exception {
        new TrainingCurvesPlot(run(10, true)).size(1000, 600).title("LeNet-5, RVSM-l0").write(dir.resolve("t.png"));
        assertPng(dir.resolve("t.png"), 1000, 600);
        assertOnlyFiles(dir, "t.png");
    }

    @Test
    void robustPointsWithoutMeasurementAreDroppedAndLossGoesToTheRightAxis() {
        List<Curve> curves = new TrainingCurvesPlot(run(6, true)).curves();
        assertEquals(List.of(TrainingCurvesPlot.CLEAN, TrainingCurvesPlot.ROBUST, TrainingCurvesPlot.SPARSITY,
                TrainingCurvesPlot.LOSS), curves.stream().map(Curve::name).toList());
        Curve robust = curves.get(1);
        assertArrayEquals(new double[]{2, 4, 6}, robust.x(), 0);
        assertArrayEquals(new double[]{0.24, 0.28, 0.32}, robust.y(), 1e-12);
        Curve loss = curves.get(3);
        assertEquals(1, loss.axis());
        assertEquals(0, curves.get(0).axis());
        assertArrayEquals(new double[]{2.0, 1.0, 2.0 / 3, 0.5, 0.4, 2.0 / 6}, loss.y(), 1e-12);
    }

    @Test
    void runWithoutRobustAccuracyHasNoRobustCurveAndStillDraws() throws Exception {
        TrainingCurvesPlot p = new TrainingCurvesPlot(List.of(EpochRecord.withoutRobust(1, 1.2, 0.6, 0.1)));
        assertTrue(p.curves().stream().noneMatch(c -> c.name().equals(TrainingCurvesPlot.ROBUST)));
        p.write(dir.resolve("one-epoch.png"));
        assertPng(dir.resolve("one-epoch.png"), Plot.DEFAULT_WIDTH, Plot.DEFAULT_HEIGHT);
    }

    @Test
    void rejectsBadRecords() {
        assertThrows(IllegalArgumentException.class, () -> new TrainingCurvesPlot(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new TrainingCurvesPlot(null));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TrainingCurvesPlot(List.of(
                new EpochRecord(2, 1, 0.5, 0.1, 0), new EpochRecord(2, 1, 0.5, 0.1, 0))))
                .getMessage().contains("increase"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TrainingCurvesPlot(List.of(
                new EpochRecord(1, 1, 85.0, 0.1, 0)))).getMessage().contains("clean accuracy"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TrainingCurvesPlot(List.of(
                new EpochRecord(1, Double.NaN, 0.5, 0.1, 0)))).getMessage().contains("training loss"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TrainingCurvesPlot(List.of(
                new EpochRecord(1, 1, 0.5, 0.1, Double.NaN)))).getMessage().contains("sparsity"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TrainingCurvesPlot(List.of(
                new EpochRecord(1, 1, 0.5, -0.1, 0.2)))).getMessage().contains("robust accuracy"));
    }
}
