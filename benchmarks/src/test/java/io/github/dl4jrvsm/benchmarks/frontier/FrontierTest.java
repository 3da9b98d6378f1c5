package io.github.dl4jrvsm.benchmarks.frontier;

import io.github.dl4jrvsm.benchmarks.tables.Budget;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a frontier page says stands behind its numbers: seeds finished, training images. */
class FrontierTest {

    @Test
    void aPointMissingSeedsNamesHowManyItHas() {
        FrontierPoint one = new FrontierPoint("ADMM", "prune 0.6", 0.6, 0, 0.45, 0.37, 200);
        assertEquals("prune 0.6 (1 of 3 seeds)", Frontier.settingLabel(one, 3));
        assertEquals("prune 0.6", Frontier.settingLabel(one, 1));
    }

    @Test
    void aBudgetOnTheWholeSplitSaysSoInsteadOfZeroImages() {
        assertEquals("whole training split",
                new Budget("fashion-mnist", 0, 500, 0, 6, new int[]{4}, 64, 200, 10, null).trainingImages());
        assertEquals("10000 images",
                new Budget("fashion-mnist", 10000, 500, 0, 6, new int[]{4}, 64, 200, 10, null).trainingImages());
    }
}
