package io.github.dl4jrvsm.theory;

import io.github.dl4jrvsm.core.internal.Validate;

import java.util.function.UnaryOperator;

/**
 * What the two non-overlap models of chapter 3 share: {@code k} patches, one filter of the patch size {@code d}, and a
 * teacher filter {@code w*} that produces the labels. The solvers need no more than this and the loss.
 */
abstract sealed class TeacherNetwork permits NonOverlapNetwork, BinarizedNonOverlapNetwork {

    /** Number of patches. */
    final int k;
    /** The teacher filter as the model keeps it (the binarized model keeps only its direction). */
    final double[] teacher;

    /** @param keep how the model stores the checked teacher: a copy, or its unit vector */
    TeacherNetwork(int k, double[] teacher, UnaryOperator<double[]> keep) {
        this.k = Validate.atLeastOne("k (number of patches)", k);
        this.teacher = keep.apply(Validate.nonZeroVector("teacher w*", teacher));
    }

    /** The number of patches {@code k}. */
    public int patches() {
        return k;
    }

    /** The patch size {@code d}, the length of the filter. */
    public int patchSize() {
        return teacher.length;
    }

    /** A copy of the teacher filter {@code w*} (the binarized model's is the unit direction {@code w* / |w*|}). */
    public double[] teacher() {
        return teacher.clone();
    }

    /** The population loss {@code f(w)}. */
    public abstract double loss(double[] w);

    /** {@code theta(w, w*)} in {@code [0, pi]}; {@code w} must be non-zero. */
    public double angleToTeacher(double[] w) {
        filter("w", w);
        Validate.nonZeroVector("w", w);
        return Vectors.angle(w, teacher);
    }

    /**
     * The direction a splitting solver descends on this model: the loss gradient where it exists (Algorithm 1), the
     * expected coarse gradient where the per-sample gradient vanishes (Algorithm 2).
     */
    abstract double[] descent(double[] w);

    /** What a solver's start vector must satisfy, for the message when it does not. */
    abstract String startRequirement();

    /** Checks that {@code w} is a finite filter of the patch size. */
    double[] filter(String name, double[] w) {
        return Validate.vectorOfLength(name, w, patchSize(), Vectors.PATCH_SIZE);
    }
}
