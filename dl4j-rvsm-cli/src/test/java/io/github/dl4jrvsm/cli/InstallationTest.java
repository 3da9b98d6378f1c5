package io.github.dl4jrvsm.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the installed tool adds around the commands: the version from the jar manifest and the log level switch. The
 * distribution itself (bin/rvsm from the unpacked tar.gz, its version against the pom's) is checked by .ci/run.
 */
class InstallationTest {

    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    @Test
    void versionComesFromTheManifestAndSaysSoWhenThereIsNone() {
        assertEquals("2.3.4", ManifestVersion.version("2.3.4"));
        // tests run from target/classes: no manifest, so no invented number either
        Object[] r = CliRun.rvsm("--version");
        assertEquals(0, r[0]);
        assertEquals("dl4j-rvsm (development build: no jar manifest)", ((String) r[1]).strip());
    }

    @Test
    void verboseRaisesTheLogLevelOnlyWhenAskedAndNeverOverridesTheUser() {
        String before = System.getProperty(LOG_LEVEL);
        try {
            System.clearProperty(LOG_LEVEL);
            Rvsm.configureLogging(List.of("train", "--epochs", "1"));
            assertNull(System.getProperty(LOG_LEVEL));
            Rvsm.configureLogging(List.of("train", "--verbose"));
            assertEquals("info", System.getProperty(LOG_LEVEL));
            System.setProperty(LOG_LEVEL, "debug");
            Rvsm.configureLogging(List.of("--verbose"));
            assertEquals("debug", System.getProperty(LOG_LEVEL));
        } finally {
            if (before == null) {
                System.clearProperty(LOG_LEVEL);
            } else {
                System.setProperty(LOG_LEVEL, before);
            }
        }
    }

    @Test
    void verboseIsAnOptionOfEveryCommand() {
        for (String command : List.of("train", "evaluate", "report", "prune-export")) {
            Object[] r = CliRun.rvsm(command, "--verbose", "--help");
            assertEquals(0, r[0], command + ": " + r[1]);
            assertTrue(((String) r[1]).contains("--verbose"), command + " help must list --verbose:\n" + r[1]);
        }
    }
}
