package io.github.dl4jrvsm.adversarial.attack;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Random;

/**
 * The random search steps of the Square attack (Andriushchenko et al., ECCV 2020), as the authors' {@code square.py}
 * in AutoAttack makes them, for images {@code [n, channels, height, width]}:
 * <ul>
 * <li>L-infinity starts from vertical stripes ({@code +-eps} per example, channel and column) and proposes a square
 * window set to {@code +-2 eps} per channel (the same for the whole batch), projected back into the ball;</li>
 * <li>L2 starts from a grid of {@code height / 5} tiles of the centred pattern {@code eta} with random signs, and
 * proposes moving the perturbation mass of a second window into the first one, reshaped like {@code eta}, so the
 * perturbation stays on the sphere of radius {@code eps}.</li>
 * </ul>
 * The window's side follows {@code p}, the share of pixels it covers: {@code p_init} halved at iterations 10, 50, 200,
 * 500, 1000, 2000, 4000, 6000 and 8000 (in units of a 10 000-query budget when the schedule is rescaled).
 */
final class SquareProposals {

    private final Norm norm;
    private final double eps;
    private final double pInit;
    private final int queries;
    private final boolean rescale;
    private final Random random;

    SquareProposals(Norm norm, double eps, double pInit, int queries, boolean rescale, Random random) {
        this.norm = norm;
        this.eps = eps;
        this.pInit = pInit;
        this.queries = queries;
        this.rescale = rescale;
        this.random = random;
    }

    /** The share of pixels the window covers at {@code iteration}. */
    double p(int iteration) {
        int it = rescale ? (int) ((double) iteration / queries * 10000) : iteration;
        int[] bounds = {10, 50, 200, 500, 1000, 2000, 4000, 6000, 8000};
        double p = pInit;
        for (int b : bounds) {
            if (it > b) {
                p /= 2;
            }
        }
        return p;
    }

    INDArray start(INDArray x) {
        long n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
        if (norm == Norm.LINF) {
            INDArray stripes = signs(new long[]{n, c, 1, w}, x).muli(eps);
            return Perturbations.clip01(x.add(stripes.broadcast(x.shape())));
        }
        int s = (int) (h / 5);
        int offset = (int) (h - s * 5) / 2;
        double[] delta = new double[(int) x.length()];
        for (int vh = offset, i = 0; i < h / s; i++, vh += s) {
            for (int vw = offset, j = 0; j < w / s; j++, vw += s) {
                double[][] eta = eta(s);
                for (int e = 0; e < n; e++) {
                    for (int ch = 0; ch < c; ch++) {
                        double sign = random.nextBoolean() ? 1 : -1;
                        for (int a = 0; a < s && vh + a < h; a++) {
                            for (int b = 0; b < s && vw + b < w; b++) {
                                delta[(int) (((e * c + ch) * h + vh + a) * w + vw + b)] += sign * eta[a][b];
                            }
                        }
                    }
                }
            }
        }
        INDArray d = Nd4j.createFromArray(delta).castTo(x.dataType()).reshape('c', x.shape());
        return onSphere(x, d);
    }

    /** A candidate for each example of {@code best} (clean images {@code x}) at {@code iteration}. */
    INDArray next(int iteration, INDArray x, INDArray best) {
        long c = x.size(1), h = x.size(2), w = x.size(3);
        double features = c * h * w;
        int s = (int) Math.max(Math.round(Math.sqrt(p(iteration) * features / c)), norm == Norm.LINF ? 1 : 3);
        if (norm == Norm.L2 && s % 2 == 0) {
            s++;
        }
        s = (int) Math.min(s, Math.min(h, w));
        int vh = randomInt(h - s), vw = randomInt(w - s);
        return norm == Norm.LINF ? nextLinf(x, best, s, vh, vw) : nextL2(x, best, s, vh, vw);
    }

    private INDArray nextLinf(INDArray x, INDArray best, int s, int vh, int vw) {
        long c = x.size(1);
        INDArray candidate = best.dup();
        INDArrayIndex[] window = window(s, vh, vw);
        INDArray shift = signs(new long[]{1, c, 1, 1}, x).muli(2 * eps);
        INDArray moved = candidate.get(window).add(shift.broadcast(candidate.get(window).shape()));
        INDArray clean = x.get(window);
        candidate.get(window).assign(Perturbations.project(moved, clean, eps));
        return candidate;
    }

