package io.github.dl4jrvsm.benchmarks.frontier;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A point measured with fewer seeds than asked for says so in its row. */
class FrontierTest {

    @Test
    void aPointMissingSeedsNamesHowManyItHas() {
        FrontierPoint one = new FrontierPoint("ADMM", "prune 0.6", 0.6, 0, 0.45, 0.37, 200);
        assertEquals("prune 0.6 (1 of 3 seeds)", Frontier.settingLabel(one, 3));
        assertEquals("prune 0.6", Frontier.settingLabel(one, 1));
    }
}
