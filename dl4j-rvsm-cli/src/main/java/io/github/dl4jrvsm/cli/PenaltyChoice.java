package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.core.prox.GroupL0LassoPenalty;
import io.github.dl4jrvsm.core.prox.GroupL0Penalty;
import io.github.dl4jrvsm.core.prox.GroupLassoPenalty;
import io.github.dl4jrvsm.core.prox.L0Penalty;
import io.github.dl4jrvsm.core.prox.L1Penalty;
import io.github.dl4jrvsm.core.prox.Penalty;
import io.github.dl4jrvsm.core.prox.TransformedL1Penalty;

import java.util.function.Function;

/**
 * The values of {@code --penalty}, each with the penalty it builds. RVSM takes the first three (one weight at a
 * time), RGSM the group penalties; {@link Method} says which fit which.
 */
enum PenaltyChoice {
    L0(w -> new L0Penalty(w.lambda())),
    L1(w -> new L1Penalty(w.lambda())),
    TL1(w -> new TransformedL1Penalty(w.lambda(), w.a())),
    GROUP_L0_LASSO(w -> new GroupL0LassoPenalty(w.lambda(), w.lambda2(), w.grouping())),
    GROUP_L0(w -> new GroupL0Penalty(w.lambda(), w.grouping())),
    GROUP_LASSO(w -> new GroupLassoPenalty(w.lambda(), w.grouping()));

    private final Function<PenaltyWeights, Penalty> factory;

    PenaltyChoice(Function<PenaltyWeights, Penalty> factory) {
        this.factory = factory;
    }

    /** The penalty with the command line's weights; its constructor rejects a weight out of range. */
    Penalty create(PenaltyWeights weights) {
        return factory.apply(weights);
    }

    /** The command-line spelling (see {@link Spellings}). */
    @Override
    public String toString() {
        return Spellings.of(this);
    }
}
