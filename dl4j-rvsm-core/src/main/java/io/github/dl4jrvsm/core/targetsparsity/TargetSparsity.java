package io.github.dl4jrvsm.core.targetsparsity;

import io.github.dl4jrvsm.core.internal.Validate;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which share of zeros {@code u} should reach, over which layers, along which schedule: the request the
 * {@link LambdaController} carries out.
 *
 * <p>{@link #global} asks for one share over all sparse layers together, with one lambda for all of them, as RVSM
 * and RGSM use lambda anyway: one lambda gives one threshold, so the layers whose weights are smallest give up the
 * most, as with a hand-picked lambda. {@link #perLayer} gives each named layer its own share and its own lambda (as
 * gradual magnitude pruning does); sparse layers it does not name keep the lambda they were configured with. For the
 * group penalties the share counts groups (channels or neurons of the penalty's grouping), not weights.
 *
 * @param fractions the target share per layer name, or the single key {@link #ALL_LAYERS}; each in {@code (0, 1)}
 * @param schedule  how the share rises to the target; its initial sparsity must not exceed any target
 * @param jsonLines a file to append every lambda the controller sets to, one JSON line each, or null
 */
public record TargetSparsity(Map<String, Double> fractions, SparsitySchedule schedule, String jsonLines)
        implements Serializable {

    /** The key of {@link #fractions} that stands for all sparse layers together, sharing one lambda. */
    public static final String ALL_LAYERS = "*";

    public TargetSparsity {
        Map<String, Double> given = fractions;
        Validate.check(given != null && !given.isEmpty(),
                () -> "fractions must name at least one layer, or '" + ALL_LAYERS + "' for all, got " + given);
        Validate.check(!given.containsKey(ALL_LAYERS) || given.size() == 1, () -> "'" + ALL_LAYERS
                + "' stands for all layers and cannot be combined with layer names, got " + given.keySet());
        Validate.notNull("schedule", schedule, "a SparsitySchedule, e.g. SparsitySchedule.epochs(0, 30)");
        for (Map.Entry<String, Double> e : given.entrySet()) {
            String name = e.getKey().equals(ALL_LAYERS) ? "target sparsity"
                    : "target sparsity of layer '" + e.getKey() + "'";
            double f = Validate.notNull(name, e.getValue(), "a number in (0, 1)");
            Validate.inRange(name, f, f > 0 && f < 1, "(0, 1)");
            Validate.check(schedule.initialSparsity() <= f, () -> "the schedule's initial sparsity "
                    + schedule.initialSparsity() + " exceeds the " + name + " " + f + "; the ramp only rises");
        }
        fractions = Collections.unmodifiableMap(new LinkedHashMap<>(given));
    }

    /** {@code fraction} of the weights (or groups) of all sparse layers together zero, one lambda for all. */
    public static TargetSparsity global(double fraction, SparsitySchedule schedule) {
        return new TargetSparsity(Collections.singletonMap(ALL_LAYERS, fraction), schedule, null);
    }

    /** Each named layer its own share of zeros and its own lambda. */
    public static TargetSparsity perLayer(Map<String, Double> fractions, SparsitySchedule schedule) {
        return new TargetSparsity(fractions, schedule, null);
    }

    public TargetSparsity withSchedule(SparsitySchedule s) {
        return new TargetSparsity(fractions, s, jsonLines);
    }

    /** A copy that appends every lambda the controller sets to {@code file} as one JSON line (null: none). */
    public TargetSparsity withJsonLines(Path file) {
        return new TargetSparsity(fractions, schedule, file == null ? null : file.toAbsolutePath().toString());
    }
}
