package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.core.admm.MagnitudeProjection;
import io.github.dl4jrvsm.core.prox.ChannelGrouping;

/** The values of {@code --admm-structure}: what ADMM's projection keeps or removes as one piece. */
enum AdmmStructure {
    ELEMENT {
        @Override
        MagnitudeProjection projection(double pruneFraction, ChannelGrouping grouping) {
            return MagnitudeProjection.elementwise(pruneFraction);
        }
    },
    CHANNEL {
        @Override
        MagnitudeProjection projection(double pruneFraction, ChannelGrouping grouping) {
            return MagnitudeProjection.channels(pruneFraction, grouping);
        }
    };

    /** The projection that prunes {@code pruneFraction} of the weights (element) or of the channels (channel). */
    abstract MagnitudeProjection projection(double pruneFraction, ChannelGrouping grouping);

    /** The command-line spelling (see {@link Spellings}). */
    @Override
    public String toString() {
        return Spellings.of(this);
    }
}
