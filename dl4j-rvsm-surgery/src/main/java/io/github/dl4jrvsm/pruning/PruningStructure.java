package io.github.dl4jrvsm.pruning;

import io.github.dl4jrvsm.core.internal.NamedLayer;
import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import io.github.dl4jrvsm.core.training.LayerSelection;
import org.deeplearning4j.nn.api.Model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one magnitude-pruning step removes from a layer: single weights, or whole output channels.
 *
 * <p>{@link #ELEMENTS} takes the weights of smallest |w| of a 2-D convolution, dense or output layer (the layers
 * RVSM sparsifies, {@link LayerSelection}). {@link #CHANNELS} takes the filters of smallest l1 norm of a 2-D
 * convolution as {@link L1FilterPruning} does, zeroing filter, bias and the gamma and beta of the batch norms after
 * it ({@link ChannelMasking}), so the channel is exactly 0; only convolutions qualify, as in Li et al. and
 * Distiller's filter sensitivity, since a dense layer's outputs are the classes or feed them directly.
 */
public enum PruningStructure {

    /** The smallest-magnitude weights of a convolution, dense or output layer. */
    ELEMENTS {
        @Override
        List<NamedLayer> layers(Model model, Set<String> requested) {
            return LayerSelection.select(NetworkAdapter.of(model).layers(), requested);
        }

        @Override
        long units(Model model, NamedLayer layer) {
            return NetworkAdapter.of(model).param(layer, "W").length();
        }

        @Override
        long prune(Model model, NamedLayer layer, double level) {
            return SmallestWeights.zero(NetworkAdapter.of(model).param(layer, "W"), level);
        }
    },

    /** The output channels (filters) of smallest l1 norm of a 2-D convolution. */
    CHANNELS {
        @Override
        List<NamedLayer> layers(Model model, Set<String> requested) {
            Map<String, PrunableConvolution> convs = ChannelMasking.convolutionsByName(model);
            for (String r : requested) {
                if (!convs.containsKey(r)) {
                    throw new IllegalArgumentException("Layer '" + r + "' is not a 2-D convolution of the model: "
                            + "channel pruning removes convolution filters; convolutions: " + convs.keySet()
                            + " (prune other layers element-wise)");
                }
            }
            List<NamedLayer> out = new ArrayList<>();
            for (NamedLayer l : NetworkAdapter.of(model).layers()) {
                if (convs.containsKey(l.name()) && (requested.isEmpty() || requested.contains(l.name()))) {
                    out.add(l);
                }
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("The model has no 2-D convolution whose channels could be pruned; "
                        + "layers: " + NetworkAdapter.of(model).layers().stream().map(l -> l.name() + " ("
                        + l.typeName() + ")").collect(Collectors.toList()) + " (prune them element-wise)");
            }
            return out;
        }

        @Override
        long units(Model model, NamedLayer layer) {
            return ChannelMasking.convolutionsByName(model).get(layer.name()).channels();
        }

        @Override
        long prune(Model model, NamedLayer layer, double level) {
            ChannelSelection s = L1FilterPruning.select(model, Map.of(layer.name(), level));
            ChannelMasking.zeroInPlace(model, s);
            return s.removedChannels();
        }
    };

    /**
     * The layers this structure can prune, in model order: all of them when {@code requested} is empty.
     *
     * @throws IllegalArgumentException naming a requested layer that is unknown or of a type this structure cannot
     *                                  prune, or when the model has no such layer at all
     */
    abstract List<NamedLayer> layers(Model model, Set<String> requested);

    /** How many weights ({@link #ELEMENTS}) or output channels ({@link #CHANNELS}) the layer has. */
    abstract long units(Model model, NamedLayer layer);

    /**
     * Zeroes the share {@code level} of the layer's units in place, smallest first.
     *
     * @return how many units were zeroed
     */
    abstract long prune(Model model, NamedLayer layer, double level);

    /** The lower-case name, as the CSV and the command line spell it. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
