package io.github.dl4jrvsm.adversarial.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.dl4jrvsm.core.persist.AtomicFiles;
import io.github.dl4jrvsm.core.persist.JsonText;
import io.github.dl4jrvsm.core.report.SparsityReport;
import org.nd4j.evaluation.classification.Evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Clean and adversarial accuracies of one model with the attacks' settings, robust accuracy against epsilon, the
 * model's sparsity, and warnings from the gradient-masking checks.
 *
 * @param examples      number of test examples attacked (A1 may have been measured on more; each entry says)
 * @param randomized    whether the model is random at inference (results vary between runs)
 * @param eotSamples    gradient samples averaged per attack step
 * @param accuracies    A1 (clean) to A5, in order, each with its attack and settings
 * @param epsilonCurve  robust accuracy under PGD at each epsilon, including the unbounded check
 * @param sparsity      the model's sparsity report, or null
 * @param warnings      failed sanity checks (possible gradient masking)
 * @param seconds       wall time of the evaluation
 */
public record RobustnessReport(int examples, boolean randomized, int eotSamples, List<Entry> accuracies,
                               List<EpsilonPoint> epsilonCurve, SparsityReport sparsity, List<String> warnings,
                               double seconds) {

    /**
     * One accuracy: {@code key} is A1..A5, {@code attack} the attack's name (or "clean"); {@code correct} of
     * {@code examples} with the 95% Wilson interval {@code [low, high]}; {@code confusion} the per-class counts of
     * the same predictions, or null in reports written before they were kept.
     */
    public record Entry(String key, String attack, double accuracy, Map<String, Object> settings, long correct,
                        long examples, double low, double high, ConfusionCounts confusion) {

        /** An entry known only by its counts (no per-class counts). */
        public static Entry of(String key, String attack, long correct, long examples, Map<String, Object> settings) {
            return new Entry(key, attack, (double) correct / examples, settings, correct, examples,
                    WilsonInterval.low(correct, examples), WilsonInterval.high(correct, examples), null);
        }

        /** An entry whose accuracy and counts are those of {@code confusion}. */
        public static Entry of(String key, String attack, ConfusionCounts confusion, Map<String, Object> settings) {
            long correct = confusion.correct(), examples = confusion.examples();
            return new Entry(key, attack, (double) correct / examples, settings, correct, examples,
                    WilsonInterval.low(correct, examples), WilsonInterval.high(correct, examples), confusion);
        }

        /**
         * DL4J's {@link Evaluation} of this entry's predictions (clean ones for A1, on the adversarial examples for
         * an attack): confusion matrix, per-class accuracy ({@code recall(c)}), {@code stats()}. A new object on
         * every call.
         *
         * @throws IllegalStateException for an entry read from a report written without per-class counts
         */
        public Evaluation evaluation() {
            if (confusion == null) {
                throw new IllegalStateException("entry " + key + " (" + attack + ") has no per-class counts: the "
                        + "report was written before they were kept; evaluate the model again to get them");
            }
            return confusion.toEvaluation();
        }
    }

    /** Robust accuracy under the epsilon-curve attack at one epsilon, with its count and 95% interval. */
    public record EpsilonPoint(double epsilon, double accuracy, long correct, long examples, double low, double high) {

        /** A point known only by its accuracy (plots of published numbers). */
        public EpsilonPoint(double epsilon, double accuracy) {
            this(epsilon, accuracy, 0, 0, Double.NaN, Double.NaN);
        }

        public static EpsilonPoint of(double epsilon, long correct, long examples) {
            return new EpsilonPoint(epsilon, (double) correct / examples, correct, examples,
                    WilsonInterval.low(correct, examples), WilsonInterval.high(correct, examples));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The accuracy of entry {@code key} (A1..A5), or NaN. */
    public double accuracy(String key) {
        return accuracies.stream().filter(e -> e.key().equals(key)).mapToDouble(Entry::accuracy).findFirst().orElse(Double.NaN);
    }

    /**
     * DL4J's {@link Evaluation} of entry {@code key} (A1..A5); see {@link Entry#evaluation()}.
     *
     * @throws IllegalArgumentException for a key the report does not have
     */
    public Evaluation evaluation(String key) {
        return accuracies.stream().filter(e -> e.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no entry '" + key + "' in the report; it has "
                        + accuracies.stream().map(Entry::key).toList()))
                .evaluation();
    }

    public String toJson() {
        return JsonText.of(JSON, this);
    }

    /** Writes JSON through a temporary file and an atomic move. */
    public void writeJson(Path file) throws IOException {
        AtomicFiles.writeString(file, toJson());
    }

    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Robustness on %d examples%s%n%n", examples,
                randomized ? " (randomised model: gradients averaged over " + eotSamples + " samples)" : ""));
        sb.append("| | attack | accuracy | correct / examples | 95% interval | settings |\n|---|---|---:|---:|---:|---|\n");
        for (Entry e : accuracies) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %.2f%% | %d / %d | %.1f-%.1f%% | %s |%n", e.key(), e.attack(),
                    100 * e.accuracy(), e.correct(), e.examples(), 100 * e.low(), 100 * e.high(), e.settings()));
        }
        sb.append("\n| epsilon | robust accuracy | 95% interval |\n|---:|---:|---:|\n");
        for (EpsilonPoint p : epsilonCurve) {
            sb.append(String.format(Locale.ROOT, "| %.4f (%.1f/255) | %.2f%% | %.1f-%.1f%% |%n", p.epsilon(),
                    p.epsilon() * 255, 100 * p.accuracy(), 100 * p.low(), 100 * p.high()));
        }
        String perClass = ClassAccuracyTable.markdown(accuracies);
        if (!perClass.isEmpty()) {
            sb.append('\n').append(perClass);
        }
        if (sparsity != null) {
            sb.append(String.format(Locale.ROOT, "%nSparsity %.2f%%, channel sparsity %.2f%%%n", 100 * sparsity.sparsity(),
                    100 * sparsity.channelSparsity()));
        }
        for (String w : warnings) {
            sb.append("\n**Warning:** ").append(w).append('\n');
        }
        return sb.toString();
    }
}
