package io.github.dl4jrvsm.deploy.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The tensors of a compiled network: each has a per-example shape ({@code [C, H, W]} or {@code [N]}) and a buffer.
 * A reshape (DL4J's flattening pre-processors) is a new tensor on the same buffer, which costs nothing: NCHW
 * flattened in C order is exactly DL4J's {@code CnnToFeedForwardPreProcessor} layout.
 */
final class Tensors {

    private final List<int[]> shapes = new ArrayList<>();
    private final List<Integer> buffers = new ArrayList<>();

    int add(int... shape) {
        shapes.add(shape.clone());
        buffers.add(shapes.size() - 1);
        return shapes.size() - 1;
    }

    /** A new view of {@code tensor}'s buffer with another shape of the same size. */
    int reshape(int tensor, int... shape) {
        if (size(shape) != size(tensor)) {
            throw new UnsupportedModelException("cannot view a tensor of shape " + Arrays.toString(shape(tensor))
                    + " as " + Arrays.toString(shape));
        }
        shapes.add(shape.clone());
        buffers.add(buffers.get(tensor));
        return shapes.size() - 1;
    }

    int[] shape(int tensor) {
        return shapes.get(tensor).clone();
    }

    int size(int tensor) {
        return size(shapes.get(tensor));
    }

    int count() {
        return shapes.size();
    }

    int buffer(int tensor) {
        return buffers.get(tensor);
    }

    private static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }
}
