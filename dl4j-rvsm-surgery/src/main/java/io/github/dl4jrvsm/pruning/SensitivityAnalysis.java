package io.github.dl4jrvsm.pruning;

import io.github.dl4jrvsm.core.internal.NamedLayer;
import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import io.github.dl4jrvsm.core.internal.Validate;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * Pruning sensitivity analysis, as Distiller's: prune one layer at a time by magnitude at several levels, measure
 * the accuracy each time with every other layer intact, restore the layer, go on. The curves show which layers
 * tolerate pruning (flat curve) and which do not (early drop), the input for choosing per-layer targets, e.g. the
 * per-layer rates of {@link L1FilterPruning} (Li et al. chose theirs this way).
 *
 * <pre>{@code
 * SensitivityResult r = new SensitivityAnalysis().withStructure(PruningStructure.CHANNELS).run(model, validation);
 * r.writeCsv(Path.of("sensitivity.csv"));
 * Map<String, Double> rates = r.levelsWithin(0.01);
 * }</pre>
 *
 * <p>Defaults: levels 10%, 20%, ..., 90% (Distiller's grid); {@link PruningStructure#ELEMENTS}; every layer the
 * structure can prune. Each level starts from the unpruned layer, not from the previous level. The analysis works
 * on a copy: the model passed in is never changed. Immutable: every {@code with} method returns a changed copy.
 */
public final class SensitivityAnalysis {

    private static final double[] DEFAULT_LEVELS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    private final double[] levels;
    private final PruningStructure structure;
    private final Set<String> layers;

    public SensitivityAnalysis() {
        this(DEFAULT_LEVELS, PruningStructure.ELEMENTS, Set.of());
    }

    private SensitivityAnalysis(double[] levels, PruningStructure structure, Set<String> layers) {
        this.levels = levels;
        this.structure = structure;
        this.layers = layers;
    }

    /**
     * A copy measuring these levels (shares of a layer pruned), each in (0, 1), no level twice; measured in
     * ascending order.
     */
    public SensitivityAnalysis withLevels(double... levels) {
        Validate.check(levels != null && levels.length > 0, () -> "levels must name at least one share in (0, 1), "
                + "e.g. 0.1, 0.5, 0.9; got none");
        double[] sorted = levels.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            Validate.inRange("level", sorted[i], sorted[i] > 0 && sorted[i] < 1,
                    "(0, 1) (the share of a layer's weights or channels pruned)");
            double level = sorted[i];
            Validate.check(i == 0 || sorted[i - 1] != level, () -> "level " + level + " is given twice");
        }
        return new SensitivityAnalysis(sorted, structure, layers);
    }

    /** A copy pruning single weights ({@link PruningStructure#ELEMENTS}) or whole output channels. */
    public SensitivityAnalysis withStructure(PruningStructure structure) {
        return new SensitivityAnalysis(levels, Validate.notNull("structure", structure, "ELEMENTS or CHANNELS"),
                layers);
    }

    /**
     * A copy analysing only these layers (by name; checked against the model when it runs). Without this call every
     * layer the structure can prune is analysed.
     */
    public SensitivityAnalysis withLayers(List<String> names) {
        Validate.check(names != null && !names.isEmpty(), () -> "layers must name at least one layer; leave "
                + "withLayers out to analyse every layer, got " + names);
        for (String n : names) {
            Validate.check(n != null && !n.isBlank(), () -> "layer names must not be blank, got " + names);
        }
        return new SensitivityAnalysis(levels, structure, Set.copyOf(names));
    }

    /** The levels measured, ascending. */
    public double[] levels() {
        return levels.clone();
    }

    public PruningStructure structure() {
        return structure;
    }

    /**
     * The names of the layers {@link #run} would prune, in model order.
     *
     * @throws IllegalArgumentException naming a requested layer the structure cannot prune
     */
    public List<String> layers(Model model) {
        return structure.layers(model, layers).stream().map(NamedLayer::name).toList();
    }

    /** {@link #run(Model, ToDoubleFunction)} scored by classification accuracy on {@code data}. */
    public SensitivityResult run(Model model, DataSetIterator data) {
        return run(model, data, p -> { });
    }

    /** {@link #run(Model, DataSetIterator)} handing each point to {@code each} as soon as it is measured. */
    public SensitivityResult run(Model model, DataSetIterator data, Consumer<SensitivityResult.Point> each) {
        Validate.check(data != null && data.resetSupported(), () -> "data must be a DataSetIterator that can be "
                + "reset (it is read once per measurement), got " + data);
        return run(model, m -> {
            data.reset();
            return NetworkAdapter.of(m).evaluate(data).accuracy();
        }, each);
    }

    /**
     * Runs the analysis with any score where higher is better (e.g. robust accuracy under an attack).
     *
     * @param score measures the model as it is at the time of the call; must not change it
     */
    public SensitivityResult run(Model model, ToDoubleFunction<Model> score) {
        return run(model, score, p -> { });
    }

    /**
     * {@link #run(Model, ToDoubleFunction)} that also hands each point to {@code each} as soon as it is measured
     * (for progress output: a deep network takes layers x levels measurements).
     *
     * @throws IllegalArgumentException naming a requested layer the structure cannot prune, before anything is
     *                                  measured
     */
    public SensitivityResult run(Model model, ToDoubleFunction<Model> score, Consumer<SensitivityResult.Point> each) {
        Validate.notNull("score", score, "a function from the model to its accuracy");
        Validate.notNull("each", each, "a consumer of the measured points (p -> { } for none)");
        List<NamedLayer> chosen = structure.layers(model, layers);
        Model work = NetworkAdapter.of(model).copy();
        // one copy of every parameter: restoring all of them undoes the layer and, for channels, its batch norms
        INDArray original = work.params().dup();
        double baseline = score.applyAsDouble(work);
        List<SensitivityResult.Point> points = new ArrayList<>();
        for (NamedLayer layer : chosen) {
            long total = structure.units(work, layer);
            for (double level : levels) {
                try {
                    long pruned = structure.prune(work, layer, level);
                    double accuracy = score.applyAsDouble(work);
                    SensitivityResult.Point p = new SensitivityResult.Point(layer.name(), level, accuracy,
                            baseline - accuracy, pruned, total);
                    points.add(p);
                    each.accept(p);
                } finally {
                    work.params().assign(original);
                }
            }
        }
        return new SensitivityResult(structure, baseline, points);
    }
}
