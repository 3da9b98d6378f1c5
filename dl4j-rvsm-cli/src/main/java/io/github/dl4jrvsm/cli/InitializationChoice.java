package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.zoo.Initialization;

/** The values of {@code --init} (see {@link Initialization}). */
enum InitializationChoice {
    AUTHORS(Initialization.AUTHORS), LIBRARY(Initialization.LIBRARY);

    final Initialization initialization;

    InitializationChoice(Initialization i) {
        this.initialization = i;
    }

    /** The command-line spelling (see {@link Spellings}). */
    @Override
    public String toString() {
        return Spellings.of(this);
    }
}
