package io.github.dl4jrvsm.deploy.runtime;

/**
 * An op that writes each channel (or each value) on its own, so it can apply an element-wise activation as it goes,
 * but not a softmax, which needs the whole example at once.
 */
abstract class PerChannelOp extends Op {

    PerChannelOp(String name, int[] inputs, int output) {
        super(name, inputs, output);
    }

    @Override
    final boolean canApply(Activation a) {
        return a != Activation.SOFTMAX;
    }
}
