package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.adversarial.evaluation.AutoAttack;
import io.github.dl4jrvsm.adversarial.evaluation.RobustnessEvaluation;
import io.github.dl4jrvsm.adversarial.evaluation.RobustnessReport;
import io.github.dl4jrvsm.adversarial.model.AttackModel;
import io.github.dl4jrvsm.core.internal.Validate;
import io.github.dl4jrvsm.core.persist.AtomicFiles;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code rvsm evaluate}: the robustness of a saved model under AutoAttack (the default, the field's standard), the
 * dissertation's attacks (A1..A5, robust accuracy against epsilon) or a quick FGSM + PGD-20 check, with sparsity.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure robust accuracy (AutoAttack, the dissertation's A1..A5, or a quick check) and sparsity.")
final class EvaluateCommand extends RvsmCommand {

    @Mixin
    InputModel input = new InputModel();

    @Option(names = "--suite", defaultValue = "autoattack",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    EvaluationSuite suite;

    @Option(names = "--examples", defaultValue = "1000",
            description = "test examples evaluated, 0 = the whole test set (default: ${DEFAULT-VALUE})")
    int examples;

    @Option(names = "--eot", defaultValue = "1", description = "dissertation/quick suites: gradient samples per step "
            + "for randomised models (AutoAttack's rand version uses 20) (default: ${DEFAULT-VALUE})")
    int eot;

    @Option(names = "--save-adversarial", description = "autoattack: write the adversarial images with their labels "
            + "to this file (a DL4J DataSet; DataSet.load reads it)")
    Path saveAdversarial;

    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "progress bar of the AutoAttack run (default: ${DEFAULT-VALUE})")
    boolean progress;

    @Option(names = "--out", description = "write the report (autoattack.json/.md or robustness.json/.md) here") Path out;

    @Mixin
    SuiteOptions suiteOptions = new SuiteOptions();

    @Mixin
    DataOptions dataOptions = new DataOptions();

    @Mixin
    AttackOptions attack = new AttackOptions();

    @Override
    public Integer call() throws Exception {
        input.requireFile();
        boolean epsGiven = given("--eps");
        if (suiteOptions.norm == NormChoice.LINF) {
            attack.validate();
        }
        suiteOptions.validate(suite, attack, epsGiven);
        Validate.check(examples >= 0, () -> "--examples must be >= 0 (0 = the whole test set), got " + examples);
        Validate.check(eot >= 1, () -> "--eot must be >= 1, got " + eot);
        Validate.check(saveAdversarial == null || suite == EvaluationSuite.AUTOATTACK, () -> "--save-adversarial "
                + "needs --suite autoattack (the other suites report accuracies only)");
        Model model = input.read();
        DataNormalization normalizer = input.normalizer();
        TrainingData data = TrainingData.load(dataOptions.dataset, dataOptions.dataDir, dataOptions.download, 0, 0,
                examples, 0).inLayoutOf(model);
        PrintWriter log = out();
        double eps = suiteOptions.epsilon(attack, epsGiven);
        if (normalizer != null) {
            log.println("normalizer " + normalizer.getClass().getSimpleName() + " from " + input.in
                    + ": applied before the model; attacks perturb pixels and epsilon is in pixels");
        }
        if (suite == EvaluationSuite.AUTOATTACK) {
            AutoAttack.Outcome outcome;
            try (AutoAttackProgress bar = AutoAttackProgress.of(data.test().numExamples(), progress)) {
                outcome = suiteOptions.autoAttack(eps, 0)
                        .run(AttackModel.of(model).withNormalizer(normalizer), data.test().getFeatures(),
                                data.test().getLabels(), bar);
            }
            SuiteOptions.write(outcome.report(), out, log);
            if (saveAdversarial != null) {
                SuiteOptions.saveAdversarial(outcome.adversarial(), data.test().getLabels(), saveAdversarial);
                log.println("written: " + saveAdversarial);
            }
            return 0;
        }
        RobustnessEvaluation evaluation = suite == EvaluationSuite.QUICK ? suiteOptions.quick(eps)
                : attack.evaluation(0);
        RobustnessReport r = evaluation.withNormalizer(normalizer).withEotSamples(eot)
                .withMaxExamples(data.test().numExamples())
                .withSparsityFor(data.exampleShape(model))
                .evaluate(model, new ListDataSetIterator<>(data.test().asList(), 100));
        log.print(r.toMarkdown());
        if (out != null) {
            r.writeJson(out.resolve("robustness.json"));
            AtomicFiles.writeString(out.resolve("robustness.md"), r.toMarkdown());
            log.println("written: " + out.resolve("robustness.json"));
        }
        return 0;
    }
}
