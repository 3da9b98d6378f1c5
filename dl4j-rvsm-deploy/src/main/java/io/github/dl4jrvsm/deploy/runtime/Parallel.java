package io.github.dl4jrvsm.deploy.runtime;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

/**
 * Runs a loop body over {@code [0, n)} on a fixed number of threads. With one thread the body runs inline, which is
 * the fastest at batch 1 for small networks (a hand-off costs more than a small layer).
 */
final class Parallel implements AutoCloseable {

    private final int threads;
    private final ForkJoinPool pool;

    Parallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads);
    }

    int threads() {
        return threads;
    }

    void forEach(int n, IntConsumer body) {
        if (pool == null || n == 1) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
            return;
        }
        pool.invoke(new Range(0, n, Math.max(1, n / (4 * threads)), body));
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }

    private static final class Range extends RecursiveAction {
        private final int from;
        private final int to;
        private final int grain;
        private final IntConsumer body;

        Range(int from, int to, int grain, IntConsumer body) {
            this.from = from;
            this.to = to;
            this.grain = grain;
            this.body = body;
        }

        @Override
        protected void compute() {
            if (to - from <= grain) {
                for (int i = from; i < to; i++) {
                    body.accept(i);
                }
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new Range(from, mid, grain, body), new Range(mid, to, grain, body));
        }
    }
}
