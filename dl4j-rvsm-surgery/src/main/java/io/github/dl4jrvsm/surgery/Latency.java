package io.github.dl4jrvsm.surgery;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * Measured inference latency of two networks on the same input, as medians of interleaved repetitions.
 *
 * <p>Why interleaved: CPU frequency, other processes and JIT warm-up drift over seconds; measuring all "before"
 * runs and then all "after" runs would put the drift into the ratio. Each repetition runs both (alternating which
 * goes first), and medians ignore the odd slow run (GC, scheduling).
 *
 * @param batch       examples per forward pass
 * @param repetitions timed repetitions of each network (after {@code warmup} untimed ones)
 * @param beforeMs    median milliseconds per forward pass of the original network
 * @param afterMs     median milliseconds per forward pass of the new network
 */
public record Latency(int batch, int repetitions, double beforeMs, double afterMs) {

    /** {@code afterMs / beforeMs}: below 1 is faster. */
    @JsonProperty
    public double ratio() {
        return afterMs / beforeMs;
    }

    /** Measures both networks on {@code input} (its first dimension is the batch). */
    public static Latency measure(Model before, Model after, INDArray input, int warmup, int repetitions) {
        if (repetitions < 1 || warmup < 0) {
            throw new IllegalArgumentException("need repetitions >= 1 and warmup >= 0, got " + repetitions + " and "
                    + warmup);
        }
        for (int i = 0; i < warmup; i++) {
            run(before, input);
            run(after, input);
        }
        double[] b = new double[repetitions], a = new double[repetitions];
        for (int r = 0; r < repetitions; r++) {
            if (r % 2 == 0) {
                b[r] = time(before, input);
                a[r] = time(after, input);
            } else {
                a[r] = time(after, input);
                b[r] = time(before, input);
            }
        }
        return new Latency((int) input.size(0), repetitions, median(b), median(a));
    }

    private static double time(Model m, INDArray x) {
        long t0 = System.nanoTime();
        run(m, x);
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void run(Model m, INDArray x) {
        INDArray out = NetworkAdapter.of(m).output(x, false);
        Nd4j.getExecutioner().commit();
        if (out.isEmpty()) {
            throw new IllegalStateException("empty output");
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
