package io.github.dl4jrvsm.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bar counts examples x stages, and a stage's skipped (already broken) examples count as done when it starts. */
class AutoAttackProgressTest {

    @Test
    void positionFollowsTheWorkLeft() {
        try (AutoAttackProgress p = AutoAttackProgress.of(10, true)) {
            p.update("APGD-CE", 0, 4, 0, 10, 10);
            assertEquals(0, p.current());
            p.update("APGD-CE", 0, 4, 8, 10, 7);
            assertEquals(8, p.current());
            p.update("APGD-CE", 0, 4, 10, 10, 6);
            assertEquals(10, p.current());
            p.update("APGD-T", 1, 4, 0, 6, 6);
            assertEquals(14, p.current(), "the 4 broken examples are skipped, so counted done");
            p.update("Square", 3, 4, 5, 5, 5);
            assertEquals(40, p.current());
        }
        try (AutoAttackProgress none = AutoAttackProgress.of(10, false)) {
            none.update("APGD-CE", 0, 4, 3, 10, 9);
            assertEquals(-1, none.current());
        }
    }
}
