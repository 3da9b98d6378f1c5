package io.github.dl4jrvsm.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dl4jrvsm.cli.plots.FrontierPlot;
import io.github.dl4jrvsm.core.training.SparsityListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's picture of how {@code u} became sparse: the {@link SparsityListener}'s records of a run
 * ({@value RunDirectory#SPARSITY_LOG}) as one line per sparse layer and one for the whole model, against the share of
 * the run's iterations done. The per-epoch table says where sparsity ended; this shows whether it came early (lambda
 * large against the weights' scale) or still rose at the end (more epochs would give more).
 */
final class SparsityTrajectory {

    static final String PLOT = "sparsity.png";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private SparsityTrajectory() {
    }

    /** The run's records, in the order they were written; empty when the run had no sparse method. */
    static List<SparsityListener.Record> read(Path runDir) throws IOException {
        Path log = runDir.resolve(RunDirectory.SPARSITY_LOG);
        List<SparsityListener.Record> records = new ArrayList<>();
        if (!Files.isRegularFile(log)) {
            return records;
        }
        for (String line : Files.readAllLines(log)) {
            if (!line.isBlank()) {
                records.add(JSON.readValue(line, SparsityListener.Record.class));
            }
        }
        return records;
    }

    /** Writes {@value #PLOT} into the run directory; false (nothing written) when there is nothing to draw. */
    static boolean plot(Path runDir) throws IOException {
        List<SparsityListener.Record> records = read(runDir);
        int last = records.stream().mapToInt(SparsityListener.Record::iteration).max().orElse(0);
        if (records.size() < 2 || last == 0) {
            return false;
        }
        Map<String, List<FrontierPlot.Point>> lines = new LinkedHashMap<>();
        for (SparsityListener.Record r : records) {
            double x = (double) r.iteration() / last;
            lines.computeIfAbsent("whole model", k -> new ArrayList<>()).add(new FrontierPlot.Point(x, r.modelSparsity()));
            for (SparsityListener.LayerRecord l : r.layers()) {
                lines.computeIfAbsent(l.layer(), k -> new ArrayList<>())
                        .add(new FrontierPlot.Point(x, l.weights() == 0 ? 0 : (double) l.zeros() / l.weights()));
            }
        }
        FrontierPlot plot = new FrontierPlot().title("Zeros in u while training")
                .axes("share of the run's iterations", "share of zero weights");
        lines.forEach(plot::add);
        plot.write(runDir.resolve(PLOT));
        return true;
    }
}
