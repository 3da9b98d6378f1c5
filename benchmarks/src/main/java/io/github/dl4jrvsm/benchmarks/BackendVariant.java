package io.github.dl4jrvsm.benchmarks;

import io.github.dl4jrvsm.nativecpu.CpuBackend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One ND4J CPU build plus the DL4J layer-helper switch, the two things that can only be chosen once per JVM (JavaCPP
 * loads one native library per process, DL4J reads the helper property when a layer is created), so each variant runs
 * in its own child JVM. Written {@code build:helpers}, e.g. {@code onednn-avx2:on} or {@code plain:off}.
 *
 * @param build   {@code plain} or a classifier suffix of {@code nd4j-native}: avx2, avx512, onednn, onednn-avx2,
 *                onednn-avx512
 * @param helpers whether DL4J's layer helpers may attach (they only can with a oneDNN build)
 */
record BackendVariant(String build, boolean helpers) {

    static final List<String> BUILDS = List.of("plain", "avx2", "avx512", "onednn", "onednn-avx2", "onednn-avx512");

    BackendVariant {
        if (!BUILDS.contains(build)) {
            throw new IllegalArgumentException("unknown nd4j-native build '" + build + "', expected one of " + BUILDS);
        }
    }

    /** Parses {@code build:on|off}; {@code build} alone means helpers on. */
    static BackendVariant parse(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split(":");
        if (parts.length > 2 || (parts.length == 2 && !parts[1].equals("on") && !parts[1].equals("off"))) {
            throw new IllegalArgumentException("variant must be BUILD or BUILD:on or BUILD:off, got '" + text + "'");
        }
        return new BackendVariant(parts[0], parts.length == 1 || parts[1].equals("on"));
    }

    /** Comma-separated variants; {@code all} is every build with helpers on and off. */
    static List<BackendVariant> parseList(String text) {
        List<BackendVariant> out = new ArrayList<>();
        if (text.trim().equalsIgnoreCase("all")) {
            for (String b : BUILDS) {
                out.add(new BackendVariant(b, true));
                out.add(new BackendVariant(b, false));
            }
            return out;
        }
        for (String s : text.split(",")) {
            if (!s.isBlank()) {
                out.add(parse(s));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no variants in '" + text + "'");
        }
        return out;
    }

    /** The {@code -D} options that select this variant in a child JVM (set explicitly, so CpuBackend keeps them). */
    List<String> jvmProperties() {
        List<String> props = new ArrayList<>();
        if (build.equals("plain")) {
            // the empty extension must be explicit, else JavaCPP loads the first other build it finds
            props.add("-D" + CpuBackend.PLATFORM_EXTENSION + "=");
        } else {
            props.add("-D" + CpuBackend.PLATFORM_EXTENSION + "=-" + build);
        }
        props.add("-D" + CpuBackend.HELPERS_DISABLE + "=" + !helpers);
        return props;
    }

    @Override
    public String toString() {
        return build + ":" + (helpers ? "on" : "off");
    }
}
