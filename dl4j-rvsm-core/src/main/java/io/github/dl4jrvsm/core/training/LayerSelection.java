package io.github.dl4jrvsm.core.training;

import io.github.dl4jrvsm.core.internal.NamedLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which layers' weights a sparse method acts on and rejects requests it cannot honour.
 *
 * <p>Supported are 2-D convolution ({@code [nOut, nIn, kH, kW]} kernels) and dense/output layers
 * ({@code [nIn, nOut]}). Biases and batch-norm parameters are never sparsified: DL4J only hands weight parameters to
 * a layer's regularization. Depthwise, separable, transposed, 1-D and 3-D convolutions store their kernels in other
 * layouts, so the channel groups would be wrong; they are refused by name rather than silently mis-grouped. Layers
 * frozen by DL4J's {@code TransferLearning} are left alone: only the layers that train are sparsified.
 */
public final class LayerSelection {

    private LayerSelection() {
    }

    /** Whether the layer holds exactly the weight layouts the penalties understand. */
    public static boolean isSupported(Layer layer) {
        Class<?> c = layer.getClass();
        return c == ConvolutionLayer.class || c == DenseLayer.class || c == OutputLayer.class;
    }

    /**
     * @param layers    all layers of the model
     * @param requested layer names (a parameter key {@code name_W} is accepted for the layer's weight); empty means
     *                  every supported layer
     * @return the selected layers in model order
     * @throws IllegalArgumentException naming an unknown layer, a parameter that is not a weight, or an
     *                                  unsupported layer type
     */
    public static List<NamedLayer> select(List<NamedLayer> layers, Set<String> requested) {
        List<NamedLayer> out = new ArrayList<>();
        if (requested == null || requested.isEmpty()) {
            for (NamedLayer l : layers) {
                if (isSupported(l.config()) && !l.frozen()) {
                    out.add(l);
                }
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("The model has no unfrozen convolution or dense layer to sparsify; "
                        + "layers: " + describe(layers));
            }
            return out;
        }
        Set<String> names = new LinkedHashSet<>();
        for (String r : requested) {
            names.add(resolve(layers, r));
        }
        for (NamedLayer l : layers) {
            if (names.contains(l.name())) {
                out.add(l);
            }
        }
        return out;
    }

    private static String resolve(List<NamedLayer> layers, String requested) {
        NamedLayer exact = find(layers, requested);
        if (exact != null) {
            requireWeights(exact, requested);
            return exact.name();
        }
        int cut = requested.lastIndexOf('_');
        if (cut > 0) {
            NamedLayer owner = find(layers, requested.substring(0, cut));
            String param = requested.substring(cut + 1);
            if (owner != null) {
                if (!param.equals("W")) {
                    throw new IllegalArgumentException("Parameter '" + requested + "' is not a weight: biases and "
                            + "batch-norm parameters are never sparsified. Use the layer name '" + owner.name()
                            + "' or '" + owner.name() + "_W'.");
                }
                requireWeights(owner, requested);
                return owner.name();
            }
        }
        throw new IllegalArgumentException("Unknown layer '" + requested + "'. Layers with sparsifiable weights: "
                + describe(layers.stream().filter(l -> isSupported(l.config())).toList()));
    }

    private static void requireWeights(NamedLayer l, String requested) {
        if (l.frozen()) {
            throw new IllegalArgumentException("Layer '" + requested + "' is frozen (" + l.typeName() + ", as "
                    + "TransferLearning's setFeatureExtractor leaves it): its weights do not train, so neither the "
                    + "sparse methods nor pruning touch them. Name a layer that trains, or leave the layers unnamed to "
                    + "take every unfrozen convolution and dense layer.");
        }
        if (l.config() instanceof BatchNormalization) {
            throw new IllegalArgumentException("Layer '" + requested + "' is a BatchNormalization layer: its gamma, "
                    + "beta and running statistics are never sparsified. Choose a convolution or dense layer.");
        }
        if (!isSupported(l.config())) {
            throw new IllegalArgumentException("Layer '" + requested + "' has type " + l.typeName() + ", which is not "
                    + "supported; supported types: ConvolutionLayer (2-D), DenseLayer, OutputLayer.");
        }
    }

    private static NamedLayer find(List<NamedLayer> layers, String name) {
        for (NamedLayer l : layers) {
            if (l.name().equals(name)) {
                return l;
            }
        }
        return null;
    }

    private static String describe(List<NamedLayer> layers) {
        List<String> s = new ArrayList<>();
        for (NamedLayer l : layers) {
            s.add(l.name() + " (" + l.typeName() + ")");
        }
        return s.toString();
    }
}
