package io.github.dl4jrvsm.core.prox;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Random;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Group proxes against brute-force minimisation over each two-dimensional group, on dense and convolution weights
 * with both groupings; the shapes are chosen so every group has two entries.
 */
class GroupPenaltyTest {

    /** Minimum of p(v) + beta/2 ||v - w||^2 over v in R^2 by grid search, then a finer grid around the best point. */
    private static double bruteForce(ToDoubleFunction<double[]> p, double[] w, double beta) {
        double radius = 1.5 * Math.hypot(w[0], w[1]) + 1e-3;
        double best = p.applyAsDouble(new double[]{0, 0}) + beta / 2 * (w[0] * w[0] + w[1] * w[1]);
        double cx = 0, cy = 0, half = radius;
        for (int level = 0; level < 4; level++) {
            int n = 200;
            double bx = cx, by = cy;
            for (int i = 0; i <= n; i++) {
                for (int j = 0; j <= n; j++) {
                    double[] v = {cx - half + 2 * half * i / n, cy - half + 2 * half * j / n};
                    double f = p.applyAsDouble(v) + beta / 2 * ((v[0] - w[0]) * (v[0] - w[0]) + (v[1] - w[1]) * (v[1] - w[1]));
                    if (f < best) {
                        best = f;
                        bx = v[0];
                        by = v[1];
                    }
                }
            }
            cx = bx;
            cy = by;
            half = half * 4 / n;
        }
        return best;
    }

    private static INDArray[] groups(INDArray w, ChannelGrouping g) {
        int axis = g.groupAxis(w);
        INDArray[] out = new INDArray[(int) w.size(axis)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (axis == 0 ? w.slice(i, 0) : w.slice(i, 1)).dup().reshape(-1);
        }
        return out;
    }

    private void check(GroupPenalty penalty, ToDoubleFunction<double[]> groupValue, long[] shape, double beta, long seed) {
        Random r = new Random(seed);
        int zeroGroups = 0, total = 0;
        for (int trial = 0; trial < 25; trial++) {
            INDArray w = Nd4j.rand(DataType.DOUBLE, shape).subi(0.5).muli(r.nextDouble() < 0.5 ? 0.3 : 1.0);
            INDArray u = penalty.prox(w, beta);
            INDArray[] wg = groups(w, penalty.getGrouping());
            INDArray[] ug = groups(u, penalty.getGrouping());
            assertEquals(2, wg[0].length(), "test shapes must give 2-element groups");
            for (int g = 0; g < wg.length; g++) {
                double[] wv = wg[g].toDoubleVector(), uv = ug[g].toDoubleVector();
                double got = groupValue.applyAsDouble(uv)
                        + beta / 2 * ((uv[0] - wv[0]) * (uv[0] - wv[0]) + (uv[1] - wv[1]) * (uv[1] - wv[1]));
                double best = bruteForce(groupValue, wv, beta);
                assertTrue(got <= best + 1e-7, penalty + " group " + g + " of " + w + ": " + got + " > " + best);
                zeroGroups += uv[0] == 0 && uv[1] == 0 ? 1 : 0;
                total++;
            }
        }
        assertTrue(zeroGroups > 0 && zeroGroups < total, "both outcomes must occur, zero groups: " + zeroGroups);
    }

    private static double norm(double[] v) {
        return Math.hypot(v[0], v[1]);
    }

    private static final long[][] SHAPES_OUTPUT = {{2, 3}, {3, 2, 1, 1}, {3, 1, 2, 1}};
    private static final long[][] SHAPES_INPUT = {{3, 2}, {2, 3, 1, 1}, {1, 3, 1, 2}};

    private void forAllShapes(Function<ChannelGrouping, GroupPenalty> make,
                              ToDoubleFunction<double[]> groupValue, double beta) {
        for (long[] s : SHAPES_OUTPUT) {
            check(make.apply(ChannelGrouping.OUTPUT), groupValue, s, beta, s.length * 7L);
        }
        for (long[] s : SHAPES_INPUT) {
            check(make.apply(ChannelGrouping.INPUT), groupValue, s, beta, s.length * 11L);
        }
    }

    @Test
    void groupLassoIsOptimal() {
        double lambda = 0.1, beta = 0.8;
        forAllShapes(g -> new GroupLassoPenalty(lambda, g), v -> lambda * norm(v), beta);
    }

