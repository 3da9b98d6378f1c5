package io.github.dl4jrvsm.pruning;

import io.github.dl4jrvsm.core.internal.Validate;
import io.github.dl4jrvsm.core.persist.AtomicFiles;
import org.deeplearning4j.nn.api.Model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of a {@link SensitivityAnalysis}: the unpruned accuracy and, per layer and level, the accuracy with
 * only that layer pruned.
 *
 * @param structure what was pruned (weights or channels)
 * @param baseline  the accuracy of the unpruned model
 * @param points    one per layer and level, layers in model order, levels ascending
 */
public record SensitivityResult(PruningStructure structure, double baseline, List<Point> points) {

    /** The CSV header; {@link #toCsv()} writes one row per point under it. */
    public static final String CSV_HEADER = "layer,level,structure,accuracy,drop,pruned,total";

    /**
     * One measurement.
     *
     * @param layer    the pruned layer (DL4J's name; unnamed MultiLayerNetwork layers are {@code layer<i>})
     * @param level    the share of the layer's weights or channels pruned
     * @param accuracy the accuracy with that share pruned and every other layer intact
     * @param drop     {@code baseline - accuracy}: how much the pruning cost (negative if it helped)
     * @param pruned   weights or channels set to zero, {@code floor(level * total)}
     * @param total    weights or output channels of the layer
     */
    public record Point(String layer, double level, double accuracy, double drop, long pruned, long total) {
    }

    public SensitivityResult {
        Validate.notNull("structure", structure, "ELEMENTS or CHANNELS");
        points = List.copyOf(Validate.notNull("points", points, "a list of points (empty for none)"));
    }

    /** The layers, in model order. */
    public List<String> layers() {
        return List.copyOf(new LinkedHashSet<>(points.stream().map(Point::layer).toList()));
    }

    /** One layer's points, levels ascending. */
    public List<Point> curve(String layer) {
        List<Point> c = points.stream().filter(p -> p.layer().equals(layer)).toList();
        Validate.check(!c.isEmpty(), () -> "no layer '" + layer + "' in the result; layers: " + layers());
        return c;
    }

    /**
     * Per layer, the largest level whose accuracy, and that of every lower level, stays within {@code maxDrop} of
     * the baseline; 0 for a layer that loses more already at its lowest level. A first per-layer target: the map
     * can be given to {@link L1FilterPruning#select(Model, Map)} for channels. Lower
     * levels must stay within as well because a single lucky measurement at a high level is noise, not headroom.
     *
     * @param maxDrop the accuracy a layer may cost, e.g. 0.01 for one percentage point
     */
    public Map<String, Double> levelsWithin(double maxDrop) {
        Validate.inRange("maxDrop", maxDrop, maxDrop >= 0 && maxDrop <= 1, "[0, 1] (an accuracy difference)");
        Map<String, Double> out = new LinkedHashMap<>();
        for (String layer : layers()) {
            double level = 0;
            for (Point p : curve(layer)) {
                if (!(p.drop() <= maxDrop)) {
                    break;
                }
                level = p.level();
            }
            out.put(layer, level);
        }
        return out;
    }

    /** {@link #CSV_HEADER} and one line per point; layer names with a comma or quote are quoted. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (Point p : points) {
            sb.append(csvField(p.layer())).append(String.format(Locale.ROOT, ",%s,%s,%.6f,%.6f,%d,%d%n", p.level(),
                    structure, p.accuracy(), p.drop(), p.pruned(), p.total()));
        }
        return sb.toString();
    }

    /** Writes {@link #toCsv()} through a temporary file and an atomic move. */
    public void writeCsv(Path file) throws IOException {
        AtomicFiles.writeString(file, toCsv());
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
