package io.github.dl4jrvsm.core.splitting;

import org.nd4j.linalg.schedule.ISchedule;

/**
 * Reads an optional DL4J {@link ISchedule} as DL4J's own regularizations do, at {@code (iteration, epoch)}.
 *
 * <p>Without a schedule the fixed value is used unchanged, so a configuration that never sets a schedule behaves,
 * and serialises, exactly as it did before schedules were accepted.
 */
public final class Schedules {

    private Schedules() {
    }

    /** The schedule's value at the step (or {@code fixed} when there is none), which must be finite and > 0. */
    public static double positive(String name, double fixed, ISchedule schedule, int iteration, int epoch) {
        double v = valueAt(fixed, schedule, iteration, epoch);
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + v + " from the schedule "
                    + schedule + " at iteration " + iteration + ", epoch " + epoch);
        }
        return v;
    }

    /** The schedule's value at the step (or {@code fixed} when there is none), which must be finite and >= 0. */
    public static double nonNegative(String name, double fixed, ISchedule schedule, int iteration, int epoch) {
        double v = valueAt(fixed, schedule, iteration, epoch);
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + v + " from the schedule "
                    + schedule + " at iteration " + iteration + ", epoch " + epoch);
        }
        return v;
    }

    private static double valueAt(double fixed, ISchedule schedule, int iteration, int epoch) {
        return schedule == null ? fixed : schedule.valueAt(iteration, epoch);
    }
}
