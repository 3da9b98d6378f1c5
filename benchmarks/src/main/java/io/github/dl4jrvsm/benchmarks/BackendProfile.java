package io.github.dl4jrvsm.benchmarks;

import io.github.dl4jrvsm.nativecpu.CpuBackend;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.deeplearning4j.nn.conf.CNN2DFormat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a ResNet20 training step spends its time with the backend {@link CpuBackend} picks (or the one given by
 * {@code -D} options): runs the steps under a Java Flight Recorder recording and attributes every sample (Java code and
 * native code alike, the latter via JFR's native-method samples) to a phase by its stack, e.g. convolution backward in
 * oneDNN, batch norm forward, updater, workspaces. Sampling rather than op timing, because ND4J's op profiler does not
 * see the ops that the layer helpers run, and it adds its own overhead to every op.
 *
 * <p>Usage: {@code BackendProfile [nchw|nhwc] [batch] [steps]} (defaults nchw 64 20); run with OMP_NUM_THREADS=1.
 */
public final class BackendProfile {

    private BackendProfile() {
    }

    public static void main(String[] args) throws Exception {
        CpuBackend.configure();
        CNN2DFormat format = ResNet20Step.parseFormat(args.length > 0 ? args[0] : "nchw");
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        ResNet20Step step = new ResNet20Step(format, batch);
        for (int i = 0; i < 3; i++) {
            step.step();
        }
        Path file = Files.createTempFile("resnet20-step", ".jfr");
        long t;
        try (Recording r = new Recording()) {
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            r.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(10));
            r.start();
            t = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                step.step();
            }
            t = System.nanoTime() - t;
            r.stop();
            r.dump(file);
        }
        System.out.printf(Locale.ROOT, "BackendProfile: ResNet20 %s batch %d, %s; %s; %.1f ms/step (%.1f images/s)%n",
                format, batch, CpuBackend.describe(), step.helpers(), t / 1e6 / steps, batch * steps * 1e9 / t);
        Map<String, Integer> phases = new TreeMap<>();
        Map<String, Integer> javaLeaves = new HashMap<>();
        int total = 0;
        int nativeSamples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (e.getStackTrace() == null || !e.getThread("sampledThread").getJavaName().equals("main")) {
                continue;
            }
            boolean inNative = e.getEventType().getName().equals("jdk.NativeMethodSample");
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            total++;
            nativeSamples += inNative ? 1 : 0;
            phases.merge(Phase.of(frames) + (inNative ? " [native]" : " [java]"), 1, Integer::sum);
            if (!inNative && !frames.isEmpty()) {
                RecordedFrame f = frames.get(0);
                javaLeaves.merge(f.getMethod().getType().getName() + "." + f.getMethod().getName(), 1, Integer::sum);
            }
        }
        Files.deleteIfExists(file);
        System.out.printf(Locale.ROOT, "%d samples of the main thread, %.1f%% in native code%n%n", total,
                100.0 * nativeSamples / Math.max(1, total));
        System.out.println("| phase | share |\n|---|---:|");
        int n = total;
        phases.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(p -> System.out.printf(Locale.ROOT, "| %s | %.1f%% |%n", p.getKey(), 100.0 * p.getValue() / n));
        System.out.println("\nTop Java leaf methods (samples outside native code):");
        javaLeaves.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                .forEach(p -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * p.getValue() / n, p.getKey()));
    }
}
