package io.github.dl4jrvsm.nativecpu;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast default (oneDNN build, layer helpers on) must be active in this JVM and give the same training losses as
 * the plain build without helpers, run in a child JVM because the choice is made once per process.
 */
class CpuBackendTest {

    @Test
    void recognisesAvx2InCpuInfo() {
        assertTrue(CpuBackend.cpuInfoHasAvx2("processor: 0\nflags\t\t: fpu sse avx avx2 fma\n"));
        assertFalse(CpuBackend.cpuInfoHasAvx2("processor: 0\nflags\t\t: fpu sse avx\n"));
        assertFalse(CpuBackend.cpuInfoHasAvx2("flags : avx2x\n"));
    }

    @Test
    void choiceIsExplicitSoJavaCppDoesNotSearch() {
        assertTrue(CpuBackend.isConfigured(), "ConfigureBeforeTests, registered as a JUnit service, has not run");
        String ext = System.getProperty(CpuBackend.PLATFORM_EXTENSION);
        assertTrue(CpuBackend.ONEDNN_AVX2.equals(ext) || CpuBackend.PLAIN.equals(ext), "extension " + ext);
    }

    @Test
    void fastPathIsOnAndMatchesThePlainPath() throws Exception {
        if (!CpuBackend.cpuHasAvx2()) {
            return; // nothing to compare on such a CPU: the plain build is the default there
        }
        assertTrue(CpuBackend.oneDnnBinaryLoaded(), CpuBackend.describe());
        assertEquals("MKLDNNConvHelper", BackendProbe.helperName(), "oneDNN conv helper must be attached");
        List<Double> fast = BackendProbe.losses();

        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> cmd = new ArrayList<>(List.of(java, "-Ddl4jrvsm.backend=plain", "-cp",
                System.getProperty("java.class.path"), BackendProbe.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM timed out");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("HELPER none"), "the plain run must not use helpers:\n" + out);
        String lib = out.lines().filter(l -> l.startsWith("LIB ")).findFirst().orElseThrow();
        // JavaCPP would load the oneDNN build (with its own oneDNN kernels inside the native ops) if the plain build
        // were not asked for explicitly; the comparison is only meaningful against the really plain binary.
        assertTrue(lib.contains("linux-x86_64/") && !lib.contains("onednn"), "plain run loaded " + lib);
        assertTrue(CpuBackend.nativeLibrary().contains("linux-x86_64-onednn-avx2/"), CpuBackend.nativeLibrary());
        String line = out.lines().filter(l -> l.startsWith("LOSSES ")).findFirst().orElseThrow();
        String[] parts = line.substring("LOSSES [".length(), line.length() - 1).split(",\\s*");
        assertEquals(fast.size(), parts.length);
        for (int i = 0; i < parts.length; i++) {
            double plain = Double.parseDouble(parts[i]);
            assertEquals(plain, fast.get(i), 1e-3 * Math.max(1, Math.abs(plain)),
                    "step " + i + ": plain " + line + " vs fast " + fast);
        }
    }
}
