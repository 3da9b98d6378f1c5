package io.github.dl4jrvsm.benchmarks.tables;

import io.github.dl4jrvsm.core.prox.ChannelGrouping;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A table row's typed run, and its spelling, which finished runs are found by. */
class TrainArgumentsTest {

    @Test
    void aRowIsTypedWithTheAuthorsSetting() {
        TableSpec t45 = DissertationTables.get("4.5");
        TrainArguments rgsm = TrainArguments.of(t45, t45.rows().get(1), Scale.CPU);
        assertTrue(rgsm.convolutionsOnly() && rgsm.adversarial());
        assertEquals(ChannelGrouping.INPUT, rgsm.grouping());
        assertEquals(List.of(Metric.A2, Metric.A3, Metric.A4, Metric.A5), rgsm.attacks());

        TableSpec t31 = DissertationTables.get("3.1");
        TrainArguments base = TrainArguments.of(t31, t31.rows().get(0), Scale.FULL);
        assertFalse(base.convolutionsOnly() || base.adversarial());
        assertNull(base.grouping());
        assertTrue(base.attacks().isEmpty());
        TrainArguments rvsm = TrainArguments.of(t31, t31.rows().get(1), Scale.FULL);
        assertTrue(rvsm.convolutionsOnly());
        assertNull(rvsm.grouping(), "RVSM has no groups");
    }

    @Test
    void theSpellingStaysWhatTheFinishedRunsWereKeyedBy() {
        TableSpec t45 = DissertationTables.get("4.5");
        List<String> command = TrainArguments.of(t45, t45.rows().get(1), Scale.CPU).toList();
        assertEquals(List.of("train", "--model", "resnet20", "--method", "rgsm", "--penalty", "group-l0-lasso",
                "--lambda", "5e-2", "--lambda2", "1e-5", "--beta", "1", "--sparse-layers", "conv", "--grouping", "INPUT",
                "--batch-norm", "running", "--dataset", "fashion-mnist", "--train-examples", "800", "--validation", "200", "--test-examples", "1000",
                "--epochs", "3", "--batch", "64", "--eval-examples", "100", "--attack-steps", "5", "--lr-drops", "2",
                "--eval-attacks", "A2,A3,A4,A5", "--no-progress"), command);
        assertEquals("resnet20-rgsm-group-l0-lasso-0ad9fcfd4f", RunKey.of(command));
    }

    @Test
    void optionsWithoutAMethodOrAnAttackThatIsNoneAreRefused() {
        Budget budget = DissertationTables.get("3.1").cpu();
        assertThrows(IllegalArgumentException.class, () -> new TrainArguments(List.of("--model", "lenet5"), false, null,
                budget, false, List.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TrainArguments(
                List.of("--method", "none"), false, null, budget, false, List.of(Metric.SPARSITY)));
        assertTrue(e.getMessage().contains("SPARSITY"), e.getMessage());
    }
}
