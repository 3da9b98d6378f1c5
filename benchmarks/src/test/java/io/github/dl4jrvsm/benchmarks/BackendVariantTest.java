package io.github.dl4jrvsm.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Argument handling of the backend benchmark (no timing here: the benchmark itself is a main). */
class BackendVariantTest {

    @Test
    void parsesVariantsAndTheirJvmOptions() {
        assertEquals(new BackendVariant("onednn-avx2", true), BackendVariant.parse("onednn-avx2"));
        BackendVariant plain = BackendVariant.parse("PLAIN:off");
        assertEquals(List.of("-Dorg.bytedeco.javacpp.platform.extension=",
                "-Dorg.eclipse.deeplearning4j.helpers.disable=true"), plain.jvmProperties());
        assertEquals(12, BackendVariant.parseList("all").size());
        assertEquals(2, BackendVariant.parseList("avx2:on, onednn:off").size());
    }

    @Test
    void rejectsBadValuesNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BackendVariant.parse("avx3"));
        assertTrue(e.getMessage().contains("avx3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BackendVariant.parse("avx2:maybe"));
        e = assertThrows(IllegalArgumentException.class,
                () -> BackendBenchmark.Options.parse(new String[]{"--batches", "32,0", "--python", "none"}));
        assertTrue(e.getMessage().contains("'0'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BackendBenchmark.Options.parse(new String[]{"--formats", "nchwx", "--python", "none"}));
        assertTrue(e.getMessage().contains("nchwx"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BackendBenchmark.Options.parse(new String[]{"--bogus", "1"}));
    }

    @Test
    void tableReportsTheRatioToPyTorch() {
        String t = BackendBenchmark.table(List.of("NCHW 64"), new LinkedHashMap<>(Map.of(
                "onednn-avx2:on", Map.of("NCHW 64", 100.0), BackendBenchmark.PYTORCH,
                Map.of("NCHW 64", 250.0))));
        assertTrue(t.contains("100.0 (2.50x)"), t);
    }
}
