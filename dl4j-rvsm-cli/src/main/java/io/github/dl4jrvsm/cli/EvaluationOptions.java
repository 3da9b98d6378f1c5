package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.adversarial.evaluation.RobustnessEvaluation;
import picocli.CommandLine.Option;

import java.util.List;

/** What {@code rvsm train} measures on the test set once training is done. */
final class EvaluationOptions {

    private static final List<String> ATTACKS = List.of("A2", "A3", "A4", "A5");

    @Option(names = "--eval-examples", defaultValue = "200", description = "test examples attacked for A2..A5 (default: ${DEFAULT-VALUE})")
    int evalExamples;

    @Option(names = "--robustness", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "measure A2..A5 and the epsilon curve after training; --no-robustness: clean accuracy on the "
                    + "whole test set only (default: ${DEFAULT-VALUE})")
    boolean robustness;

    @Option(names = "--eval-attacks", split = ",", defaultValue = "A2,A3,A4,A5",
            description = "the attacks measured after training: A2 FGSM, A3 IFGSM-20, A4 C&W, A5 NAttack (default: ${DEFAULT-VALUE})")
    List<String> evalAttacks;

    void validate() {
        for (String key : evalAttacks) {
            if (!ATTACKS.contains(key)) {
                throw new IllegalArgumentException("--eval-attacks '" + key + "'; choose from A2, A3, A4, A5");
            }
        }
    }

    /** Clean accuracy alone (A1), on every test image given. */
    static RobustnessEvaluation cleanOnly() {
        RobustnessEvaluation e = new RobustnessEvaluation().withEpsilons();
        for (String key : ATTACKS) {
            e = e.withAttack(key, null);
        }
        return e;
    }

    /** A1..A5 and the epsilon curve on --eval-examples, or with --no-robustness A1 alone on the whole test set. */
    RobustnessEvaluation evaluation(AttackOptions attack, long seed) {
        RobustnessEvaluation e;
        if (robustness) {
            e = attack.evaluation(seed).withMaxExamples(evalExamples);
        } else {
            e = new RobustnessEvaluation().withEpsilons();
        }
        for (String key : ATTACKS) {
            if (!robustness || !evalAttacks.contains(key)) {
                e = e.withAttack(key, null);
            }
        }
        return e;
    }
}
