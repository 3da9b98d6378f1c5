package io.github.dl4jrvsm.benchmarks;

import io.github.dl4jrvsm.nativecpu.CpuBackend;
import org.bytedeco.javacpp.Loader;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.nd4j.linalg.factory.Nd4j;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Child JVM of {@link BackendBenchmark}: one backend variant per process (chosen by {@code -D} options before ND4J
 * loads), driven over stdin so that the parent can interleave variants without paying JVM start-up and native loading
 * per measurement.
 *
 * <p>Protocol: prints {@code READY <description>} once, then answers {@code RUN <nchw|nhwc> <batch> <steps>} with
 * {@code DONE <ms> <last loss>} (the network is rebuilt and warmed up with {@value #WARMUP} steps when the format or
 * batch changes, and only one network is kept, to bound memory) and ends on {@code QUIT} or end of input. Failures are
 * reported as {@code ERROR <message>}.
 */
public final class BackendWorker {

    static final int WARMUP = 2;

    private BackendWorker() {
    }

    public static void main(String[] args) throws Exception {
        CpuBackend.configure();
        Nd4j.create(1); // load the native library now, so READY reports what was loaded
        ResNet20Step probe = new ResNet20Step(CNN2DFormat.NCHW, 2);
        System.out.println("READY " + CpuBackend.describe() + "; " + probe.helpers() + "; lib " + nativeLibrary()
                + "; omp " + Nd4j.getEnvironment().maxMasterThreads());
        System.out.flush();
        ResNet20Step current = null;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            String[] cmd = line.trim().split("\\s+");
            if (cmd[0].equals("QUIT")) {
                break;
            }
            try {
                if (!cmd[0].equals("RUN") || cmd.length != 4) {
                    throw new IllegalArgumentException("expected 'RUN <nchw|nhwc> <batch> <steps>', got '" + line + "'");
                }
                CNN2DFormat format = ResNet20Step.parseFormat(cmd[1]);
                int batch = Integer.parseInt(cmd[2]);
                int steps = Integer.parseInt(cmd[3]);
                if (current == null || !current.matches(format, batch)) {
                    current = null;
                    Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
                    System.gc();
                    current = new ResNet20Step(format, batch);
                    for (int i = 0; i < WARMUP; i++) {
                        current.step();
                    }
                }
                long t = System.nanoTime();
                double loss = 0;
                for (int i = 0; i < steps; i++) {
                    loss = current.step();
                }
                System.out.printf(Locale.ROOT, "DONE %.3f %.6f%n", (System.nanoTime() - t) / 1e6, loss);
            } catch (RuntimeException e) {
                System.out.println("ERROR " + e);
            }
            System.out.flush();
        }
    }

    private static String nativeLibrary() {
        return Loader.getLoadedLibraries().values().stream().filter(p -> p != null && p.contains("nd4jcpu"))
                .findFirst().orElse("?");
    }
}
