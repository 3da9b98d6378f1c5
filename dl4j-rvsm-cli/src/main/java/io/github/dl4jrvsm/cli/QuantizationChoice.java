package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.deploy.Quantization;

/** The values of {@code --quantize}. */
enum QuantizationChoice {
    NONE(Quantization.NONE), FP16(Quantization.FP16), INT8(Quantization.INT8);

    final Quantization quantization;

    QuantizationChoice(Quantization q) {
        this.quantization = q;
    }

    /** The command-line spelling (see {@link Spellings}). */
    @Override
    public String toString() {
        return Spellings.of(this);
    }
}
