package io.github.dl4jrvsm.cli;

/**
 * The values of {@code --batch-norm}: which batch-norm statistics the tested model carries. Whatever the choice, it
 * applies to every method alike, dense included, so that two rows of a table differ in their method only.
 */
enum BatchNormHandling {
    /**
     * Re-measured on the first 1,024 clean training images once the final weights are in place (and, for RVSM/RGSM,
     * after every epoch-end projection), for every method (ours; the default): the running averages were collected
     * while training {@code w}, and a sparse {@code u} far from it can otherwise lose accuracy to stale statistics
     * alone.
     */
    REESTIMATE,
    /**
     * The running averages of training, never re-measured, for every method (the authors' code, which tests {@code u}
     * with the statistics gathered while training; the dissertation's tables use it).
     */
    RUNNING;

    /** The command-line spelling (see {@link Spellings}). */
    @Override
    public String toString() {
        return Spellings.of(this);
    }
}
