package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.adversarial.evaluation.RobustnessReport;
import io.github.dl4jrvsm.core.persist.AtomicFiles;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.api.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code rvsm evaluate}: A1..A5, robust accuracy against epsilon, sparsity and channel sparsity of a saved model. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure clean and adversarial accuracy (A1..A5), robust accuracy against epsilon and sparsity.")
final class EvaluateCommand implements Callable<Integer> {

    /** Where picocli puts this command's parsed form: its output and error writers. */
    @Spec
    CommandSpec spec;

    @Mixin
    InputModel input = new InputModel();

    @Option(names = "--examples", defaultValue = "200", description = "test examples attacked (default: ${DEFAULT-VALUE})") int examples;

    @Option(names = "--eot", defaultValue = "1", description = "gradient samples per step for randomised models (default: ${DEFAULT-VALUE})") int eot;

    @Option(names = "--out", description = "write robustness.json and robustness.md into this directory") Path out;

    @Mixin
    DataOptions dataOptions = new DataOptions();

    @Mixin
    AttackOptions attack = new AttackOptions();

    @Override
    public Integer call() throws Exception {
        input.requireFile();
        attack.validate();
        Model model = input.read();
        TrainingData data = TrainingData.load(dataOptions.dataset, dataOptions.dataDir, dataOptions.download, 0, 0, examples, 0);
        RobustnessReport r = attack.evaluation(0).withEotSamples(eot).withMaxExamples(examples)
                .withSparsityFor(data.shape().channels(), data.shape().height(), data.shape().width())
                .evaluate(model, new ListDataSetIterator<>(data.test().asList(), 100));
        PrintWriter log = spec.commandLine().getOut();
        log.print(r.toMarkdown());
        if (out != null) {
            r.writeJson(out.resolve("robustness.json"));
            AtomicFiles.writeString(out.resolve("robustness.md"), r.toMarkdown());
            log.println("written: " + out.resolve("robustness.json"));
        }
        return 0;
    }
}
