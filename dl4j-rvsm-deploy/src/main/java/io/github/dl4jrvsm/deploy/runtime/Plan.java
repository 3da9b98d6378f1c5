package io.github.dl4jrvsm.deploy.runtime;

/**
 * The buffers of one batch size, allocated once: every later call with that batch size reuses them. Views share
 * their base tensor's array.
 */
final class Plan {

    final int batch;
    final float[][] tensors;

    Plan(Tensors t, int batch) {
        this.batch = batch;
        this.tensors = new float[t.count()][];
        for (int i = 0; i < t.count(); i++) {
            int base = t.buffer(i);
            tensors[i] = base == i ? new float[batch * t.size(i)] : tensors[base];
        }
    }
}
