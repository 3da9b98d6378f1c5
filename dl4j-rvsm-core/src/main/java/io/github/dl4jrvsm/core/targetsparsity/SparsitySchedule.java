package io.github.dl4jrvsm.core.targetsparsity;

import io.github.dl4jrvsm.core.internal.Validate;
import org.nd4j.linalg.schedule.ScheduleType;

import java.io.Serializable;

/**
 * How sparse {@code u} should be at each step, rising from {@code initialSparsity} at {@code start} to the target at
 * {@code end} along the gradual-pruning ramp of Zhu and Gupta (2017, "To prune, or not to prune"):
 * {@code s(t) = s_f + (s_i - s_f) (1 - (t - start)/(end - start))^exponent}, {@code s_i} before {@code start} and
 * {@code s_f} from {@code end} on.
 *
 * <p>The cubic default ({@value #CUBIC}) prunes fastest while many redundant weights are left and slows down as the
 * target nears, which gives the network time to recover from the last, most harmful steps. The initial sparsity
 * defaults to 0: before {@code start} lambda is 0 and training is dense. {@code t} is counted in the unit DL4J's own
 * schedules use ({@link ScheduleType}): iterations move it every step; epochs (DL4J's epoch counter, from 0) every
 * epoch, so that the sparsity holds for a whole epoch and the target holds from epoch {@code end} on.
 *
 * @param unit            whether {@code start} and {@code end} count iterations or epochs
 * @param start           the step at which the ramp leaves {@code initialSparsity}, {@code >= 0}
 * @param end             the step from which on the target holds, {@code >= start}
 * @param initialSparsity the sparsity before {@code start}, in {@code [0, 1)}
 * @param exponent        the power of the ramp, {@code > 0}: 3 for Zhu and Gupta's, 1 for a straight line
 */
public record SparsitySchedule(ScheduleType unit, int start, int end, double initialSparsity, double exponent)
        implements Serializable {

    public static final double CUBIC = 3;

    public SparsitySchedule {
        Validate.notNull("unit", unit, "ScheduleType.ITERATION or ScheduleType.EPOCH");
        Validate.atLeastZero("start", start);
        Validate.check(end >= start, () -> "end must be >= start (" + start + "), got " + end);
        Validate.inRange("initialSparsity", initialSparsity, initialSparsity >= 0 && initialSparsity < 1, "[0, 1)");
        Validate.positive("exponent", exponent);
    }

    /** The cubic ramp from sparsity 0 at {@code start} to the target at {@code end}, counted in {@code unit}. */
    public static SparsitySchedule cubic(ScheduleType unit, int start, int end) {
        return new SparsitySchedule(unit, start, end, 0, CUBIC);
    }

    /** The cubic ramp over DL4J's epoch counter: the target holds from epoch {@code end} (counted from 0) on. */
    public static SparsitySchedule epochs(int start, int end) {
        return cubic(ScheduleType.EPOCH, start, end);
    }

    /** The cubic ramp over iterations: a new sparsity every step, the target from iteration {@code end} on. */
    public static SparsitySchedule iterations(int start, int end) {
        return cubic(ScheduleType.ITERATION, start, end);
    }

    public SparsitySchedule withInitialSparsity(double sparsity) {
        return new SparsitySchedule(unit, start, end, sparsity, exponent);
    }

    public SparsitySchedule withExponent(double power) {
        return new SparsitySchedule(unit, start, end, initialSparsity, power);
    }

    /** The sparsity at the step {@code (iteration, epoch)} of a ramp that ends at {@code target}. */
    public double sparsityAt(double target, int iteration, int epoch) {
        int t = unit == ScheduleType.ITERATION ? iteration : epoch;
        if (t >= end) {
            return target;
        }
        if (t <= start) {
            return initialSparsity;
        }
        double remaining = 1 - (double) (t - start) / (end - start);
        return target + (initialSparsity - target) * Math.pow(remaining, exponent);
    }
}
