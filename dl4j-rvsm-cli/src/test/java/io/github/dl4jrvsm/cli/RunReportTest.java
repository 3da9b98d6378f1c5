package io.github.dl4jrvsm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dl4jrvsm.adversarial.evaluation.ConfusionCounts;
import io.github.dl4jrvsm.adversarial.evaluation.RobustnessReport;
import io.github.dl4jrvsm.core.report.SparsityReport;
import io.github.dl4jrvsm.core.testsupport.TestNetworks;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.Sgd;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** report.json keeps the per-class counts, report.md shows them, and reports written before them still read. */
class RunReportTest {

    @TempDir
    Path dir;

    private static final ConfusionCounts CLEAN = new ConfusionCounts(new long[][]{{4, 1, 0}, {0, 3, 1}, {1, 0, 2}});
    private static final ConfusionCounts FGSM = new ConfusionCounts(new long[][]{{1, 1, 0}, {1, 1, 0}, {1, 1, 0}});

    private static RunReport report() {
        MultiLayerNetwork net = new MultiLayerNetwork(TestNetworks.mlp(4, 5, 3, new Sgd(0.1), 1));
        net.init();
        RobustnessReport robustness = new RobustnessReport(6, false, 1,
                List.of(RobustnessReport.Entry.of("A1", "clean", CLEAN, Map.of()),
                        RobustnessReport.Entry.of("A2", "FGSM", FGSM, Map.of("epsilon", 0.03))),
                List.of(), null, List.of(), 2.0);
        return new RunReport(Map.of("model", "mlp"), "test data", "cpu", List.of(), 1, robustness,
                SparsityReport.of(net, 4), 3.0);
    }

    @Test
    void theRunReportHasAPerClassTableOfEveryAttack() throws Exception {
        report().write(dir);
        RunReport read = RunReport.read(dir);
        assertEquals(FGSM, read.robustness().accuracies().get(1).confusion());
        assertEquals(2.0 / 6, read.robustness().evaluation("A2").accuracy(), 1e-12);
        String md = ReportWriter.markdown(read, List.of());
        assertTrue(md.contains("| class | examples | attacked | A1 clean | A2 FGSM |"), md);
        assertTrue(md.contains("| 0 | 5 | 2 | 80.0% | 50.0% |"), md);
        assertTrue(md.contains("| 1 | 4 | 2 | 75.0% | 50.0% |"), md);
        assertTrue(md.contains("| 2 | 3 | 2 | 66.7% | 0.0% |"), md);
    }

    @Test
    void aReportWrittenBeforePerClassCountsStillReadsAndRenders() throws Exception {
        report().write(dir);
        JsonNode json = RunState.JSON.readTree(dir.resolve(RunReport.FILE).toFile());
        for (JsonNode entry : json.get("robustness").get("accuracies")) {
            ((ObjectNode) entry).remove("confusion");
        }
        RunState.JSON.writeValue(dir.resolve(RunReport.FILE).toFile(), json);

        RunReport old = RunReport.read(dir);
        assertNull(old.robustness().accuracies().get(0).confusion());
        assertEquals(9.0 / 12, old.robustness().accuracy("A1"), 1e-12);
        String md = ReportWriter.markdown(old, List.of());
        assertTrue(md.contains("| A2 | FGSM | 33.33% | 2 / 6 |"), md);
        assertFalse(md.contains("Per-class"), md);
    }
}
