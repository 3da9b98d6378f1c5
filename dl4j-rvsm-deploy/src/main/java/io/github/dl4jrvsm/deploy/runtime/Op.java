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

    /** The activation this op applies to what it writes; identity until one is fused in. */
    Activation activation = Activation.IDENTITY;

    /** Runs the op on a plan's tensors. */
    final void run(float[][] tensors, int batch, Parallel parallel) {
        compute(tensors[inputs[0]], tensors[output], batch, parallel, tensors);
    }

    /**
     * Reads {@code in} (the first input), writes {@code out}; {@code tensors} for an op with more inputs.
     */
    abstract void compute(float[] in, float[] out, int batch, Parallel parallel, float[][] tensors);

    /** Which activations this op can apply itself; none unless an op says so. */
    boolean canApply(Activation a) {
        return false;
    }

    /** Takes over the activation that follows, if this op can apply it itself; true if it did. */
    final boolean fuse(Activation a) {
        if (activation != Activation.IDENTITY || !canApply(a)) {
            return false;
        }
        activation = a;
        return true;
    }
}
