package io.github.dl4jrvsm.deploy.runtime;

/**
 * One step of a compiled network: reads tensors {@link #inputs}, writes tensor {@link #output}. Tensors are flat
 * float arrays of {@code batch x size} values in NCHW order, owned by a {@link Plan}; an op never allocates.
 */
abstract class Op {

    final String name;
    final int[] inputs;
    int output;

    Op(String name, int[] inputs, int output) {
        this.name = name;
        this.inputs = inputs;
        this.output = output;
    }

    abstract void run(float[][] tensors, int batch, Parallel parallel);

    /** Takes over the activation that follows, if this op can apply it itself; true if it did. */
    boolean fuse(Activation activation) {
        return false;
    }
}
