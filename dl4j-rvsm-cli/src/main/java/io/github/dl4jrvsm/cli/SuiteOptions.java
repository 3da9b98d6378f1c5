package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.adversarial.attack.ProjectedGradientDescent;
import io.github.dl4jrvsm.adversarial.evaluation.AutoAttack;
import io.github.dl4jrvsm.adversarial.evaluation.AutoAttackReport;
import io.github.dl4jrvsm.adversarial.evaluation.RobustnessEvaluation;
import io.github.dl4jrvsm.core.internal.Validate;
import io.github.dl4jrvsm.core.persist.AtomicFiles;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Which robustness evaluation runs ({@code --suite}) and its threat model, shared by {@code train} and
 * {@code evaluate}: the dissertation's attacks, AutoAttack, or a quick FGSM + PGD check.
 */
final class SuiteOptions {

    /** AutoAttack's L2 budget on CIFAR-10 and RobustBench's, used when --norm l2 comes without --eps. */
    static final double DEFAULT_L2_EPS = 0.5;

    @Option(names = "--norm", defaultValue = "linf",
            description = "threat model of --suite autoattack/quick: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; "
                    + "l2 takes --eps as an L2 radius, 0.5 when --eps is not given)")
    NormChoice norm;

    @Option(names = "--autoattack-version", defaultValue = "auto",
            description = "${COMPLETION-CANDIDATES}: auto = rand (EOT 20) for models random at inference, standard "
                    + "otherwise (default: ${DEFAULT-VALUE})")
    AutoAttackVersionChoice version;

    @Option(names = "--autoattack-iterations", defaultValue = "100",
            description = "APGD/FAB iterations (default: ${DEFAULT-VALUE}, AutoAttack's; fewer is labelled)")
    int iterations;

    @Option(names = "--square-queries", defaultValue = "5000",
            description = "Square attack queries (default: ${DEFAULT-VALUE}, AutoAttack's; fewer is labelled)")
    int queries;

    /** The epsilon of the threat model: --eps, or for L2 without --eps the usual 0.5. */
    double epsilon(AttackOptions attack, boolean epsGiven) {
        return norm == NormChoice.L2 && !epsGiven ? DEFAULT_L2_EPS : attack.eps;
    }

    /** Rejects combinations that cannot run, before any data is loaded. */
    void validate(EvaluationSuite suite, AttackOptions attack, boolean epsGiven) {
        Validate.check(!(suite == EvaluationSuite.DISSERTATION && norm == NormChoice.L2), () -> "--norm l2 needs "
                + "--suite autoattack or quick: the dissertation's attacks are L-infinity only");
        if (norm == NormChoice.L2) {
            // an L-infinity --eps is AttackOptions.validate()'s to check, which every command calls
            norm.norm().checkEpsilon(epsilon(attack, epsGiven));
        }
        Validate.check(iterations >= 1 && queries >= 1, () -> "--autoattack-iterations and --square-queries must be "
                + ">= 1, got " + iterations + " and " + queries);
    }

    AutoAttack autoAttack(double eps, long seed) {
        return AutoAttack.of(norm.norm(), eps).withVersion(version.version()).withIterations(iterations)
                .withQueries(queries).withSeed(seed);
    }

    /** FGSM and PGD-20 (random start, step eps/8) at the threat model: clean accuracy and two attacks. */
    RobustnessEvaluation quick(double eps) {
        return new RobustnessEvaluation()
                .withAttack("A2", ProjectedGradientDescent.fgsm(norm.norm(), eps))
                .withAttack("A3", ProjectedGradientDescent.pgd(norm.norm(), eps, eps / 8, 20))
                .withAttack("A4", null).withAttack("A5", null)
                .withEpsilons();
    }

    /** Writes autoattack.json and autoattack.md into {@code dir} and prints the Markdown. */
    static void write(AutoAttackReport report, Path dir, PrintWriter log) throws IOException {
        log.print(report.toMarkdown());
        if (dir != null) {
            Files.createDirectories(dir);
            report.writeJson(dir.resolve("autoattack.json"));
            AtomicFiles.writeString(dir.resolve("autoattack.md"), report.toMarkdown());
            log.println("written: " + dir.resolve("autoattack.json"));
        }
    }

    /**
     * The adversarial images with their true labels as a DL4J {@link DataSet} file ({@code DataSet.load} reads it
     * back), written to a temporary file and moved into place.
     */
    static void saveAdversarial(INDArray adversarial, INDArray labels, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path tmp = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
        try {
            new DataSet(adversarial, labels).save(tmp.toFile());
            Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
