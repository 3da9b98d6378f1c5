package io.github.dl4jrvsm.deploy.runtime;

/**
 * Settings of a {@link SparseRuntime}.
 *
 * @param threads    threads one call may use; 1 (the default) runs on the caller's thread, which is fastest for
 *                   small networks at batch 1, where handing work to other threads costs more than it saves
 * @param sparseFrom the share of zero weights from which a layer runs its sparse kernel; 0 makes every layer sparse,
 *                   above 1 none. The default 0.5 is where skipping zeros starts to pay for its index on this
 *                   runtime's kernels (see docs/PERFORMANCE.md)
 */
public record RuntimeOptions(int threads, double sparseFrom) {

    public RuntimeOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (!(sparseFrom >= 0)) {
            throw new IllegalArgumentException("sparseFrom must be a share >= 0 (above 1: never sparse), got "
                    + sparseFrom);
        }
    }

    public static RuntimeOptions defaults() {
        return new RuntimeOptions(1, 0.5);
    }

    public RuntimeOptions withThreads(int n) {
        return new RuntimeOptions(n, sparseFrom);
    }

    public RuntimeOptions withSparseFrom(double share) {
        return new RuntimeOptions(threads, share);
    }
}
