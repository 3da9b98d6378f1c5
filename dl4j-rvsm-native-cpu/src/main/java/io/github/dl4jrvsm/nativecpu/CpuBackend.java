package io.github.dl4jrvsm.nativecpu;

import org.bytedeco.javacpp.Loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses the fastest ND4J CPU build this processor can run and switches DL4J's oneDNN layer helpers on.
 *
 * <p>DL4J M2.1 ships several native builds of {@code nd4j-native}. The project puts two on the class path: the
 * {@code linux-x86_64-onednn-avx2} build (oneDNN kernels, AVX2) and the plain {@code linux-x86_64} build. JavaCPP
 * picks one by the system property {@value #PLATFORM_EXTENSION}; this class sets it to {@value #ONEDNN_AVX2} when the
 * CPU reports AVX2 and to the empty string (the plain build) otherwise, so a CPU without AVX2 gets the plain build
 * instead of a crash. The empty string must be set explicitly: with the property unset JavaCPP tries the extensions
 * the ND4J preset lists and loads the first build it finds on the class path, which is the oneDNN one. It also sets
 * {@value #HELPERS_DISABLE}{@code =false}: DL4J leaves its layer helpers off by default, and only with them does a
 * convolution layer reach oneDNN.
 *
 * <p>Why this choice: docs/PERFORMANCE.md, "DL4J backend against PyTorch" ({@code BackendBenchmark} times every
 * build with and without helpers; a oneDNN build with helpers is 4.5-10x the others, and the three oneDNN builds were
 * within noise of each other, so the one that also runs on AVX2-only CPUs is used).
 *
 * <p>Both properties are read once, when ND4J loads its native library, so {@link #configure()} must run before the
 * first ND4J call of the JVM. Properties already set by the user ({@code -D...}) are never overridden.
 */
public final class CpuBackend {

    public static final String PLATFORM_EXTENSION = "org.bytedeco.javacpp.platform.extension";
    public static final String HELPERS_DISABLE = "org.eclipse.deeplearning4j.helpers.disable";
    public static final String ONEDNN_AVX2 = "-onednn-avx2";
    /** The platform extension of the plain build: empty, but set, so that JavaCPP does not search for another. */
    public static final String PLAIN = "";
    /** Set to {@code plain} to force the plain build and no helpers, e.g. to compare results. */
    public static final String MODE_PROPERTY = "dl4jrvsm.backend";

    private static volatile boolean configured;

    private CpuBackend() {
    }

    /** Idempotent; call first thing in a {@code main} or test launcher. */
    public static synchronized void configure() {
        if (configured) {
            return;
        }
        configured = true;
        if (cudaBackendPresent()) {
            return; // -Pcuda: neither the CPU build choice nor DL4J's (absent) cuDNN layer helpers apply
        }
        boolean plain = "plain".equalsIgnoreCase(System.getProperty(MODE_PROPERTY, ""));
        if (System.getProperty(PLATFORM_EXTENSION) == null) {
            System.setProperty(PLATFORM_EXTENSION, !plain && cpuHasAvx2() ? ONEDNN_AVX2 : PLAIN);
        }
        if (System.getProperty(HELPERS_DISABLE) == null) {
            System.setProperty(HELPERS_DISABLE, plain ? "true" : "false");
        }
    }

    /** Whether {@link #configure()} has run in this JVM. */
    public static boolean isConfigured() {
        return configured;
    }

    static boolean cudaBackendPresent() {
        try {
            Class.forName("org.nd4j.linalg.jcublas.JCublasBackend", false, CpuBackend.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Whether the native library JavaCPP loaded for ND4J is one of the oneDNN builds. */
    public static boolean oneDnnBinaryLoaded() {
        String ext = System.getProperty(PLATFORM_EXTENSION, "");
        if (ext.contains("onednn")) {
            return true;
        }
        return nativeLibrary().contains("onednn");
    }

    /** Path of the ND4J native library JavaCPP loaded ({@code libjnind4jcpu}), or "" before ND4J is loaded. */
    public static String nativeLibrary() {
        try {
            Map<String, String> loaded = Loader.getLoadedLibraries();
            return loaded.values().stream().filter(p -> p != null && p.contains("nd4jcpu")).findFirst().orElse("");
        } catch (LinkageError e) {
            return "";
        }
    }

    /** A short description for logs and reports, e.g. {@code nd4j-native -onednn-avx2, helpers on}. */
    public static String describe() {
        String ext = System.getProperty(PLATFORM_EXTENSION, "");
        boolean helpers = "false".equalsIgnoreCase(System.getProperty(HELPERS_DISABLE, "true"));
        return "nd4j-native " + (ext.isEmpty() ? "(plain)" : ext) + ", layer helpers " + (helpers ? "on" : "off");
    }

    static boolean cpuHasAvx2() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!arch.equals("amd64") && !arch.equals("x86_64")) {
            return false;
        }
        try {
            return cpuInfoHasAvx2(Files.readString(Path.of("/proc/cpuinfo")));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static boolean cpuInfoHasAvx2(String cpuInfo) {
        for (String line : cpuInfo.split("\n")) {
            if (line.startsWith("flags")) {
                for (String flag : line.substring(line.indexOf(':') + 1).trim().split("\\s+")) {
                    if (flag.equals("avx2")) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }
}
