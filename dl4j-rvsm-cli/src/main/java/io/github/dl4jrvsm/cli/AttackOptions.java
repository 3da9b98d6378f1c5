package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.adversarial.attack.NAttack;
import io.github.dl4jrvsm.adversarial.attack.ProjectedGradientDescent;
import io.github.dl4jrvsm.adversarial.evaluation.RobustnessEvaluation;
import picocli.CommandLine.Option;

/** The attack budget and the evaluation attacks' settings (shared by {@code train} and {@code evaluate}). */
final class AttackOptions {

    @Option(names = "--eps", defaultValue = "0.03137254901960784", description = "attack epsilon in [0,1] (default: 8/255)") double eps;

    @Option(names = "--alpha", defaultValue = "0.00784313725490196", description = "iterative attack step (default: 2/255)") double alpha;

    @Option(names = "--nattack-population", defaultValue = "300",
            description = "NAttack samples per step (default: ${DEFAULT-VALUE}, the paper's; fewer is labelled in reports)")
    int nattackPopulation;

    @Option(names = "--nattack-iterations", defaultValue = "500",
            description = "NAttack steps (default: ${DEFAULT-VALUE}, the paper's; fewer is labelled in reports)")
    int nattackIterations;

    void validate() {
        if (!(eps >= 0 && eps <= 1)) {
            throw new IllegalArgumentException("--eps must be in [0, 1] (pixel units), got " + eps);
        }
    }

    /**
     * A2 FGSM, A3 IFGSM-20 and A5 NAttack at {@code --eps}, A4 the legacy C&W at its own fixed 0.031 (as the
     * EnResNet scripts), and robust accuracy at 0, eps/4, eps/2, eps and 2 eps: the same measurement after training
     * and for a saved model, so that the two can be compared.
     *
     * @param seed NAttack's sampling seed
     */
    RobustnessEvaluation evaluation(long seed) {
        return new RobustnessEvaluation()
                .withAttack("A2", ProjectedGradientDescent.fgsm(eps))
                .withAttack("A3", ProjectedGradientDescent.iterativeFgsm(eps, alpha, 20))
                .withAttack("A5", new NAttack(eps, nattackPopulation, nattackIterations, 0.1, 0.02, seed))
                .withEpsilons(0, eps / 4, eps / 2, eps, 2 * eps);
    }
}
