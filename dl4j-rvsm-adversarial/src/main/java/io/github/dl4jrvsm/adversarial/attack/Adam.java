package io.github.dl4jrvsm.adversarial.attack;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The Adam update the optimisation attacks use on their perturbation variable (Kingma and Ba 2015). */
final class Adam {

    private final double learningRate;
    private final INDArray m;
    private final INDArray v;
    private int t;

    Adam(double learningRate, INDArray like) {
        this.learningRate = learningRate;
        this.m = like.mul(0);
        this.v = like.mul(0);
    }

    /** Moves {@code variable} in place one step down {@code gradient}. */
    void descend(INDArray variable, INDArray gradient) {
        t++;
        m.muli(0.9).addi(gradient.mul(0.1));
        v.muli(0.999).addi(gradient.mul(gradient).muli(0.001));
        double correction = Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
        variable.subi(m.mul(learningRate * correction).divi(Transforms.sqrt(v, true).addi(1e-8)));
    }
}
