package io.github.dl4jrvsm.adversarial.attack;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FAB's projection against a brute-force search over the hyperplane inside the box, in three dimensions. */
class HyperplaneProjectionTest {

    private static double norm(Norm norm, double[] d) {
        double out = 0;
        for (double v : d) {
            out = norm == Norm.LINF ? Math.max(out, Math.abs(v)) : out + v * v;
        }
        return norm == Norm.LINF ? out : Math.sqrt(out);
    }

    /** The smallest change found on a fine grid over the first two coordinates, the third solved from the plane. */
    private static double bruteForce(Norm norm, double[] t, double[] w, double b) {
        double best = Double.POSITIVE_INFINITY;
        int steps = 800;
        for (int i = 0; i <= steps; i++) {
            for (int j = 0; j <= steps; j++) {
                double z0 = (double) i / steps, z1 = (double) j / steps;
                double z2 = (b - w[0] * z0 - w[1] * z1) / w[2];
                if (z2 >= 0 && z2 <= 1) {
                    best = Math.min(best, norm(norm, new double[]{z0 - t[0], z1 - t[1], z2 - t[2]}));
                }
            }
        }
        return best;
    }

    @Test
    void reachesTheHyperplaneInsideTheBoxWithTheSmallestChange() {
        Random r = new Random(5);
        int checked = 0;
        for (int trial = 0; trial < 40; trial++) {
            double[] t = {r.nextDouble(), r.nextDouble(), r.nextDouble()};
            double[] w = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            double b = w[0] * r.nextDouble() + w[1] * r.nextDouble() + w[2] * r.nextDouble();
            for (Norm norm : Norm.values()) {
                double[] d = HyperplaneProjection.project(norm, t, w, b);
                double reached = 0;
                for (int i = 0; i < 3; i++) {
                    assertTrue(t[i] + d[i] >= -1e-12 && t[i] + d[i] <= 1 + 1e-12, "left the box");
                    reached += w[i] * (t[i] + d[i]);
                }
                assertEquals(b, reached, 1e-9, norm + " trial " + trial + ": not on the hyperplane");
                double brute = bruteForce(norm, t, w, b);
                if (Double.isFinite(brute)) {
                    // the grid's spacing bounds how much it can miss the optimum by
                    assertTrue(norm(norm, d) <= brute + 1e-9, norm + " trial " + trial + ": " + norm(norm, d)
                            + " > brute force " + brute);
                    assertTrue(norm(norm, d) >= brute - 0.01 * Math.max(1, Math.abs(w[0] / w[2]) + Math.abs(w[1] / w[2])),
                            norm + " trial " + trial + ": " + norm(norm, d) + " well below brute force " + brute);
                    checked++;
                }
            }
        }
        assertTrue(checked > 40, "too few feasible cases: " + checked);
    }

    @Test
    void whenTheBoxCannotReachThePlaneEveryCoordinateMovesAllTheWayTowardsIt() {
        double[] t = {0.5, 0.5};
        double[] w = {1, -1};
        // w . z can be at most 1 inside the box; ask for 3
        for (Norm norm : Norm.values()) {
            double[] d = HyperplaneProjection.project(norm, t, w, 3);
            assertEquals(0.5, d[0], 1e-12);
            assertEquals(-0.5, d[1], 1e-12);
        }
    }
}
