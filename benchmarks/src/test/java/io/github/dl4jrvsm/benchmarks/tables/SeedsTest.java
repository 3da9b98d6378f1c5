package io.github.dl4jrvsm.benchmarks.tables;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Repeats over seeds: which commands run, and how a cell summarises them. */
class SeedsTest {

    @Test
    void repeatsKeepTheFirstCommandAndAddTheNextSeeds() {
        List<List<String>> r = new Seeds(3).of(List.of("train", "--model", "lenet5"));
        assertEquals(List.of(List.of("train", "--model", "lenet5"), List.of("train", "--model", "lenet5", "--seed", "43"),
                List.of("train", "--model", "lenet5", "--seed", "44")), r);
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> new Seeds(0));
        assertTrue(zero.getMessage().contains("--seeds") && zero.getMessage().contains("got 0"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Seeds(2).of(List.of("train", "--seed", "7")));
    }

    @Test
    void aCellIsMeanAndSampleDeviationMarkedWhenTheSeedsDisagree() {
        SeedSpread close = new SeedSpread(new double[]{80, 82, 84});
        assertEquals(82, close.mean(), 1e-12);
        assertEquals(2, close.sd(), 1e-12);
        assertFalse(close.seedDependent(5));
        assertEquals("82.00 ± 2.00", close.format(5));
        SeedSpread apart = new SeedSpread(new double[]{10, 82.5});
        assertTrue(apart.seedDependent(5));
        assertEquals("46.25 ± 51.27 ‡ [10.00-82.50]", apart.format(5));
        assertEquals("71.43", new SeedSpread(new double[]{71.43}).format(5));
        assertEquals("-", new SeedSpread(new double[0]).format(5));
    }

    @Test
    void aSeedCountBelowOneIsAOneLineErrorOfTheTableRunner() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new Reproduce()).setParameterExceptionHandler(Seeds::oneLineError)
                .setErr(new PrintWriter(err, true)).execute("--seeds", "0", "--list", "4.1");
        assertEquals(2, code);
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("--seeds must be >= 1") && err.toString().contains("got 0"), err.toString());
    }
}
