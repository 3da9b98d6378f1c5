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
        L0Penalty p0 = new L0Penalty(lambda);
        System.out.println("l0 threshold " + p0.threshold(beta));
        RelaxedSplittingSolver s = new RelaxedSplittingSolver(net, p0, 0.1, beta);
        double[] w = w0;
        for (int t = 0; t < 800; t++) {
            double[] u = s.coupling().prox(w);
            SplittingTrajectory tr = s.run(w, 1);
            double[] w1 = tr.finalW();
            double da = tr.angle(1) - tr.angle(0);
            if (da > 0) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < d; i++) sb.append(String.format("%d:%.4f/%.4f/%.3f ", i, w[i], u[i], ws[i]));
                System.out.println("t=" + t + " dA=" + da + " theta=" + tr.angle(0) + " " + sb);
            }
            w = w1;
        }
        BinarizedNonOverlapNetwork bn = new BinarizedNonOverlapNetwork(k, ws);
        for (double lam : new double[]{0.02, 0.0892}) {
            SplittingTrajectory tr = new CoarseGradientSolver(bn, new L1Penalty(lam), 0.1, 0.3).run(w0, 3000);
            double min = 10; int at = -1;
            for (int t = 0; t <= 3000; t++) if (tr.angle(t) < min) { min = tr.angle(t); at = t; }
            System.out.println("CGD lam=" + lam + " min angle " + min + " at " + at + " final " + tr.angle(3000));
            for (int t = 0; t < 200; t += 10) System.out.printf("  t=%d theta=%.6f L=%.6f%n", t, tr.angle(t), tr.lagrangian(t));
        }
    }
}
