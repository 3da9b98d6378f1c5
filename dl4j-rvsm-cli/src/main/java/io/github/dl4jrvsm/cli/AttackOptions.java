package io.github.dl4jrvsm.cli;

import picocli.CommandLine.Option;

/** The attack budget and the evaluation attacks' settings (shared by {@code train} and {@code evaluate}). */
final class AttackOptions {

    @Option(names = "--eps", defaultValue = "0.03137254901960784", description = "attack epsilon in [0,1] (default: 8/255)")
    double eps;

    @Option(names = "--alpha", defaultValue = "0.00784313725490196", description = "iterative attack step (default: 2/255)")
    double alpha;

    @Option(names = "--nattack-population", defaultValue = "50", description = "NAttack samples per step (default: ${DEFAULT-VALUE})")
    int nattackPopulation;

    @Option(names = "--nattack-iterations", defaultValue = "50", description = "NAttack steps (default: ${DEFAULT-VALUE})")
    int nattackIterations;

    void validate() {
        if (!(eps >= 0 && eps <= 1)) {
            throw new IllegalArgumentException("--eps must be in [0, 1] (pixel units), got " + eps);
        }
    }
}
