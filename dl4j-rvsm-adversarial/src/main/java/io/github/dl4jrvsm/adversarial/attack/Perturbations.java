package io.github.dl4jrvsm.adversarial.attack;

import io.github.dl4jrvsm.adversarial.model.AttackModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Random;

/** The L-infinity ball and valid-range operations every attack shares, and noise drawn from a seeded source. */
public final class Perturbations {

    private Perturbations() {
    }

    /** {@code candidate} clipped into {@code [x - eps, x + eps]} and into [0, 1], as a new array. */
    public static INDArray project(INDArray candidate, INDArray x, double eps) {
        INDArray lo = x.sub(eps), hi = x.add(eps);
        INDArray out = Transforms.max(Transforms.min(candidate, hi, true), lo, false);
        return clip01(out);
    }

    /** Clips into [0, 1] in place and returns the argument. */
    public static INDArray clip01(INDArray a) {
        return Transforms.min(Transforms.max(a, 0.0, false), 1.0, false);
    }

    /** Uniform noise in {@code [-eps, eps]} of the shape of {@code like}, from {@code random}. */
    public static INDArray uniform(INDArray like, double eps, Random random) {
        double[] v = new double[(int) like.length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (2 * random.nextDouble() - 1) * eps;
        }
        return Nd4j.createFromArray(v).castTo(like.dataType()).reshape(like.shape());
    }

    /** Standard normal noise of the shape of {@code like}. */
    public static INDArray gaussian(long[] shape, DataType type, Random random) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextGaussian();
        }
        return Nd4j.createFromArray(v).castTo(type).reshape(shape);
    }

    /** Per example: misclassified (untargeted) or classified as the target (targeted). */
    public static boolean[] success(AttackModel model, INDArray adversarial, INDArray labels, boolean targeted) {
        return success(model.probabilities(adversarial), labels, targeted);
    }

    public static boolean[] success(INDArray probabilities, INDArray labels, boolean targeted) {
        return (targeted ? Criterion.TARGETED_MISCLASSIFICATION : Criterion.MISCLASSIFICATION)
                .isMet(probabilities, labels);
    }

    /** A 0/1 column {@code [n, 1, ...]} broadcastable over examples, 1 where {@code active}. */
    public static INDArray exampleMask(boolean[] active, INDArray like) {
        long[] shape = like.shape().clone();
        for (int d = 1; d < shape.length; d++) {
            shape[d] = 1;
        }
        double[] v = new double[active.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = active[i] ? 1 : 0;
        }
        return Nd4j.createFromArray(v).castTo(like.dataType()).reshape(shape);
    }

    /** Replaces the examples of {@code target} where {@code take} holds by those of {@code source}, in place. */
    public static void takeWhere(INDArray target, INDArray source, boolean[] take) {
        INDArray m = exampleMask(take, target);
        INDArray keep = m.rsub(1.0);
        target.muli(keep.broadcast(target.shape())).addi(source.mul(m.broadcast(target.shape())));
    }
}
