package io.github.dl4jrvsm.zoo;

import io.github.dl4jrvsm.core.backend.CpuBackend;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The core test-jar's launcher listener configures the CPU backend before any zoo test touches ND4J: nothing in the
 * zoo calls {@link CpuBackend#configure()}, so only the listener can have done it.
 */
class BackendTest {

    @Test
    void theCoreLauncherListenerConfiguredTheBackend() throws Exception {
        assertTrue(CpuBackend.isConfigured(), "CpuBackend.configure() has not run in this test JVM");
        String cpuInfo = Files.readString(Path.of("/proc/cpuinfo"));
        boolean avx2 = cpuInfo.lines().filter(l -> l.startsWith("flags")).findFirst()
                .map(l -> (" " + l + " ").contains(" avx2 ")).orElse(false);
        if (avx2 && System.getProperty("dl4jrvsm.backend") == null) {
            // set by configure(), not by the surefire argLine
            assertEquals(CpuBackend.ONEDNN_AVX2, System.getProperty(CpuBackend.PLATFORM_EXTENSION));
            assertTrue(CpuBackend.oneDnnBinaryLoaded(), CpuBackend.describe());
        }
    }
}
