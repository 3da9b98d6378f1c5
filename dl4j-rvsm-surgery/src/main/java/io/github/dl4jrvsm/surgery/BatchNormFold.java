package io.github.dl4jrvsm.surgery;

/**
 * What batch-norm folding does with one batch-norm layer: folded into the layer it reads, or kept and why.
 *
 * @param batchNorm name of the batch-norm layer ({@code layer3} for an unnamed MultiLayerNetwork layer)
 * @param producer  name of the convolution or dense layer it is folded into, or null when kept
 * @param why       null when folded; otherwise why it is kept, e.g. that it reads a residual add
 * @param activation name of the activation layer that directly followed the batch norm and now is the producer's own
 *                   activation (one layer call fewer), or null
 */
public record BatchNormFold(String batchNorm, String producer, String why, String activation) {

    public BatchNormFold {
        if ((producer == null) == (why == null)) {
            throw new IllegalArgumentException("exactly one of producer and why must be set for " + batchNorm
                    + ", got producer " + producer + " and why " + why);
        }
        if (activation != null && producer == null) {
            throw new IllegalArgumentException("activation " + activation + " can only be fused when " + batchNorm
                    + " is folded");
        }
    }

    public BatchNormFold(String batchNorm, String producer, String why) {
        this(batchNorm, producer, why, null);
    }

    static BatchNormFold folded(String batchNorm, String producer, String activation) {
        return new BatchNormFold(batchNorm, producer, null, activation);
    }

    static BatchNormFold kept(String batchNorm, String why) {
        return new BatchNormFold(batchNorm, null, why, null);
    }

    public boolean isFolded() {
        return producer != null;
    }

    /** {@code bn -> conv}, {@code bn -> conv (relu fused)} or {@code bn kept: why}. */
    public String describe() {
        if (!isFolded()) {
            return batchNorm + " kept: " + why;
        }
        return batchNorm + " -> " + producer + (activation == null ? "" : " (" + activation + " fused)");
    }
}
