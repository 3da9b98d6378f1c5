package io.github.dl4jrvsm.core.splitting;

import io.github.dl4jrvsm.core.prox.Penalty;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The coupling {@code beta} and the penalty multiplier {@code s} of one step.
 *
 * <p>For every penalty of this library the proximal point of {@code s*lambda*P} with coupling {@code beta} equals that
 * of {@code lambda*P} with coupling {@code beta/s} (both minimise {@code lambda*P(u) + beta/(2s)*||u - w||^2}), and
 * the penalty value is linear in lambda; so a lambda schedule is applied without touching the penalties. With
 * {@code s = 1} the penalty is called with {@code beta} itself, bit for bit as without a schedule; with {@code s = 0}
 * there is no penalty and {@code u = w}.
 */
record StepStrength(double beta, double lambdaScale) {

    INDArray prox(Penalty penalty, INDArray w) {
        return lambdaScale == 0 ? w.dup() : penalty.prox(w, beta / lambdaScale);
    }

    Penalty.ProxPoint proxWithValue(Penalty penalty, INDArray w) {
        if (lambdaScale == 0) {
            return new Penalty.ProxPoint(w.dup(), 0);
        }
        Penalty.ProxPoint point = penalty.proxWithValue(w, beta / lambdaScale);
        return new Penalty.ProxPoint(point.u(), lambdaScale * point.value());
    }
}
