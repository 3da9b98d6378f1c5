package io.github.dl4jrvsm.core.theory;

import io.github.dl4jrvsm.core.prox.*;
import org.junit.jupiter.api.Test;
import java.util.Random;

class ScratchExploreTest {
    @Test
    void explore() {
        int k = 4, d = 20;
        double[] ws = new double[d];
        ws[0] = 0.6; ws[3] = -0.5; ws[7] = 0.4; ws[12] = -0.3; ws[15] = 0.25;
        ws = Vectors.unit(ws);
        Random r = new Random(7);
        double[] w0 = new double[d];
        for (int i = 0; i < d; i++) w0[i] = r.nextGaussian();
        if (Vectors.dot(w0, ws) > 0) w0 = Vectors.scale(-1, w0);
        w0 = Vectors.unit(w0);
        NonOverlapNetwork net = new NonOverlapNetwork(k, ws);
        double theta0 = net.angleToTeacher(w0);
        double delta = Math.PI - theta0;
        double beta = TheoremConditions.rvsmMaxBeta(k, delta);
        double lambda = 0.1 * beta / Math.sqrt(d);
        System.out.println("theta0=" + theta0 + " delta=" + delta + " beta=" + beta + " lambda=" + lambda);
        for (double eta : new double[]{0.1, 0.25, 0.5, 1.0}) {
            for (Penalty p : new Penalty[]{new L0Penalty(lambda), new L1Penalty(lambda), new TransformedL1Penalty(lambda, 1)}) {
                long t0 = System.nanoTime();
                int n = 3000;
                SplittingTrajectory tr = new RelaxedSplittingSolver(net, p, eta, beta).run(w0, n);
                long ms = (System.nanoTime() - t0) / 1000000;
                double maxLInc = -1, maxAInc = -1; int lAt = -1, aAt = -1;
                for (int t = 0; t < n; t++) {
                    double dl = tr.lagrangian(t + 1) - tr.lagrangian(t);
                    double da = tr.angle(t + 1) - tr.angle(t);
                    if (dl > maxLInc) { maxLInc = dl; lAt = t; }
                    if (da > maxAInc) { maxAInc = da; aAt = t; }
                }
                double[] u = tr.finalU();
                int zeros = 0; for (double x : u) zeros += x == 0 ? 1 : 0;
                ShrinkageIdentity s = ShrinkageIdentity.rvsm(net, beta, tr.finalW(), u);
                System.out.printf("eta=%.2f %s ms=%d L0=%.6f Ln=%.9f maxLinc=%.3e@%d maxAinc=%.3e@%d theta=%.5f lastStep=%.3e zeros=%d cos=%.12f C=%.6f bound=%.6f dir=%.3e%n",
                        eta, p.name(), ms, tr.lagrangian(0), tr.lagrangian(n), maxLInc, lAt, maxAInc, aAt, tr.angle(n), tr.stepLength(n - 1), zeros, s.cosine(), s.constant(),
                        TheoremConditions.rvsmShrinkageConstantBound(k, lambda, d), tr.directionNorm(n-1));
            }
        }
        BinarizedNonOverlapNetwork bn = new BinarizedNonOverlapNetwork(k, ws);
        double bbeta = TheoremConditions.rvscgdMaxBeta(k, delta);
        double blam = TheoremConditions.rvscgdMaxLambda(k, d);
        System.out.println("rvscgd maxbeta=" + bbeta + " maxlambda=" + blam + " maxEta=" + TheoremConditions.rvscgdMaxEta(k, bbeta, TheoremConditions.coarseGradientLipschitz(k)));
        for (double beta2 : new double[]{0.1, 0.3, 0.5 * bbeta, bbeta}) {
        for (double lam2 : new double[]{0.005, 0.02, 0.5 * blam}) {
        for (double eta : new double[]{0.1, 0.3}) {
            for (Penalty p : new Penalty[]{new L0Penalty(lam2), new L1Penalty(lam2), new TransformedL1Penalty(lam2, 1)}) {
                int n = 3000;
                SplittingTrajectory tr = new CoarseGradientSolver(bn, p, eta, beta2).run(w0, n);
                double maxLInc = -1, maxAInc = -1; int lAt = -1, aAt = -1; double maxDir = 0;
                for (int t = 0; t < n; t++) {
                    double dl = tr.lagrangian(t + 1) - tr.lagrangian(t);
                    double da = tr.angle(t + 1) - tr.angle(t);
                    if (dl > maxLInc) { maxLInc = dl; lAt = t; }
                    if (da > maxAInc) { maxAInc = da; aAt = t; }
                    maxDir = Math.max(maxDir, eta * tr.directionNorm(t));
                }
                double[] u = tr.finalU();
                int zeros = 0; for (double x : u) zeros += x == 0 ? 1 : 0;
                ShrinkageIdentity s = ShrinkageIdentity.rvscgd(bn, beta2, tr.finalW(), u);
                System.out.printf("CGD beta=%.3f lam=%.4f eta=%.2f %s Ln=%.9f maxLinc=%.3e@%d maxAinc=%.3e@%d theta=%.5f lastStep=%.3e zeros=%d cos=%.12f C=%.6f etaDirMax=%.3f%n",
                        beta2, lam2, eta, p.name(), tr.lagrangian(n), maxLInc, lAt, maxAInc, aAt, tr.angle(n), tr.stepLength(n - 1), zeros, s.cosine(), s.constant(), maxDir);
            }
        }}}
    }
}
