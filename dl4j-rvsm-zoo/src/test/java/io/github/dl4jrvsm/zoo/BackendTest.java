package io.github.dl4jrvsm.zoo;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The test backend reaches the library modules through surefire's additional class path, not as a dependency, and
 * its JUnit listener must still have chosen the fast build before any zoo test touched ND4J. The zoo cannot name
 * {@code CpuBackend} (it does not depend on it), so the check reads the properties that class sets.
 */
class BackendTest {

    @Test
    void theBackendListenerChoseTheFastBuild() throws Exception {
        String cpuInfo = Files.readString(Path.of("/proc/cpuinfo"));
        boolean avx2 = cpuInfo.lines().filter(l -> l.startsWith("flags")).findFirst()
                .map(l -> (" " + l + " ").contains(" avx2 ")).orElse(false);
        if (avx2 && System.getProperty("dl4jrvsm.backend") == null) {
            // set by CpuBackend.configure(), not by the surefire argLine
            assertEquals("-onednn-avx2", System.getProperty("org.bytedeco.javacpp.platform.extension"));
            Class<?> helper = Class.forName("org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper");
            assertEquals(Boolean.TRUE, helper.getMethod("mklDnnEnabled").invoke(null),
                    "DL4J's oneDNN helpers must be enabled (the Nd4jCpu shim of dl4j-rvsm-native-cpu)");
        }
    }
}
