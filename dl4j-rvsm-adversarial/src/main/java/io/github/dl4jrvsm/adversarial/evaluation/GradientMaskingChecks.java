package io.github.dl4jrvsm.adversarial.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sanity checks of an evaluation that catch the usual signs of gradient masking (Athalye et al. 2018; the checks of
 * AutoAttack): robust accuracy rising with epsilon, an attack beating the clean accuracy, and an unbounded attack that
 * does not reach (near) zero.
 */
final class GradientMaskingChecks {

    /** Epsilon 1 allows any image; a working attack must then break (almost) every example. */
    static final double UNBOUNDED_EPSILON = 1.0;
    /** Accuracy above this under the unbounded attack is reported. */
    static final double UNBOUNDED_LIMIT = 0.05;

    private GradientMaskingChecks() {
    }

    static List<String> check(List<RobustnessReport.Entry> entries, List<RobustnessReport.EpsilonPoint> curve,
                              boolean randomized, int examples) {
        List<String> warnings = new ArrayList<>();
        // a randomised model may move a little between runs; one example of slack for deterministic ones
        double slack = randomized ? 0.02 + 1.0 / examples : 1.0 / examples;
        double clean = entries.get(0).accuracy();
        for (RobustnessReport.Entry e : entries.subList(1, entries.size())) {
            if (e.accuracy() > clean + slack) {
                warnings.add(String.format(Locale.ROOT, "%s (%s) accuracy %.2f%% is above the clean accuracy %.2f%%",
                        e.key(), e.attack(), 100 * e.accuracy(), 100 * clean));
            }
        }
        for (int i = 1; i < curve.size(); i++) {
            if (curve.get(i).accuracy() > curve.get(i - 1).accuracy() + slack) {
                warnings.add(String.format(Locale.ROOT, "robust accuracy rises from %.2f%% at epsilon %.4f to %.2f%% "
                                + "at epsilon %.4f: possible gradient masking", 100 * curve.get(i - 1).accuracy(),
                        curve.get(i - 1).epsilon(), 100 * curve.get(i).accuracy(), curve.get(i).epsilon()));
            }
        }
        RobustnessReport.EpsilonPoint last = curve.isEmpty() ? null : curve.get(curve.size() - 1);
        if (last != null && last.epsilon() == UNBOUNDED_EPSILON && last.accuracy() > UNBOUNDED_LIMIT) {
            warnings.add(String.format(Locale.ROOT, "PGD with epsilon 1 (any image allowed) leaves %.2f%% accuracy; a "
                    + "working gradient attack reaches ~0%%: gradients may be masked or the attack too weak",
                    100 * last.accuracy()));
        }
        return warnings;
    }
}
