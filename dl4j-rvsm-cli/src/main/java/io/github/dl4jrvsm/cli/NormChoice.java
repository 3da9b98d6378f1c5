package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.adversarial.attack.Norm;

/** The values of {@code --norm}: the threat model's distance. */
enum NormChoice {
    LINF(Norm.LINF),
    L2(Norm.L2);

    private final Norm norm;

    NormChoice(Norm norm) {
        this.norm = norm;
    }

    Norm norm() {
        return norm;
    }

    /** The command-line spelling (see {@link Spellings}). */
    @Override
    public String toString() {
        return Spellings.of(this);
    }
}
