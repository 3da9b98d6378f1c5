package io.github.dl4jrvsm.adversarial.attack;

import io.github.dl4jrvsm.adversarial.model.AttackLoss;
import io.github.dl4jrvsm.adversarial.model.AttackModel;
import io.github.dl4jrvsm.adversarial.model.HostArrays;
import io.github.dl4jrvsm.adversarial.model.LossGradient;
import org.nd4j.linalg.api.buffer.DataType;
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
 * Every iterate costs one forward-backward pass, which gives the loss, the prediction and the gradient together. The
 * rest of an iteration runs on Java arrays ({@link HostArrays}): a few dozen ND4J calls per step would otherwise cost
 * more than the pass itself on small models.
 */
record ApgdLoop(Norm norm, double eps, int iterations, double rho) {

    /** The authors' momentum weight. */
    static final double MOMENTUM = 0.75;

    /** What a run found: the last adversarial iterate of each example, and whether there was one. */
    record Outcome(INDArray adversarial, boolean[] fooled) {
    }

    /** The batch as flat rows, its bounds, and the model call that evaluates an iterate. */
    private final class Batch {
        final AttackModel model;
        final long[] shape;
        final DataType type;
        final int n;
        final int d;
        final double[] x;
        final INDArray labels;
        final int[] labelClasses;
        final INDArray lossLabels;
        final AttackLoss loss;
        final double sign;
        final Criterion criterion;
        double[] gradient;
        double[] losses;
        boolean[] hit;

        Batch(AttackModel model, INDArray x, INDArray labels, INDArray lossLabels, AttackLoss loss, double sign,
              Criterion criterion) {
            this.model = model;
            this.shape = x.shape();
            this.type = x.dataType();
            this.n = (int) x.size(0);
            this.d = (int) (x.length() / n);
            this.x = HostArrays.of(x);
            this.labels = labels;
            this.labelClasses = HostArrays.argMax(labels);
            this.lossLabels = lossLabels;
            this.loss = loss;
            this.sign = sign;
            this.criterion = criterion;
        }

        /** Loss, gradient (both times the sign) and success of an iterate, from one forward-backward pass. */
        void evaluate(double[] point) {
            LossGradient lg = model.lossAndGradient(HostArrays.create(point, shape, type), lossLabels, loss);
            gradient = HostArrays.of(lg.gradient());
            losses = HostArrays.of(lg.losses());
            for (int i = 0; i < gradient.length && sign != 1; i++) {
                gradient[i] *= sign;
            }
            for (int e = 0; e < n && sign != 1; e++) {
                losses[e] *= sign;
            }
            hit = criterion.isMet(HostArrays.argMax(lg.logits()), labelClasses);
        }
    }

