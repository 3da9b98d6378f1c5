package io.github.dl4jrvsm.benchmarks.frontier;

import io.github.dl4jrvsm.benchmarks.tables.Budget;

import java.util.ArrayList;
import java.util.List;

/**
 * A sweep: one model, one budget, and per method the settings that move it along its accuracy-sparsity curve
 * (lambda for RVSM and RGSM, the prune fraction for ADMM). Every point gets the same epochs; ADMM's masked retraining
 * happens inside them (its hard prune comes at three quarters of the budget), so the budgets are equal.
 */
public record FrontierSpec(String name, String model, Budget budget, boolean adversarial, List<Setting> settings) {

    /** One point to train: the method's label (one line of the plot), the setting's label, its options. */
    public record Setting(String method, String label, List<String> options) {
    }

    public FrontierSpec {
        settings = List.copyOf(settings);
    }

    /** The command of one setting. */
    public List<String> command(Setting s) {
        List<String> c = new ArrayList<>(List.of("train", "--model", model));
        c.addAll(s.options());
        c.addAll(budget.toArgs());
        if (!adversarial) {
            c.add("--no-adversarial");
            c.add("--no-robustness");
        } else {
            c.add("--eval-attacks");
            c.add("A3");
        }
        c.add("--no-progress");
        return c;
    }

    /**
     * Target sparsities asked of RVSM-l0 directly (lambda set every step, the cubic ramp ending at three quarters of
     * the run): the same sparsities as ADMM's prune fractions are the fair comparison, a lambda sweep only lands near
     * them.
     */
    static final double[] TARGETS = {0.5, 0.7, 0.85, 0.93, 0.97};

    /** RVSM-l0 and RGSM over lambda, RVSM-l0 over target sparsities, ADMM over its prune fraction, and the dense model. */
    static List<Setting> standardGrid(double rvsmBeta, double[] rvsmLambdas, double[] rgsmLambdas, double[] admmFractions) {
        List<Setting> s = new ArrayList<>();
        s.add(new Setting("dense", "dense", List.of("--method", "none")));
        for (double l : rvsmLambdas) {
            s.add(new Setting("RVSM-l0", "lambda " + l, List.of("--method", "rvsm", "--penalty", "l0", "--lambda",
                    String.valueOf(l), "--beta", String.valueOf(rvsmBeta))));
        }
        for (double l : rgsmLambdas) {
            s.add(new Setting("RGSM", "lambda1 " + l, List.of("--method", "rgsm", "--penalty", "group-l0-lasso", "--lambda",
                    String.valueOf(l), "--lambda2", "1e-5", "--beta", "1")));
        }
        for (double target : TARGETS) {
            s.add(new Setting("RVSM-l0 target", "target " + target, List.of("--method", "rvsm", "--penalty", "l0",
                    "--target-sparsity", String.valueOf(target), "--beta", String.valueOf(rvsmBeta))));
        }
        for (double f : admmFractions) {
            s.add(new Setting("ADMM", "prune " + f, List.of("--method", "admm", "--prune-fraction", String.valueOf(f),
                    "--rho", "1e-2")));
        }
        return s;
    }
}
