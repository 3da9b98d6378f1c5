package io.github.dl4jrvsm.deploy.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Merges ops so each tensor is written once where DL4J writes it several times: a batch norm that follows a
 * convolution or dense layer is folded into its weights ({@code W' = a W}, {@code b' = a b + shift}; zero weights
 * stay zero, so sparsity survives), and an activation is applied by the op before it while that op's output is
 * still in cache. Only where the first op's output has no other reader.
 */
final class Fusion {

    private Fusion() {
    }

    static List<Op> apply(List<Op> ops, Tensors tensors, int networkOutput) {
        List<Op> out = new ArrayList<>(ops);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 1; i < out.size(); i++) {
                Op op = out.get(i);
                Op producer = producerOf(out, op.inputs[0], i);
                if (producer == null || op.inputs.length != 1 || readers(out, tensors, producer.output) != 1
                        || tensors.buffer(producer.output) == tensors.buffer(networkOutput)) {
                    continue;
                }
                boolean merged = false;
                if (op instanceof ChannelAffineOp bn && producer instanceof Foldable f) {
                    merged = f.fold(bn.scale, bn.shift);
                } else if (op instanceof ActivationOp a) {
                    merged = producer.fuse(a.activation);
                }
                if (merged) {
                    producer.output = op.output;
                    out.remove(i);
                    changed = true;
                    break;
                }
            }
        }
        return out;
    }

    /** An op whose weights can absorb a per-output-channel affine map. */
    interface Foldable {
        boolean fold(float[] scale, float[] shift);
    }

    private static Op producerOf(List<Op> ops, int tensor, int before) {
        for (int i = before - 1; i >= 0; i--) {
            if (ops.get(i).output == tensor) {
                return ops.get(i);
            }
        }
        return null;
    }

    /** Readers of the tensor's buffer, through any of its views. */
    private static int readers(List<Op> ops, Tensors tensors, int tensor) {
        int n = 0;
        for (Op op : ops) {
            for (int in : op.inputs) {
                if (tensors.buffer(in) == tensors.buffer(tensor)) {
                    n++;
                }
            }
        }
        return n;
    }
}
