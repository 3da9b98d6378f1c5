package io.github.dl4jrvsm.benchmarks.tables;

import io.github.dl4jrvsm.cli.RunReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A tiny table run end to end: the cells are the runs' own numbers, and a re-run reads finished rows back. */
class TableRunnerTest {

    @TempDir
    Path out;

    @Test
    void cellsComeFromTheRunReportsAndFinishedRowsAreNotTrainedAgain() throws Exception {
        Budget tiny = new Budget("fashion-mnist", 256, 64, 200, 1, new int[0], 64, 16, 2, null);
        List<Metric> metrics = List.of(Metric.ACCURACY, Metric.CHANNEL_SPARSITY);
        TableSpec table = new TableSpec("t", "tiny", tiny, tiny, List.of("lambda"), metrics, List.of(
                Row.of("base", List.of("--model", "lenet5", "--method", "none"), metrics, 99.1, 0),
                Row.of("rgsm", List.of("lambda=2", "--model", "lenet5", "--method", "rgsm", "--penalty", "group-lasso",
                        "--lambda", "2", "--beta", "1"), metrics, 98.74, 71.43)), false, "a note");
        List<String> log = new ArrayList<>();
        List<RowResult> first = new TableRunner(out, log::add).run(table, Scale.CPU);
        assertEquals(2, log.stream().filter(l -> l.startsWith("table t row")).count());

        Path report = first.get(1).directories().get(0).resolve("report.json");
        FileTime written = Files.getLastModifiedTime(report);
        log.clear();
        List<RowResult> again = new TableRunner(out, log::add).run(table, Scale.CPU);
        assertTrue(log.isEmpty(), "finished rows must be read, not trained: " + log);
        assertEquals(written, Files.getLastModifiedTime(report));

        String md = TableMarkdown.render(table, Scale.CPU, again, "machine");
        for (RowResult r : again) {
            RunReport rep = RunReport.read(r.directories().get(0));
            assertEquals(200, rep.robustness().examples(), "A1 on every test image");
            String cell = String.format(Locale.ROOT, "%.2f / %.2f", 100 * rep.robustness().accuracy("A1"),
                    r.dissertation(Metric.ACCURACY));
            assertTrue(md.contains(cell), cell + " in\n" + md);
        }
        // the authors' setting the runner adds: conv kernels only, input-channel groups, counted on the input side
        double channels = Metric.CHANNEL_SPARSITY.percent(again.get(1).reports().get(0));
        assertTrue(channels > 0, "group lasso at lambda/beta 2 zeroes input channels: " + channels);
        assertEquals(0, again.get(1).reports().get(0).sparsity().layers().stream().filter(l -> !l.type().equals("ConvolutionLayer"))
                .mapToLong(l -> l.zeroWeights()).sum(), "dense layers are not sparsified");
        assertTrue(md.contains(String.format(Locale.ROOT, "%.2f / 71.43", channels)), md);
        assertTrue(md.contains("| rgsm | 2 |") && md.contains("a note") && md.contains("--no-robustness")
                && md.contains("--grouping INPUT"), md);
    }

    @Test
    void withSeedsARowIsTheMeanOfItsRunsAndTheFirstSeedIsTheUnseededCommand() throws Exception {
        Budget tiny = new Budget("fashion-mnist", 128, 32, 100, 1, new int[0], 64, 16, 2, null);
        List<Metric> metrics = List.of(Metric.ACCURACY);
        TableSpec table = new TableSpec("s", "seeds", tiny, tiny, List.of(), metrics, List.of(
                Row.of("base", List.of("--model", "lenet5", "--method", "none"), metrics, 99.1)), false, "");
        List<String> log = new ArrayList<>();
        RowResult row = new TableRunner(out, log::add, true, false, new Seeds(2)).run(table, Scale.CPU).get(0);
        assertEquals(2, row.reports().size());
        assertEquals(TableRunner.command(table, table.rows().get(0), Scale.CPU), row.commands().get(0));
        assertEquals(List.of("--seed", "43"), row.commands().get(1).subList(row.commands().get(1).size() - 2,
                row.commands().get(1).size()));
        assertEquals(43L, ((Number) row.reports().get(1).settings().get("seed")).longValue());

        double a = 100 * row.reports().get(0).robustness().accuracy("A1");
        double b = 100 * row.reports().get(1).robustness().accuracy("A1");
        String md = TableMarkdown.render(table, Scale.CPU, List.of(row), "machine");
        String cell = String.format(Locale.ROOT, "%.2f ± %.2f", (a + b) / 2, Math.abs(a - b) / Math.sqrt(2));
        assertTrue(md.contains(cell), cell + " in\n" + md);
        assertTrue(md.contains("over 2 seeds") && md.contains("`--seed 43`"), md);
    }
}
