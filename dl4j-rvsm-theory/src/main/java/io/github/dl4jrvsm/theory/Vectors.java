package io.github.dl4jrvsm.theory;

/**
 * Small dense-vector arithmetic on {@code double[]}. The theory models have a filter of a few dozen entries, where
 * plain loops are exact, allocation-cheap and easier to check against the formulas than ND4J calls.
 */
final class Vectors {

    /** What a vector's length stands for in argument messages: every vector of the theory is one filter long. */
    static final String PATCH_SIZE = "the patch size d";

    private Vectors() {
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] a) {
        double scale = 0;
        for (double x : a) {
            scale = Math.max(scale, Math.abs(x));
        }
        if (scale == 0) {
            return 0;
        }
        double s = 0;
        for (double x : a) {
            double y = x / scale;
            s += y * y;
        }
        return scale * Math.sqrt(s);
    }

    static double distance(double[] a, double[] b) {
        return norm(subtract(a, b));
    }

    static double[] scale(double c, double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = c * a[i];
        }
        return out;
    }

    static double[] subtract(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }

    /** {@code ca * a + cb * b}. */
    static double[] combine(double ca, double[] a, double cb, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = ca * a[i] + cb * b[i];
        }
        return out;
    }

    static double[] unit(double[] a) {
        return scale(1 / norm(a), a);
    }

    /**
     * The angle in {@code [0, pi]} between two non-zero vectors, as {@code 2 atan2(|a^ - b^|, |a^ + b^|)} of the unit
     * vectors. Unlike {@code acos} of the cosine this keeps full relative accuracy for angles close to 0 and pi,
     * which matters when the tests compare consecutive angles of a converging run.
     */
    static double angle(double[] a, double[] b) {
        double[] ua = unit(a);
        double[] ub = unit(b);
        double[] diff = subtract(ua, ub);
        double[] sum = combine(1, ua, 1, ub);
        return 2 * Math.atan2(norm(diff), norm(sum));
    }
}
