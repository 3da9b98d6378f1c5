package io.github.dl4jrvsm.core.surgery;

/**
 * What batch-norm folding does with one batch-norm layer: folded into the layer it reads, or kept and why.
 *
 * @param batchNorm name of the batch-norm layer ({@code layer3} for an unnamed MultiLayerNetwork layer)
 * @param producer  name of the convolution or dense layer it is folded into, or null when kept
 * @param why       null when folded; otherwise why it is kept, e.g. that it reads a residual add
 */
public record BatchNormFold(String batchNorm, String producer, String why) {

    public BatchNormFold {
        if ((producer == null) == (why == null)) {
            throw new IllegalArgumentException("exactly one of producer and why must be set for " + batchNorm
                    + ", got producer " + producer + " and why " + why);
        }
    }

    static BatchNormFold folded(String batchNorm, String producer) {
        return new BatchNormFold(batchNorm, producer, null);
    }

    static BatchNormFold kept(String batchNorm, String why) {
        return new BatchNormFold(batchNorm, null, why);
    }

    public boolean isFolded() {
        return producer != null;
    }

    /** {@code bn -> conv} or {@code bn kept: why}. */
    public String describe() {
        return isFolded() ? batchNorm + " -> " + producer : batchNorm + " kept: " + why;
    }
}
