package io.github.dl4jrvsm.adversarial.attack;

import java.util.Random;

/**
 * The random search steps of the Square attack (Andriushchenko et al., ECCV 2020), as the authors' {@code square.py}
 * in AutoAttack makes them, on images {@code [n, channels, height, width]} (or {@code [n, height, width, channels]}:
 * windows are always over height and width) held as flat row-major Java arrays (a step
 * touches one small window, so a few dozen ND4J calls for it would cost more than the model's forward pass):
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
    private final int c;
    private final int h;
    private final int w;
    private final boolean channelsLast;

    SquareProposals(Norm norm, double eps, double pInit, int queries, boolean rescale, Random random, long[] shape,
                    boolean channelsLast) {
        this.norm = norm;
        this.eps = eps;
        this.pInit = pInit;
        this.queries = queries;
        this.rescale = rescale;
        this.random = random;
        this.channelsLast = channelsLast;
        this.c = (int) shape[channelsLast ? 3 : 1];
        this.h = (int) shape[channelsLast ? 1 : 2];
        this.w = (int) shape[channelsLast ? 2 : 3];
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

    private int index(int e, int ch, int r, int col) {
        return channelsLast ? ((e * h + r) * w + col) * c + ch : ((e * c + ch) * h + r) * w + col;
    }

    /** The first point of each of the {@code n} clean images {@code x}. */
    double[] start(double[] x, int n) {
        double[] out = new double[x.length];
        if (norm == Norm.LINF) {
            for (int e = 0; e < n; e++) {
                for (int ch = 0; ch < c; ch++) {
                    for (int col = 0; col < w; col++) {
                        double shift = eps * sign();
                        for (int r = 0; r < h; r++) {
                            int i = index(e, ch, r, col);
                            out[i] = clip(x[i] + shift);
                        }
                    }
                }
            }
            return out;
        }
        int s = h / 5;
        int offset = (h - s * 5) / 2;
        for (int vh = offset, i = 0; i < h / s; i++, vh += s) {
            for (int vw = offset, j = 0; j < w / s; j++, vw += s) {
                double[][] eta = eta(s);
                for (int e = 0; e < n; e++) {
                    for (int ch = 0; ch < c; ch++) {
                        double sign = sign();
                        for (int a = 0; a < s && vh + a < h; a++) {
                            for (int b = 0; b < s && vw + b < w; b++) {
                                out[index(e, ch, vh + a, vw + b)] += sign * eta[a][b];
                            }
                        }
                    }
                }
            }
        }
        return onSphere(x, out, n);
    }

    /** A candidate for each of the {@code n} examples of {@code best} (clean images {@code x}) at {@code iteration}. */
    double[] next(int iteration, double[] x, double[] best, int n) {
        int s = (int) Math.max(Math.round(Math.sqrt(p(iteration) * c * h * w / c)), norm == Norm.LINF ? 1 : 3);
        if (norm == Norm.L2 && s % 2 == 0) {
            s++;
        }
        s = Math.min(s, Math.min(h, w));
        int vh = randomInt(h - s), vw = randomInt(w - s);
        return norm == Norm.LINF ? nextLinf(x, best, n, s, vh, vw) : nextL2(x, best, n, s, vh, vw);
    }

    private double[] nextLinf(double[] x, double[] best, int n, int s, int vh, int vw) {
        double[] shift = new double[c];
        for (int ch = 0; ch < c; ch++) {
            shift[ch] = 2 * eps * sign();
        }
        double[] out = best.clone();
        for (int e = 0; e < n; e++) {
            for (int ch = 0; ch < c; ch++) {
                for (int r = vh; r < vh + s; r++) {
                    for (int col = vw; col < vw + s; col++) {
                        int i = index(e, ch, r, col);
                        out[i] = clip(Math.min(x[i] + eps, Math.max(x[i] - eps, out[i] + shift[ch])));
                    }
                }
            }
        }
        return out;
    }

    private double[] nextL2(double[] x, double[] best, int n, int s, int vh, int vw) {
        int vh2 = randomInt(h - s), vw2 = randomInt(w - s);
        double[][] eta = eta(s);
        double[] delta = new double[best.length];
        for (int i = 0; i < delta.length; i++) {
            delta[i] = best[i] - x[i];
        }
        for (int e = 0; e < n; e++) {
            double image = 0;
            for (int i = index(e, 0, 0, 0); i < index(e + 1, 0, 0, 0); i++) {
                image += delta[i] * delta[i];
            }
            for (int ch = 0; ch < c; ch++) {
                double first = 0, both = 0;
                for (int r = 0; r < h; r++) {
                    for (int col = 0; col < w; col++) {
                        boolean in1 = inside(r, col, vh, vw, s), in2 = inside(r, col, vh2, vw2, s);
                        double v = delta[index(e, ch, r, col)];
                        first += in1 ? v * v : 0;
                        both += in1 || in2 ? v * v : 0;
                    }
                }
                double sign = sign();
                double[][] fresh = new double[s][s];
                double freshNorm = 0;
                for (int a = 0; a < s; a++) {
                    for (int b = 0; b < s; b++) {
                        fresh[a][b] = eta[a][b] * sign + delta[index(e, ch, vh + a, vw + b)] / (Math.sqrt(first) + 1e-12);
                        freshNorm += fresh[a][b] * fresh[a][b];
                    }
                }
                double length = Math.sqrt(both + Math.max(eps * eps - image, 0) / c);
                double scale = length / (Math.sqrt(freshNorm) + 1e-12);
                for (int a = 0; a < s; a++) {
                    for (int b = 0; b < s; b++) {
                        delta[index(e, ch, vh2 + a, vw2 + b)] = 0;
                    }
                }
                for (int a = 0; a < s; a++) {
                    for (int b = 0; b < s; b++) {
                        delta[index(e, ch, vh + a, vw + b)] = fresh[a][b] * scale;
                    }
                }
            }
        }
        return onSphere(x, delta, n);
    }

    private static boolean inside(int r, int col, int vh, int vw, int s) {
        return r >= vh && r < vh + s && col >= vw && col < vw + s;
    }

    /** {@code x + eps * delta / ||delta||} per example, clipped into [0, 1]. */
    private double[] onSphere(double[] x, double[] delta, int n) {
        double[] out = new double[x.length];
        int d = c * h * w;
        for (int e = 0; e < n; e++) {
            double sum = 0;
            for (int i = e * d; i < (e + 1) * d; i++) {
                sum += delta[i] * delta[i];
            }
            double scale = eps / (Math.sqrt(sum) + 1e-12);
            for (int i = e * d; i < (e + 1) * d; i++) {
                out[i] = clip(x[i] + delta[i] * scale);
            }
        }
        return out;
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
    private int randomInt(int bound) {
        return (int) (random.nextDouble() * bound);
    }

    private double sign() {
        return random.nextBoolean() ? 1 : -1;
    }

    private static double clip(double v) {
        return Math.min(1, Math.max(0, v));
    }
}