    private INDArray nextL2(INDArray x, INDArray best, int s, int vh, int vw) {
        long n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
        INDArray delta = best.sub(x);
        INDArrayIndex[] first = window(s, vh, vw);
        int vh2 = randomInt(h - s), vw2 = randomInt(w - s);
        INDArrayIndex[] second = window(s, vh2, vw2);
        INDArray firstNorms = delta.get(first).norm2(2, 3).reshape(n, c, 1, 1);
        INDArray mask = Nd4j.zeros(x.dataType(), 1, 1, h, w);
        mask.get(window(s, vh, vw)).assign(1);
        mask.get(window(s, vh2, vw2)).assign(1);
        INDArray bothNorms = delta.mul(mask.broadcast(delta.shape())).norm2(2, 3).reshape(n, c, 1, 1);
        double[] imageNorms = Norm.norms(delta);

        INDArray eta = Nd4j.createFromArray(eta(s)).castTo(x.dataType()).reshape(1, 1, s, s);
        INDArray fresh = eta.broadcast(n, c, s, s).mul(signs(new long[]{n, c, 1, 1}, x).broadcast(n, c, s, s));
        fresh.addi(delta.get(first).div(firstNorms.add(1e-12).broadcast(n, c, s, s)));
        INDArray freshNorms = fresh.norm2(2, 3).reshape(n, c, 1, 1).addi(1e-12);
        double[] room = new double[(int) n];
        for (int e = 0; e < n; e++) {
            room[e] = Math.max(eps * eps - imageNorms[e] * imageNorms[e], 0) / c;
        }
        INDArray roomCol = Nd4j.createFromArray(room).castTo(x.dataType()).reshape(n, 1, 1, 1).broadcast(n, c, 1, 1);
        INDArray length = Transforms.sqrt(bothNorms.mul(bothNorms).addi(roomCol), false);
        fresh.muli(length.divi(freshNorms).broadcast(n, c, s, s));
        delta.get(second).assign(0);
        delta.get(first).assign(fresh);
        return onSphere(x, delta);
    }

    /** {@code x + eps * delta / ||delta||}, clipped into [0, 1]. */
    private INDArray onSphere(INDArray x, INDArray delta) {
        double[] length = Norm.norms(delta);
        double[] scale = new double[length.length];
        for (int i = 0; i < scale.length; i++) {
            scale[i] = eps / (length[i] + 1e-12);
        }
        return Perturbations.clip01(x.add(Margins.scaleRows(delta, scale)));
    }

    /**
     * The L2 window pattern: two rectangles of concentric rings weighted {@code 1 / (ring + 1)^2}, of opposite signs,
     * stacked along the height and normalised to unit length; transposed with probability 1/2.
     */
    double[][] eta(int s) {
        double[][] out = new double[s][s];
        int half = s / 2;
        double[][] top = rings(half, s), bottom = rings(s - half, s);
        for (int a = 0; a < s; a++) {
            for (int b = 0; b < s; b++) {
                out[a][b] = a < half ? top[a][b] : -bottom[a - half][b];
            }
        }
        normalise(out);
        if (random.nextDouble() > 0.5) {
            double[][] t = new double[s][s];
            for (int a = 0; a < s; a++) {
                for (int b = 0; b < s; b++) {
                    t[b][a] = out[a][b];
                }
            }
            out = t;
        }
        return out;
    }

    private static double[][] rings(int rows, int cols) {
        double[][] d = new double[rows][cols];
        int cx = rows / 2 + 1, cy = cols / 2 + 1;
        int r0 = cx - 1, c0 = cy - 1;
        for (int ring = 0; ring < Math.max(cx, cy); ring++, r0--, c0--) {
            for (int a = Math.max(r0, 0); a < Math.min(r0 + 2 * ring + 1, rows); a++) {
                for (int b = Math.max(c0, 0); b < Math.min(c0 + 2 * ring + 1, cols); b++) {
                    d[a][b] += 1.0 / ((ring + 1) * (ring + 1));
                }
            }
        }
        normalise(d);
        return d;
    }

    private static void normalise(double[][] d) {
        double sum = 0;
        for (double[] row : d) {
            for (double v : row) {
                sum += v * v;
            }
        }
        double length = Math.sqrt(sum);
        for (double[] row : d) {
            for (int b = 0; b < row.length; b++) {
                row[b] = length > 0 ? row[b] / length : 0;
            }
        }
    }

    /** Uniform in {@code [0, bound)} as the authors draw it; 0 when the window fills the side. */
    private int randomInt(long bound) {
        return (int) (random.nextDouble() * bound);
    }

    private INDArray signs(long[] shape, INDArray like) {
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        double[] v = new double[(int) count];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextBoolean() ? 1 : -1;
        }
        return Nd4j.createFromArray(v).castTo(like.dataType()).reshape(shape);
    }

    private static INDArrayIndex[] window(int s, int vh, int vw) {
        return new INDArrayIndex[]{NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(vh, vh + s),
                NDArrayIndex.interval(vw, vw + s)};
    }
}
