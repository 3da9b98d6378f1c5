package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.core.internal.NamedLayer;
import io.github.dl4jrvsm.core.training.SparseTraining;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;

/** The values of {@code --sparse-layers}: which of a model's weights the sparse method works on. */
enum SparseLayers {
    /** Convolutions and dense layers: the library's default. */
    ALL {
        @Override
        SparseTraining restrict(SparseTraining training, Model model) {
            return training;
        }
    },
    /** Convolutions only, as the authors' code does; the tables compare with it. */
    CONV {
        @Override
        SparseTraining restrict(SparseTraining training, Model model) {
            return training.withLayers(NamedLayer.of(model).stream()
                    .filter(l -> l.config() instanceof ConvolutionLayer)
                    .map(NamedLayer::name).toArray(String[]::new));
        }
    };

    /** {@code training} limited to this choice of {@code model}'s layers. */
    abstract SparseTraining restrict(SparseTraining training, Model model);

    /** The command-line spelling (see {@link Spellings}). */
    @Override
    public String toString() {
        return Spellings.of(this);
    }
}
