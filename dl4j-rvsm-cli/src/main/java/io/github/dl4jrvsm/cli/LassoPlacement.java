package io.github.dl4jrvsm.cli;

/**
 * The values of {@code --lasso-in}: where RGSM's group-lasso term ({@code --lambda2} of {@code group-l0-lasso}) acts.
 * The authors' code adds it to the training loss and thresholds with group l0 alone; the dissertation writes both
 * terms into the prox.
 */
enum LassoPlacement {
    /** In the training loss, through the optimizer (the authors' code; the default). */
    LOSS,
    /** In the prox, together with group l0 (the dissertation's formula). */
    PROX;

    /** The command-line spelling (see {@link Spellings}). */
    @Override
    public String toString() {
        return Spellings.of(this);
    }
}
