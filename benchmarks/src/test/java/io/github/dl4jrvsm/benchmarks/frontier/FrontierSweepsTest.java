package io.github.dl4jrvsm.benchmarks.frontier;

import io.github.dl4jrvsm.cli.Rvsm;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every point of every sweep is a command the real command line accepts, target-sparsity points included. */
class FrontierSweepsTest {

    @Test
    void everyPointParsesAndTheTargetSparsityLineIsOnEverySweep() {
        for (FrontierSpec spec : FrontierSweeps.all().values()) {
            long targets = 0;
            for (FrontierSpec.Setting s : spec.settings()) {
                List<String> c = spec.command(s);
                CommandLine.ParseResult parsed = new CommandLine(new Rvsm()).parseArgs(c.toArray(new String[0]));
                assertTrue(parsed.hasSubcommand() && parsed.subcommand().unmatched().isEmpty(), spec.name() + ": " + c);
                if (c.contains("--target-sparsity")) {
                    targets++;
                    assertEquals("RVSM-l0 target", s.method());
                }
            }
            assertEquals(FrontierSpec.TARGETS.length, targets, spec.name());
        }
    }
}
