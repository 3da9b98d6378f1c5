package io.github.dl4jrvsm.benchmarks.tables;

import io.github.dl4jrvsm.cli.Rvsm;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every row of every table is a command the real command line accepts, at both scales. */
class DissertationTablesTest {

    @Test
    void everyRowParsesAsACommandOfTheCommandLine() {
        for (TableSpec t : DissertationTables.all().values()) {
            for (Scale scale : Scale.values()) {
                for (Row r : t.rows()) {
                    List<String> c = TableRunner.command(t, r, scale);
                    CommandLine cli = new CommandLine(new Rvsm());
                    CommandLine.ParseResult parsed = cli.parseArgs(c.toArray(new String[0]));
                    assertTrue(parsed.hasSubcommand(), t.id() + " " + r.label());
                    assertTrue(parsed.subcommand().unmatched().isEmpty(), t.id() + " " + r.label() + ": " + c);
                }
            }
        }
    }

    @Test
    void theTablesOfTheDissertationAreAllThereWithTheirNumbers() {
        assertEquals(List.of("3.1", "3.2", "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8"),
                List.copyOf(DissertationTables.all().keySet()));
        TableSpec t44 = DissertationTables.get("4.4");
        assertEquals(8, t44.rows().size());
        assertEquals(80.91, t44.rows().get(1).dissertation().get(Metric.SPARSITY), 0);
        assertEquals(56.34, t44.rows().get(7).dissertation().get(Metric.SPARSITY), 0);
        assertTrue(t44.adversarial() && t44.needsAttacks());
        assertFalse(DissertationTables.get("3.1").adversarial() || DissertationTables.get("3.1").needsAttacks());
        assertEquals("cifar100", DissertationTables.get("4.8").full().dataset());
        assertThrows(IllegalArgumentException.class, () -> DissertationTables.get("9.9"));
    }

    @Test
    void sharedRunsHaveOneKeyAndDifferentRunsDifferentKeys() {
        // Table 4.7's RVSM row is Table 4.4's ResNet20 row at beta 0.01: trained once
        List<String> t47 = TableRunner.command(DissertationTables.get("4.7"), DissertationTables.get("4.7").rows().get(0), Scale.CPU);
        List<String> t44 = TableRunner.command(DissertationTables.get("4.4"), DissertationTables.get("4.4").rows().get(1), Scale.CPU);
        assertEquals(RunKey.of(t44), RunKey.of(t47));
        Set<String> keys = new HashSet<>();
        for (TableSpec t : DissertationTables.all().values()) {
            for (Row r : t.rows()) {
                keys.add(RunKey.of(TableRunner.command(t, r, Scale.FULL)));
            }
        }
        assertTrue(keys.size() >= 40, "distinct runs: " + keys.size());
    }
}
