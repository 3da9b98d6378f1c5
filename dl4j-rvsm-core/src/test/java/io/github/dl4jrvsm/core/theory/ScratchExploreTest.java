package io.github.dl4jrvsm.core.theory;

import io.github.dl4jrvsm.core.prox.*;
import org.junit.jupiter.api.Test;
import java.util.Random;

class ScratchExploreTest {
    static double[] teacher(int d) {
        double[] ws = new double[d];
        ws[0] = 0.6; ws[3] = -0.5; ws[7] = 0.4; ws[12] = -0.3; ws[15] = 0.25;
        return Vectors.unit(ws);
    }
    static double[] start(int d, double[] ws, long seed) {
        Random r = new Random(seed);
        double[] w0 = new double[d];
        for (int i = 0; i < d; i++) w0[i] = r.nextGaussian();
        if (Vectors.dot(w0, ws) > 0) w0 = Vectors.scale(-1, w0);
        return Vectors.unit(w0);
    }
    @Test
    void explore() {
        int k = 4, d = 20;
        double[] ws = teacher(d);
        NonOverlapNetwork net = new NonOverlapNetwork(k, ws);
        for (double frac : new double[]{0.02, 0.05, 0.1, 0.2, 0.5}) {
            for (long seed = 1; seed <= 5; seed++) {
                double[] w0 = start(d, ws, seed);
                double delta = Math.PI - net.angleToTeacher(w0);
                double beta = TheoremConditions.rvsmMaxBeta(k, delta);
                double lambda = frac * beta / Math.sqrt(d);
                StringBuilder sb = new StringBuilder(String.format("RVSM frac=%.2f seed=%d th0=%.3f beta=%.4f: ", frac, seed, Math.PI - delta, beta));
                for (Penalty p : new Penalty[]{new L0Penalty(lambda), new L1Penalty(lambda), new TransformedL1Penalty(lambda, 1)}) {
                    int n = 1500;
                    SplittingTrajectory tr = new RelaxedSplittingSolver(net, p, 0.25, beta).run(w0, n);
                    double maxL = -1, maxA = -1;
                    for (int t = 0; t < n; t++) {
                        maxL = Math.max(maxL, tr.lagrangian(t + 1) - tr.lagrangian(t));
                        maxA = Math.max(maxA, tr.angle(t + 1) - tr.angle(t));
                    }
                    int zeros = 0; for (double x : tr.finalU()) zeros += x == 0 ? 1 : 0;
                    sb.append(String.format("%s[dL=%.1e dA=%.1e z=%d th=%.4f step=%.1e] ", p.name(), maxL, maxA, zeros, tr.angle(n), tr.stepLength(n - 1)));
                }
                System.out.println(sb);
            }
        }
        BinarizedNonOverlapNetwork bn = new BinarizedNonOverlapNetwork(k, ws);
        for (double lam : new double[]{0.002, 0.005, 0.01, 0.02, 0.05}) {
            for (long seed = 1; seed <= 5; seed++) {
                double[] w0 = start(d, ws, seed);
                double delta = Math.PI - bn.angleToTeacher(w0);
                double bmax = TheoremConditions.rvscgdMaxBeta(k, delta);
                for (double beta : new double[]{0.1, bmax}) {
                    double eta = 0.2;
                    StringBuilder sb = new StringBuilder(String.format("CGD lam=%.3f seed=%d beta=%.3f: ", lam, seed, beta));
                    for (Penalty p : new Penalty[]{new L0Penalty(lam), new L1Penalty(lam), new TransformedL1Penalty(lam, 1)}) {
                        int n = 1000;
                        CoarseGradientSolver s = new CoarseGradientSolver(bn, p, eta, beta);
                        SplittingTrajectory tr = s.run(w0, n);
                        double maxL = -1, maxA = -1, maxH = -1;
                        // surrogate
                        double[] w = w0; double[] u = s.coupling().prox(w);
                        double hPrev = Double.NaN;
                        for (int t = 0; t <= n; t++) {
                            if (t > 0) {
                                SplittingTrajectory one = s.run(w, 1);
                                w = one.finalW(); u = one.finalU();
                            }
                            double g = Vectors.distance(w, ws);
                            double h = k / (4 * Math.PI) * g * g + s.coupling().lagrangian(0, w, u);
                            if (t > 0) maxH = Math.max(maxH, h - hPrev);
                            hPrev = h;
                            if (t > 200) break;
                        }
                        for (int t = 0; t < n; t++) {
                            maxL = Math.max(maxL, tr.lagrangian(t + 1) - tr.lagrangian(t));
                            maxA = Math.max(maxA, tr.angle(t + 1) - tr.angle(t));
                        }
                        int zeros = 0; for (double x : tr.finalU()) zeros += x == 0 ? 1 : 0;
                        sb.append(String.format("%s[dL=%.1e dA=%.1e dH=%.1e z=%d th=%.4f] ", p.name(), maxL, maxA, maxH, zeros, tr.angle(n)));
                    }
                    System.out.println(sb);
                }
            }
        }
    }
}
