package io.github.dl4jrvsm.core.prox;

import java.util.function.DoubleUnaryOperator;

/** Minimises {@code p(u) + beta/2 (u-w)^2} over the reals by a fine grid plus golden-section refinement. */
final class ScalarBruteForce {

    private ScalarBruteForce() {
    }

    static double objective(DoubleUnaryOperator penalty, double u, double w, double beta) {
        return penalty.applyAsDouble(u) + beta / 2 * (u - w) * (u - w);
    }

    static double minimum(DoubleUnaryOperator penalty, double w, double beta) {
        double radius = 2 * Math.abs(w) + 1e-3;
        int n = 4000;
        double best = objective(penalty, 0.0, w, beta);
        double bestU = 0.0;
        for (int i = 0; i <= n; i++) {
            double u = -radius + 2 * radius * i / n;
            double f = objective(penalty, u, w, beta);
            if (f < best) {
                best = f;
                bestU = u;
            }
        }
        double step = 2 * radius / n;
        double lo = bestU - step, hi = bestU + step;
        double g = (Math.sqrt(5) - 1) / 2;
        for (int it = 0; it < 200; it++) {
            double a = hi - g * (hi - lo), b = lo + g * (hi - lo);
            if (objective(penalty, a, w, beta) < objective(penalty, b, w, beta)) {
                hi = b;
            } else {
                lo = a;
            }
        }
        return Math.min(best, objective(penalty, (lo + hi) / 2, w, beta));
    }
}
