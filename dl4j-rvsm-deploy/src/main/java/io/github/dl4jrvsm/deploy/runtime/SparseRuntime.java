package io.github.dl4jrvsm.deploy.runtime;

import io.github.dl4jrvsm.deploy.SparseModelFile;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a trained DL4J network for inference without DL4J's kernels: layers whose weights are mostly zero run sparse
 * kernels that skip the zeros, the others dense ones; batch norm is folded into the layer before it.
 *
 * <pre>{@code
 * try (SparseRuntime runtime = SparseRuntime.compile(sparseNet, RuntimeOptions.defaults(), 1, 28, 28)) {
 *     float[] probabilities = runtime.predict(pixels, 1);
 * }
 * }</pre>
 *
 * <p>Buffers are allocated once per batch size and reused, so a call allocates no tensors. Calls are serialised
 * (the buffers are shared); use one runtime per thread to serve concurrently, and {@link RuntimeOptions#threads} to
 * parallelise one call. Close it to stop its worker threads.
 */
public final class SparseRuntime implements AutoCloseable {

    private final List<Op> ops;
    private final Tensors tensors;
    private final int input;
    private final int output;
    private final Parallel parallel;
    private final Map<Integer, Plan> plans = new HashMap<>();

    private SparseRuntime(Lowering lowered, Parallel parallel) {
        this.tensors = lowered.tensors;
        this.input = lowered.input;
        this.output = lowered.output;
        this.ops = List.copyOf(Fusion.apply(lowered.ops, lowered.tensors, lowered.output));
        this.parallel = parallel;
    }

    /**
     * @param inputShape one example's shape: {@code channels, height, width} for images, or {@code features}
     */
    public static SparseRuntime compile(Model model, RuntimeOptions options, int... inputShape) {
        if (inputShape == null || inputShape.length == 0 || Arrays.stream(inputShape).anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("inputShape must give one example's shape, e.g. 1, 28, 28, got "
                    + Arrays.toString(inputShape));
        }
        return new SparseRuntime(Lowering.of(model, inputShape, options.sparseFrom()), new Parallel(options.threads()));
    }

    /** Loads a {@code .rvsmz} file (see {@link SparseModelFile}) and compiles it. */
    public static SparseRuntime load(Path file, RuntimeOptions options, int... inputShape) throws IOException {
        return compile(SparseModelFile.read(file), options, inputShape);
    }

    /** The shape of one example's output. */
    public int[] outputShape() {
        return tensors.shape(output);
    }

    /**
     * Writes the outputs of {@code batch} examples ({@code input} in NCHW order, {@code batch x inputSize} values)
     * into {@code result}; allocates nothing once this batch size has been seen.
     */
    public synchronized void predict(float[] in, int batch, float[] result) {
        int inSize = tensors.size(input);
        int outSize = tensors.size(output);
        if (batch < 1 || in.length != batch * inSize || result.length != batch * outSize) {
            throw new IllegalArgumentException("a batch of " + batch + " needs " + batch * inSize + " input values and "
                    + batch * outSize + " result values (one example is " + Arrays.toString(tensors.shape(input))
                    + "), got " + in.length + " and " + result.length);
        }
        Plan plan = plans.computeIfAbsent(batch, b -> new Plan(tensors, b));
        System.arraycopy(in, 0, plan.tensors[input], 0, in.length);
        for (Op op : ops) {
            op.run(plan.tensors, batch, parallel);
        }
        System.arraycopy(plan.tensors[output], 0, result, 0, result.length);
    }

    public float[] predict(float[] in, int batch) {
        float[] result = new float[batch * tensors.size(output)];
        predict(in, batch, result);
        return result;
    }

    /** {@code x} of shape {@code [batch, ...inputShape]} (or flattened to {@code [batch, inputSize]}). */
    public INDArray predict(INDArray x) {
        int batch = (int) x.size(0);
        float[] out = predict(x.castTo(DataType.FLOAT).dup('c').data().asFloat(), batch);
        return Nd4j.create(out, new long[]{batch, out.length / batch}, 'c');
    }

    /** Per op: its name, kind and stored weights, for reports. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (Op op : ops) {
            sb.append(op.name).append(": ").append(op.getClass().getSimpleName());
            if (op instanceof ConvolutionOp c) {
                sb.append(", ").append(c.storedWeights()).append(" weights stored");
            } else if (op instanceof FullyConnectedOp f) {
                sb.append(", ").append(f.storedWeights()).append(" weights stored");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public void close() {
        parallel.close();
    }
}
