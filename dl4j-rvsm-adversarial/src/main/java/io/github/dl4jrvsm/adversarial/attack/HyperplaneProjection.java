package io.github.dl4jrvsm.adversarial.attack;

import java.util.Arrays;

/**
 * The step FAB takes towards a linearised decision boundary: the smallest change {@code d} (in L-infinity or L2) with
 * {@code w . (t + d) = b} and {@code t + d} in [0, 1]. When the box does not allow reaching the hyperplane, the change
 * that gets closest to it (every pixel moved as far as it can towards it), as in the authors' {@code fab_projections.py}.
 *
 * <p>Both norms reduce to one search on a monotone piecewise-linear function: each coordinate moves towards the
 * hyperplane by {@code min(lambda, room_i)} (L-infinity) or {@code min(mu |w_i|, room_i)} (L2, from the KKT
 * conditions), where {@code room_i} is the distance to the box side it moves to. Sorting the breakpoints gives the
 * exact solution.
 */
final class HyperplaneProjection {

    private HyperplaneProjection() {
    }

    static double[] project(Norm norm, double[] t, double[] w, double b) {
        int d = t.length;
        double c = -b;
        for (int i = 0; i < d; i++) {
            c += w[i] * t[i];
        }
        double[] out = new double[d];
        if (c == 0) {
            return out;
        }
        // moving coordinate i by m_i >= 0 in direction dir_i lowers |w . z - b| by |w_i| m_i
        double[] dir = new double[d], room = new double[d], gain = new double[d];
        double reachable = 0;
        for (int i = 0; i < d; i++) {
            dir[i] = -Math.signum(c) * Math.signum(w[i]);
            room[i] = dir[i] < 0 ? t[i] : dir[i] > 0 ? 1 - t[i] : 0;
            gain[i] = Math.abs(w[i]);
            reachable += gain[i] * room[i];
        }
        double need = Math.abs(c);
        if (reachable <= need) {
            for (int i = 0; i < d; i++) {
                out[i] = dir[i] * room[i];
            }
            return out;
        }
        double level = norm == Norm.LINF ? level(room, gain, gain, need) : level(ratio(room, gain), gain, square(gain),
                need);
        for (int i = 0; i < d; i++) {
            double move = norm == Norm.LINF ? Math.min(level, room[i]) : Math.min(level * gain[i], room[i]);
            out[i] = gain[i] == 0 ? 0 : dir[i] * move;
        }
        return out;
    }

    /**
     * The level {@code s} where {@code sum_i gain_i * min(s * slope_i / gain_i, breakpoint_i * slope_i / gain_i)}
     * reaches {@code need}: below breakpoint {@code k} a coordinate contributes {@code slope_k * s}, above it the fixed
     * amount {@code gain_k * room_k = slope_k * breakpoint_k}.
     */
    private static double level(double[] breakpoint, double[] gain, double[] slope, double need) {
        int d = breakpoint.length;
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Double.compare(breakpoint[p], breakpoint[q]));
        double totalSlope = 0;
        for (double s : slope) {
            totalSlope += s;
        }
        double fixed = 0, previous = 0;
        for (int k = 0; k < d; k++) {
            int i = order[k];
            if (gain[i] == 0) {
                continue;
            }
            double atBreak = fixed + totalSlope * breakpoint[i];
            if (atBreak >= need) {
                return Math.max(previous, (need - fixed) / totalSlope);
            }
            fixed += slope[i] * breakpoint[i];
            totalSlope -= slope[i];
            previous = breakpoint[i];
        }
        return previous;
    }

    private static double[] ratio(double[] room, double[] gain) {
        double[] out = new double[room.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = gain[i] == 0 ? 0 : room[i] / gain[i];
        }
        return out;
    }

    private static double[] square(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = v[i] * v[i];
        }
        return out;
    }
}
