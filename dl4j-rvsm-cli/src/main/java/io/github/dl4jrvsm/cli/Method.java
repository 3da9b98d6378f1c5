package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.core.admm.AdmmPruning;
import io.github.dl4jrvsm.core.prox.GroupPenalty;
import io.github.dl4jrvsm.core.splitting.Coupling;
import io.github.dl4jrvsm.core.training.SparseTraining;

import java.util.List;

/**
 * The values of {@code --method}, each with what it trains: a {@link SparseTraining} (RVSM, RGSM, ADMM), a
 * {@link PruneRetrain} baseline (network slimming, l1-norm filter pruning) or neither (dense training).
 */
enum Method {
    NONE,
    RVSM(PenaltyChoice.L0, PenaltyChoice.L1, PenaltyChoice.TL1) {
        @Override
        SparseTraining training(MethodOptions o, int admmIterations) {
            return SparseTraining.rvsm(penalty(o.penalty).create(o.weights()), o.beta);
        }
    },
    RGSM(PenaltyChoice.GROUP_L0_LASSO, PenaltyChoice.GROUP_L0, PenaltyChoice.GROUP_LASSO) {
        @Override
        SparseTraining training(MethodOptions o, int admmIterations) {
            if (penalty(o.penalty) == PenaltyChoice.GROUP_L0_LASSO && o.lassoIn == LassoPlacement.LOSS) {
                return SparseTraining.rgsmAsAuthors(o.lambda, o.lambda2, o.beta, o.grouping);
            }
            // penalty() admits only this method's penalties, and those are all group penalties
            return SparseTraining.rgsm((GroupPenalty) penalty(o.penalty).create(o.weights()), o.beta);
        }
    },
    ADMM {
        @Override
        SparseTraining training(MethodOptions o, int admmIterations) {
            // the authors' comparison: the coupling outside the optimizer and no hard prune; --admm-retrain adds
            // Zhang et al.'s hard prune and masked retraining after admmIterations
            AdmmPruning admm = new AdmmPruning(o.admmStructure.projection(o.pruneFraction, o.grouping), o.rho, 1,
                    o.admmRetrain ? admmIterations : Integer.MAX_VALUE);
            return SparseTraining.with(o.admmRetrain ? admm : admm.withCoupling(Coupling.BESIDE_UPDATER));
        }
    },
    SLIMMING {
        @Override
        PruneRetrain pruneRetrain(MethodOptions o, int epochs, long seed) {
            return PruneRetrain.of(this, o, epochs, seed);
        }
    },
    L1_FILTER {
        @Override
        PruneRetrain pruneRetrain(MethodOptions o, int epochs, long seed) {
            return PruneRetrain.of(this, o, epochs, seed);
        }
    };

    private final List<PenaltyChoice> penalties;

    Method(PenaltyChoice... penalties) {
        this.penalties = List.of(penalties);
    }

    /**
     * The sparse training this method configures, or null when it has none (dense training and the prune-and-retrain
     * baselines). {@code admmIterations}: when ADMM hard-prunes.
     */
    SparseTraining training(MethodOptions options, int admmIterations) {
        return null;
    }

    /** The prune-and-retrain baseline, or null for the methods that are not one. */
    PruneRetrain pruneRetrain(MethodOptions options, int epochs, long seed) {
        return null;
    }

    /** Whether {@code --penalty} and its weights mean anything to this method. */
    boolean takesPenalty() {
        return !penalties.isEmpty();
    }

    /**
     * {@code chosen}, or this method's default (the first of its penalties) when none was chosen.
     *
     * @throws IllegalArgumentException when {@code chosen} belongs to another method
     */
    PenaltyChoice penalty(PenaltyChoice chosen) {
        if (chosen == null) {
            return penalties.get(0);
        }
        if (!penalties.contains(chosen)) {
            throw new IllegalArgumentException("--penalty '" + chosen + "' does not fit --method " + this + "; choose "
                    + alternatives());
        }
        return chosen;
    }

    /** "l0, l1 or tl1": the wording of the error messages. */
    private String alternatives() {
        List<String> names = penalties.stream().map(PenaltyChoice::toString).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** The command-line spelling (see {@link Spellings}). */
    @Override
    public String toString() {
        return Spellings.of(this);
    }
}
