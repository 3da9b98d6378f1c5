package io.github.dl4jrvsm.adversarial.earlystopping;

import io.github.dl4jrvsm.adversarial.attack.Attack;
import io.github.dl4jrvsm.adversarial.attack.AttackResult;
import io.github.dl4jrvsm.adversarial.attack.ProjectedGradientDescent;
import io.github.dl4jrvsm.adversarial.model.AttackModel;
import io.github.dl4jrvsm.core.internal.Validate;
import io.github.dl4jrvsm.core.training.SparseTraining;
import org.deeplearning4j.earlystopping.scorecalc.ScoreCalculator;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * A {@link ScoreCalculator} for DL4J's early stopping that scores a model by its accuracy under an attack on held-out
 * data (PGD by default), so that the epoch kept is the most robust one rather than the one with the lowest clean loss:
 * the dissertation selects adversarially trained models by robust accuracy on a held-out split.
 *
 * <p>With {@link #scoringExportOf(SparseTraining)} the score is the sparse export's ({@code u}, batch norm as that
 * training asks), the model a {@code SparseModelSaver} writes; without it, the network as it trains. Larger is
 * better.
 */
public final class RobustAccuracyScoreCalculator implements ScoreCalculator<Model> {

    private static final long serialVersionUID = 1L;

    private final transient DataSetIterator heldOut;
    private final Attack attack;
    private final int maxExamples;
    private final transient SparseTraining export;

    private RobustAccuracyScoreCalculator(DataSetIterator heldOut, Attack attack, int maxExamples,
                                          SparseTraining export) {
        this.heldOut = heldOut;
        this.attack = attack;
        this.maxExamples = maxExamples;
        this.export = export;
    }

    /**
     * @param heldOut     data the model does not train on, images in [0, 1]
     * @param attack      the attack the score measures robustness against
     * @param maxExamples how many held-out examples to attack (the first ones the iterator gives), at least 1
     */
    public static RobustAccuracyScoreCalculator of(DataSetIterator heldOut, Attack attack, int maxExamples) {
        Validate.check(heldOut != null && attack != null, () -> "heldOut and attack must not be null");
        Validate.check(maxExamples >= 1, () -> "maxExamples must be >= 1, got " + maxExamples);
        return new RobustAccuracyScoreCalculator(heldOut, attack, maxExamples, null);
    }

    /** PGD with random start at {@code eps} (step {@code alpha}, {@code steps} steps) on up to 1,000 examples. */
    public static RobustAccuracyScoreCalculator pgd(DataSetIterator heldOut, double eps, double alpha, int steps) {
        return of(heldOut, ProjectedGradientDescent.pgd(eps, alpha, steps), 1000);
    }

    /** The same score, measured on {@code training}'s sparse export of the model. */
    public RobustAccuracyScoreCalculator scoringExportOf(SparseTraining training) {
        Validate.check(training != null, () -> "training must not be null");
        return new RobustAccuracyScoreCalculator(heldOut, attack, maxExamples, training);
    }

    @Override
    public double calculateScore(Model network) {
        Model scored = export == null ? network : export.export(network);
        AttackModel model = AttackModel.of(scored);
        heldOut.reset();
        long robust = 0, seen = 0;
        while (heldOut.hasNext() && seen < maxExamples) {
            DataSet batch = heldOut.next();
            int take = (int) Math.min(batch.numExamples(), maxExamples - seen);
            DataSet part = take == batch.numExamples() ? batch : (DataSet) batch.getRange(0, take);
            AttackResult r = attack.run(model, part.getFeatures(), part.getLabels());
            robust += r.success().length - r.successes();
            seen += take;
        }
        heldOut.reset();
        Validate.check(seen > 0, () -> "the held-out iterator gave no examples to score on");
        return (double) robust / seen;
    }

    @Override
    public boolean minimizeScore() {
        return false;
    }

    @Override
    public String toString() {
        return "RobustAccuracyScoreCalculator(" + attack.name() + ", " + maxExamples + " examples"
                + (export == null ? ")" : ", sparse export)");
    }
}