    @Test
    void groupL0IsOptimal() {
        double lambda = 0.03, beta = 0.8;
        forAllShapes(g -> new GroupL0Penalty(lambda, g), v -> norm(v) == 0 ? 0 : lambda, beta);
    }

    @Test
    void mixedGroupL0PlusGroupLassoIsOptimal() {
        double l1 = 0.02, l2 = 0.05, beta = 0.8;
        forAllShapes(g -> new GroupL0LassoPenalty(l1, l2, g), v -> (norm(v) == 0 ? 0 : l1) + l2 * norm(v), beta);
    }

    @Test
    void outputGroupingOfAConvKernelZeroesWholeFilters() {
        INDArray w = Nd4j.zeros(DataType.FLOAT, 3, 2, 3, 3);
        w.slice(0, 0).assign(1.0);      // strong filter
        w.slice(1, 0).assign(0.01);     // weak filter
        w.slice(2, 0).assign(0.5);
        INDArray u = new GroupL0Penalty(0.1, ChannelGrouping.OUTPUT).prox(w, 1.0);
        assertArrayEquals(new double[]{Math.sqrt(18), 0, 0.5 * Math.sqrt(18)},
                GroupNorms.of(u, ChannelGrouping.OUTPUT).toDoubleVector(), 1e-5);
        INDArray ui = new GroupLassoPenalty(0.1, ChannelGrouping.INPUT).prox(w, 1.0);
        assertEquals(2, GroupNorms.of(ui, ChannelGrouping.INPUT).length());
    }

    @Test
    void denseWeightsGroupByNeuron() {
        // dense W is [nIn, nOut]: OUTPUT groups are columns (one per output neuron)
        INDArray w = Nd4j.createFromArray(new double[][]{{1, 0.01, 2}, {1, 0.01, 2}});
        INDArray u = new GroupL0Penalty(0.01, ChannelGrouping.OUTPUT).prox(w, 1.0);
        assertArrayEquals(new double[]{1, 0, 2, 1, 0, 2}, u.reshape(-1).toDoubleVector(), 1e-12);
    }

    /** RVSM's score takes u and P(u) from one call; both must be what prox and value give separately. */
    @Test
    void proxWithValueIsProxAndTheValueThere() {
        Nd4j.getRandom().setSeed(9);
        INDArray w = Nd4j.randn(DataType.FLOAT, 6, 4, 3, 3).muli(0.3);
        // one weak filter and one weak input channel, so that every penalty zeroes something
        w.get(NDArrayIndex.point(0)).muli(0.02);
        w.get(NDArrayIndex.all(), NDArrayIndex.point(1)).muli(0.02);
        Penalty[] all = {new GroupLassoPenalty(0.5), new GroupL0Penalty(0.2), new GroupL0LassoPenalty(0.2, 0.3),
                new GroupLassoPenalty(0.5, ChannelGrouping.INPUT), new L0Penalty(0.01), new L1Penalty(0.05),
                new TransformedL1Penalty(0.05, 1)};
        for (Penalty p : all) {
            Penalty.ProxPoint point = p.proxWithValue(w, 0.8);
            INDArray u = p.prox(w, 0.8);
            assertEquals(u, point.u(), p.toString());
            assertEquals(p.value(u), point.value(), 1e-5 * Math.max(1, Math.abs(p.value(u))), p.toString());
            assertTrue(point.u().eq(0).castTo(DataType.INT32).sumNumber().intValue() > 0, "some zeros for " + p);
        }
    }

    @Test
    void valuesCountAndSumGroups() {
        INDArray u = Nd4j.createFromArray(new double[][]{{3, 0, 1}, {4, 0, 0}});
        assertEquals(0.2, new GroupL0Penalty(0.1).value(u), 1e-12);
        assertEquals(0.6, new GroupLassoPenalty(0.1).value(u), 1e-12);
        assertEquals(0.2 + 2 * 6, new GroupL0LassoPenalty(0.1, 2).value(u), 1e-12);
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new GroupLassoPenalty(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new GroupL0LassoPenalty(0.1, -1));
        assertThrows(IllegalArgumentException.class, () -> new GroupL0Penalty(0.1, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GroupL0Penalty(0.1).prox(Nd4j.ones(4), 1));
        assertTrue(e.getMessage().contains("rank"), e.getMessage());
    }
}