    /**
     * @param lossLabels the labels the loss reads ({@link AttackLoss#pairLabels} for the targeted DLR)
     * @param sign       +1 to climb the loss, -1 to descend it
     * @param criterion  success of an iterate, read against {@code labels}
     */
    Outcome run(AttackModel model, INDArray x, INDArray labels, INDArray lossLabels, AttackLoss loss, double sign,
                Criterion criterion, Random random) {
        Batch b = new Batch(model, x, labels, lossLabels, loss, sign, criterion);
        int n = b.n, d = b.d;
        double[] adv = start(b, random);
        double[] bestAdv = adv.clone();
        b.evaluate(adv);
        double[] grad = b.gradient;
        boolean[] fooled = b.hit.clone();
        double[] best = adv.clone(), gradBest = grad.clone();
        double[] lossBest = b.losses.clone();
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

        double[] previous = adv.clone();
        for (int i = 0; i < iterations; i++) {
            double a = i > 0 ? MOMENTUM : 1.0;
            double[] direction = direction(grad, n, d);
            double[] next = new double[adv.length];
            for (int j = 0; j < adv.length; j++) {
                next[j] = adv[j] + step[j / d] * direction[j];
            }
            project(b, next);
            for (int j = 0; j < adv.length; j++) {
                next[j] = adv[j] + a * (next[j] - adv[j]) + (1 - a) * (adv[j] - previous[j]);
            }
            project(b, next);
            previous = adv;
            adv = next;

            b.evaluate(adv);
            grad = b.gradient;
            for (int e = 0; e < n; e++) {
                if (b.hit[e]) {
                    fooled[e] = true;
                    System.arraycopy(adv, e * d, bestAdv, e * d, d);
                }
                history[i][e] = b.losses[e];
                if (b.losses[e] > lossBest[e]) {
                    lossBest[e] = b.losses[e];
                    System.arraycopy(adv, e * d, best, e * d, d);
                    System.arraycopy(grad, e * d, gradBest, e * d, d);
                }
            }

            if (++sinceCheck == k) {
                for (int e = 0; e < n; e++) {
                    int rises = 0;
                    for (int j = 0; j < k; j++) {
                        rises += history[i - j][e] > history[Math.floorMod(i - j - 1, iterations)][e] ? 1 : 0;
                    }
                    boolean oscillates = rises <= k * rho;
                    boolean stalled = !reducedAtCheck[e] && lossBestAtCheck[e] >= lossBest[e];
                    boolean reduce = oscillates || stalled;
                    reducedAtCheck[e] = reduce;
                    lossBestAtCheck[e] = lossBest[e];
                    if (reduce) {
                        step[e] /= 2;
                        System.arraycopy(best, e * d, adv, e * d, d);
                        System.arraycopy(gradBest, e * d, grad, e * d, d);
                    }
                }
                k = Math.max(k - kDecrease, kMin);
                sinceCheck = 0;
            }
        }
        return new Outcome(HostArrays.create(bestAdv, b.shape, b.type), fooled);
    }

    /** {@code x + eps * t / ||t||}, clipped into [0, 1]: a point on the boundary of the ball. */
    private double[] start(Batch b, Random random) {
        double[] t = new double[b.x.length];
        for (int j = 0; j < t.length; j++) {
            t[j] = norm == Norm.LINF ? 2 * random.nextDouble() - 1 : random.nextGaussian();
        }
        double[] unit = direction(t, b.n, b.d);
        double[] out = new double[t.length];
        for (int j = 0; j < t.length; j++) {
            out[j] = Math.min(1, Math.max(0, b.x[j] + eps * (norm == Norm.LINF ? t[j] * scaleLinf(t, j / b.d, b.d)
                    : unit[j])));
        }
        return out;
    }

    private static double scaleLinf(double[] t, int row, int d) {
        double max = 0;
        for (int j = row * d; j < (row + 1) * d; j++) {
            max = Math.max(max, Math.abs(t[j]));
        }
        return 1 / (max + 1e-12);
    }

    /** The steepest-ascent unit step per example: the sign (L-infinity) or the gradient over its length (L2). */
    private double[] direction(double[] g, int n, int d) {
        double[] out = new double[g.length];
        if (norm == Norm.LINF) {
            for (int j = 0; j < g.length; j++) {
                out[j] = Math.signum(g[j]);
            }
            return out;
        }
        for (int e = 0; e < n; e++) {
            double sum = 0;
            for (int j = e * d; j < (e + 1) * d; j++) {
                sum += g[j] * g[j];
            }
            double scale = 1 / (Math.sqrt(sum) + 1e-12);
            for (int j = e * d; j < (e + 1) * d; j++) {
                out[j] = g[j] * scale;
            }
        }
        return out;
    }

    /** In place: into the epsilon ball around the clean images and into [0, 1]. */
    private void project(Batch b, double[] p) {
        if (norm == Norm.LINF) {
            for (int j = 0; j < p.length; j++) {
                p[j] = Math.min(1, Math.max(0, Math.min(b.x[j] + eps, Math.max(b.x[j] - eps, p[j]))));
            }
            return;
        }
        for (int e = 0; e < b.n; e++) {
            double sum = 0;
            for (int j = e * b.d; j < (e + 1) * b.d; j++) {
                sum += (p[j] - b.x[j]) * (p[j] - b.x[j]);
            }
            double length = Math.sqrt(sum);
            double shrink = length > eps ? eps / length : 1;
            for (int j = e * b.d; j < (e + 1) * b.d; j++) {
                p[j] = Math.min(1, Math.max(0, b.x[j] + (p[j] - b.x[j]) * shrink));
            }
        }
    }
}
