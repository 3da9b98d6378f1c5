package io.github.dl4jrvsm.adversarial.attack;

import io.github.dl4jrvsm.core.internal.Validate;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Random;

/**
 * The threat model of a fixed-budget attack: which distance the epsilon bounds. Each norm supplies what the gradient
 * family needs from it (as Foolbox's L2/Linf base classes do): the steepest-ascent direction of a gradient, the
 * projection onto the ball, a random start inside it and the per-example distance.
 */
public enum Norm {

    /** Every pixel moves by at most epsilon; steps follow the gradient's sign. */
    LINF("L-infinity") {
        @Override
        public double checkEpsilon(double eps) {
            return Validate.inRange("L-infinity epsilon", eps, eps >= 0 && eps <= 1, "[0, 1] (pixel units; e.g. 8/255 = "
                    + 8 / 255.0 + "); an L2 budget such as 0.5 needs Norm.L2 and an attack that supports it");
        }

        @Override
        public INDArray direction(INDArray gradient) {
            return Transforms.sign(gradient, false);
        }

        @Override
        public INDArray project(INDArray candidate, INDArray x, double eps) {
            return Perturbations.project(candidate, x, eps);
        }

        @Override
        public INDArray randomStart(INDArray x, double eps, Random random) {
            return Perturbations.project(x.add(Perturbations.uniform(x, eps, random)), x, eps);
        }

        @Override
        public double[] distances(INDArray a, INDArray b) {
            INDArray d = Transforms.abs(a.sub(b), false);
            return d.reshape(d.size(0), d.length() / d.size(0)).max(1).toDoubleVector();
        }
    },

    /** The perturbation's Euclidean length is at most epsilon; steps follow the normalised gradient. */
    L2("L2") {
        @Override
        public double checkEpsilon(double eps) {
            return Validate.inRange("L2 epsilon", eps, eps >= 0 && Double.isFinite(eps),
                    "[0, infinity) (Euclidean length in pixel units, e.g. 0.5 for CIFAR-10)");
        }

        @Override
        public INDArray direction(INDArray gradient) {
            return Margins.scaleRows(gradient, inverse(norms(gradient)));
        }

        @Override
        public INDArray project(INDArray candidate, INDArray x, double eps) {
            INDArray delta = candidate.sub(x);
            double[] length = norms(delta);
            double[] shrink = new double[length.length];
            for (int i = 0; i < length.length; i++) {
                shrink[i] = length[i] > eps ? eps / length[i] : 1;
            }
            return Perturbations.clip01(x.add(Margins.scaleRows(delta, shrink)));
        }

        /** A uniform point of the ball: a Gaussian direction at a radius of {@code eps * u^(1/d)}. */
        @Override
        public INDArray randomStart(INDArray x, double eps, Random random) {
            INDArray g = Perturbations.gaussian(x.shape(), x.dataType(), random);
            double[] length = norms(g);
            double d = x.length() / (double) x.size(0);
            double[] scale = new double[length.length];
            for (int i = 0; i < scale.length; i++) {
                scale[i] = eps * Math.pow(random.nextDouble(), 1 / d) / Math.max(length[i], 1e-12);
            }
            return project(x.add(Margins.scaleRows(g, scale)), x, eps);
        }

        @Override
        public double[] distances(INDArray a, INDArray b) {
            return norms(a.sub(b));
        }
    };

    private final String label;

    Norm(String label) {
        this.label = label;
    }

    /** The budget if it is valid for this norm; otherwise an exception naming the value and the valid range. */
    public abstract double checkEpsilon(double eps);

    /** The unit step of steepest ascent for this norm, per example, as a new array. */
    public abstract INDArray direction(INDArray gradient);

    /** {@code candidate} moved into the epsilon ball around {@code x} and into [0, 1], as a new array. */
    public abstract INDArray project(INDArray candidate, INDArray x, double eps);

    /** A random point of the ball around {@code x}, in [0, 1], drawn from {@code random}. */
    public abstract INDArray randomStart(INDArray x, double eps, Random random);

    /** The distance of each example of {@code a} from the same example of {@code b}. */
    public abstract double[] distances(INDArray a, INDArray b);

    /** "L-infinity" or "L2", for messages and reports. */
    public String label() {
        return label;
    }

    /** The Euclidean length of each example. */
    static double[] norms(INDArray a) {
        INDArray flat = a.reshape(a.size(0), a.length() / a.size(0));
        return flat.norm2(1).toDoubleVector();
    }

    private static double[] inverse(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = 1 / (v[i] + 1e-12);
        }
        return out;
    }
}
