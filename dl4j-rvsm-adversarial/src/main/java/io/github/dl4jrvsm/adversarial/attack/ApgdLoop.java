package io.github.dl4jrvsm.adversarial.attack;

import io.github.dl4jrvsm.adversarial.model.AttackLoss;
import io.github.dl4jrvsm.adversarial.model.AttackModel;
import io.github.dl4jrvsm.adversarial.model.LossGradient;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.Random;

/**
 * One run of Auto-PGD (Croce and Hein 2020, Algorithm 1) from a random start, shared by {@link AutoPgd} and
 * {@link AutoPgdTargeted}. It follows the authors' {@code autopgd_base.py}:
 * <ul>
 * <li>the start is {@code x + eps * t / ||t||} for uniform (L-infinity) or Gaussian (L2) noise {@code t};</li>
 * <li>step size {@code 2 eps}; each step takes the projected steepest-ascent point {@code z} and moves to
 * {@code Proj(x_k + a (z - x_k) + (1 - a)(x_k - x_{k-1}))} with momentum {@code a = 0.75} (1 at the first step);</li>
 * <li>checkpoints after {@code 0.22 N} iterations, then at intervals shrinking by {@code 0.03 N} down to
 * {@code 0.06 N}: an example halves its step size and restarts from its best point when the loss rose in at most a
 * fraction {@code rho} of the iterations since the last checkpoint, or when the best loss has not moved since the last
 * checkpoint and the step was not already halved there.</li>
 * </ul>
 * Every iterate costs one forward-backward pass: the loss, the prediction and the gradient come from the same pass.
 */
final class ApgdLoop {

    /** The authors' momentum weight. */
    static final double MOMENTUM = 0.75;

    private final Norm norm;
    private final double eps;
    private final int iterations;
    private final double rho;

    ApgdLoop(Norm norm, double eps, int iterations, double rho) {
        this.norm = norm;
        this.eps = eps;
        this.iterations = iterations;
        this.rho = rho;
    }

    /** What a run found: the last adversarial iterate of each example, and whether there was one. */
    record Outcome(INDArray adversarial, boolean[] fooled) {
    }

    /**
     * @param lossLabels the labels the loss reads ({@link AttackLoss#pairLabels} for the targeted DLR)
     * @param sign       +1 to climb the loss, -1 to descend it
     * @param criterion  success of an iterate, read against {@code labels}
     */
    Outcome run(AttackModel model, INDArray x, INDArray labels, INDArray lossLabels, AttackLoss loss, double sign,
                Criterion criterion, Random random) {
        int n = (int) x.size(0);
        INDArray adv = start(x, random);
        INDArray bestAdv = adv.dup();
        LossGradient lg = model.lossAndGradient(adv, lossLabels, loss);
        INDArray grad = lg.gradient().mul(sign);
        double[] lossNow = scaled(lg.losses(), sign);
        boolean[] fooled = criterion.isMet(lg.logits(), labels);
        INDArray best = adv.dup();
        INDArray gradBest = grad.dup();
        double[] lossBest = lossNow.clone();
        double[] step = new double[n];
        Arrays.fill(step, 2 * eps);

        int k = Math.max((int) (0.22 * iterations), 1);
        int kMin = Math.max((int) (0.06 * iterations), 1);
        int kDecrease = Math.max((int) (0.03 * iterations), 1);
        // row -1 of the authors' loss history is its last row, still zero at the first checkpoint
        double[][] history = new double[iterations][n];
        double[] lossBestAtCheck = lossBest.clone();
        boolean[] reducedAtCheck = new boolean[n];
        Arrays.fill(reducedAtCheck, true);
        int sinceCheck = 0;

        INDArray previous = adv.dup();
        for (int i = 0; i < iterations; i++) {
            INDArray momentumTerm = adv.sub(previous);
            previous = adv.dup();
            double a = i > 0 ? MOMENTUM : 1.0;
            INDArray z = norm.project(adv.add(Margins.scaleRows(norm.direction(grad), step)), x, eps);
            adv = norm.project(adv.add(z.subi(adv).muli(a)).addi(momentumTerm.muli(1 - a)), x, eps);

            lg = model.lossAndGradient(adv, lossLabels, loss);
            grad = lg.gradient().mul(sign);
            lossNow = scaled(lg.losses(), sign);
            boolean[] hit = criterion.isMet(lg.logits(), labels);
            Rows.copyWhere(bestAdv, adv, hit);
            boolean[] improved = new boolean[n];
            for (int e = 0; e < n; e++) {
                fooled[e] |= hit[e];
                history[i][e] = lossNow[e];
                improved[e] = lossNow[e] > lossBest[e];
                lossBest[e] = improved[e] ? lossNow[e] : lossBest[e];
            }
            Rows.copyWhere(best, adv, improved);
            Rows.copyWhere(gradBest, grad, improved);

            if (++sinceCheck == k) {
                boolean[] reduce = new boolean[n];
                for (int e = 0; e < n; e++) {
                    int rises = 0;
                    for (int j = 0; j < k; j++) {
                        rises += history[i - j][e] > history[Math.floorMod(i - j - 1, iterations)][e] ? 1 : 0;
                    }
                    boolean oscillates = rises <= k * rho;
                    boolean stalled = !reducedAtCheck[e] && lossBestAtCheck[e] >= lossBest[e];
                    reduce[e] = oscillates || stalled;
                    reducedAtCheck[e] = reduce[e];
                    lossBestAtCheck[e] = lossBest[e];
                    step[e] = reduce[e] ? step[e] / 2 : step[e];
                }
                Rows.copyWhere(adv, best, reduce);
                Rows.copyWhere(grad, gradBest, reduce);
                k = Math.max(k - kDecrease, kMin);
                sinceCheck = 0;
            }
        }
        return new Outcome(bestAdv, fooled);
    }

    /** {@code x + eps * t / ||t||}, clipped into [0, 1]: a point on the boundary of the ball. */
    private INDArray start(INDArray x, Random random) {
        INDArray t = norm == Norm.LINF ? Perturbations.uniform(x, 1, random)
                : Perturbations.gaussian(x.shape(), x.dataType(), random);
        double[] length = norm.distances(t, t.mul(0));
        double[] scale = new double[length.length];
        for (int i = 0; i < scale.length; i++) {
            scale[i] = eps / (length[i] + 1e-12);
        }
        return Perturbations.clip01(x.add(Margins.scaleRows(t, scale)));
    }

    private static double[] scaled(INDArray values, double sign) {
        double[] v = values.toDoubleVector();
        for (int i = 0; i < v.length; i++) {
            v[i] *= sign;
        }
        return v;
    }
}
