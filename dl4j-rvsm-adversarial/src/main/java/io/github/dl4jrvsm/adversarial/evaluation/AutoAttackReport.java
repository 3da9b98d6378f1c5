package io.github.dl4jrvsm.adversarial.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dl4jrvsm.core.persist.AtomicFiles;
import io.github.dl4jrvsm.core.persist.JsonText;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of an {@link AutoAttack} run: clean accuracy, robust accuracy (the worst case over the ensemble), the
 * robust accuracy after each attack with what it cost, and a 95% Wilson interval for every accuracy.
 *
 * @param version                   "standard" or "rand"
 * @param versionChosenAutomatically whether the version followed the model's randomness
 * @param randomized                whether the model is random at inference
 * @param eotSamples                gradient samples averaged per step
 * @param threatModel               "Linf" or "L2", as RobustBench names them
 * @param epsilon                   the budget in pixel units
 * @param examples                  examples evaluated
 * @param clean                     clean accuracy
 * @param robust                    robust accuracy after the whole ensemble
 * @param attacks                   the attacks in the order they ran
 * @param forwardPasses             examples passed forward without a gradient, over the whole evaluation
 * @param backwardPasses            examples passed forward and backward, over the whole evaluation
 * @param seconds                   wall time
 * @param notes                     what a reader must know to trust the number (reduced budget, a sign of masking)
 */
public record AutoAttackReport(String version, boolean versionChosenAutomatically, boolean randomized, int eotSamples,
                               String threatModel, double epsilon, int examples, Accuracy clean, Accuracy robust,
                               List<Stage> attacks, long forwardPasses, long backwardPasses, double seconds,
                               List<String> notes) {

    /** {@code correct} of {@code examples}, with the 95% Wilson interval {@code [low, high]}. */
    public record Accuracy(long correct, long examples, double accuracy, double low, double high) {

        public static Accuracy of(long correct, long examples) {
            return new Accuracy(correct, examples, examples == 0 ? Double.NaN : (double) correct / examples,
                    WilsonInterval.low(correct, examples), WilsonInterval.high(correct, examples));
        }
    }

    /**
     * One attack of the ensemble: it ran on {@code attacked} examples (those still robust), broke {@code broken} of
     * them, and left {@code robustAfter} (cumulative over the attacks so far).
     */
    public record Stage(String attack, Map<String, Object> settings, int attacked, int broken, Accuracy robustAfter,
                        long forwardPasses, long backwardPasses, double seconds) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Epsilon as RobustBench writes it: "8/255" when it is a whole number of 255ths, else the number. */
    public String epsilonLabel() {
        double steps = epsilon * 255;
        return Math.abs(steps - Math.rint(steps)) < 1e-6 && threatModel.equals("Linf")
                ? String.format(Locale.ROOT, "%d/255", Math.round(steps)) : String.format(Locale.ROOT, "%s", epsilon);
    }

    /**
     * A RobustBench-style entry: {@code threat_model}, {@code eps}, {@code clean_acc} and {@code autoattack_acc} as
     * percentages with two decimals, followed by what RobustBench has no field for: the 95% intervals, the version,
     * each attack's robust accuracy and costs, and the notes.
     */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("threat_model", threatModel);
        root.put("eps", epsilonLabel());
        root.put("clean_acc", percent(clean.accuracy()));
        root.put("autoattack_acc", percent(robust.accuracy()));
        root.put("n_examples", examples);
        root.put("version", version);
        root.put("version_chosen_automatically", versionChosenAutomatically);
        root.put("randomized", randomized);
        root.put("eot_samples", eotSamples);
        root.put("epsilon", epsilon);
        interval(root.putArray("clean_acc_ci95"), clean);
        interval(root.putArray("autoattack_acc_ci95"), robust);
        ArrayNode stages = root.putArray("attacks");
        for (Stage s : attacks) {
            ObjectNode o = stages.addObject();
            o.put("attack", s.attack());
            o.put("robust_acc", percent(s.robustAfter().accuracy()));
            interval(o.putArray("robust_acc_ci95"), s.robustAfter());
            o.put("attacked", s.attacked());
            o.put("broken", s.broken());
            o.put("forward_passes", s.forwardPasses());
            o.put("backward_passes", s.backwardPasses());
            o.put("seconds", s.seconds());
            o.set("settings", JSON.valueToTree(s.settings()));
        }
        root.put("forward_passes", forwardPasses);
        root.put("backward_passes", backwardPasses);
        root.put("seconds", seconds);
        ArrayNode n = root.putArray("notes");
        notes.forEach(n::add);
        return JsonText.of(JSON, root);
    }

    /** Writes {@link #toJson()} through a temporary file and an atomic move. */
    public void writeJson(Path file) throws IOException {
        AtomicFiles.writeString(file, toJson());
    }

    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "AutoAttack (%s) on %d examples, %s epsilon %s%s%n%n", version, examples,
                threatModel, epsilonLabel(), randomized ? ", randomised model, EOT " + eotSamples : ""));
        sb.append("| | accuracy | 95% interval | attacked | broken | forward passes | backward passes | seconds |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        row(sb, "clean", clean, "", "", "", "", "");
        for (Stage s : attacks) {
            row(sb, "after " + s.attack(), s.robustAfter(), String.valueOf(s.attacked()), String.valueOf(s.broken()),
                    String.valueOf(s.forwardPasses()), String.valueOf(s.backwardPasses()),
                    String.format(Locale.ROOT, "%.1f", s.seconds()));
        }
        row(sb, "**robust (worst case)**", robust, "", "", String.valueOf(forwardPasses),
                String.valueOf(backwardPasses), String.format(Locale.ROOT, "%.1f", seconds));
        for (String note : notes) {
            sb.append("\n**Note:** ").append(note).append('\n');
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, Accuracy a, String attacked, String broken, String forward,
                            String backward, String seconds) {
        sb.append(String.format(Locale.ROOT, "| %s | %.2f%% | %.1f-%.1f%% | %s | %s | %s | %s | %s |%n", name,
                100 * a.accuracy(), 100 * a.low(), 100 * a.high(), attacked, broken, forward, backward, seconds));
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f", 100 * fraction);
    }

    private static void interval(ArrayNode node, Accuracy a) {
        node.add(Double.parseDouble(percent(a.low())));
        node.add(Double.parseDouble(percent(a.high())));
    }
}
