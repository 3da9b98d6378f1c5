package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.adversarial.attack.NAttack;
import io.github.dl4jrvsm.adversarial.attack.ProjectedGradientDescent;
import io.github.dl4jrvsm.adversarial.evaluation.RobustnessEvaluation;
import io.github.dl4jrvsm.adversarial.evaluation.RobustnessReport;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.api.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code rvsm evaluate}: A1..A5, robust accuracy against epsilon, sparsity and channel sparsity of a saved model. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure clean and adversarial accuracy (A1..A5), robust accuracy against epsilon and sparsity.")
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--in", required = true, description = "model zip (a run's model.zip)")
    Path in;

    @Option(names = "--dataset", defaultValue = "fashion-mnist", description = "(default: ${DEFAULT-VALUE})")
    String dataset;

    @Option(names = "--data-dir", description = "directory with the data set files")
    Path dataDir;

    @Option(names = "--download", description = "download the official files (SHA-256 checked) if not found locally")
    boolean download;

    @Option(names = "--examples", defaultValue = "200", description = "test examples attacked (default: ${DEFAULT-VALUE})")
    int examples;

    @Option(names = "--eps", defaultValue = "0.03137254901960784", description = "epsilon in [0,1] (default: 8/255)")
    double eps;

    @Option(names = "--alpha", defaultValue = "0.00784313725490196", description = "iterative step (default: 2/255)")
    double alpha;

    @Option(names = "--eot", defaultValue = "1", description = "gradient samples per step for randomised models (default: ${DEFAULT-VALUE})")
    int eot;

    @Option(names = "--nattack-population", defaultValue = "50", description = "(default: ${DEFAULT-VALUE})")
    int nattackPopulation;

    @Option(names = "--nattack-iterations", defaultValue = "50", description = "(default: ${DEFAULT-VALUE})")
    int nattackIterations;

    @Option(names = "--out", description = "write robustness.json and robustness.md into this directory")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(in)) {
            throw new IllegalArgumentException("--in " + in + " is not a file; give a model zip such as runs/quickstart/model.zip");
        }
        if (!(eps >= 0 && eps <= 1)) {
            throw new IllegalArgumentException("--eps must be in [0, 1] (pixel units), got " + eps);
        }
        Model model = TrainCommand.restore(in.toFile());
        TrainingData data = TrainingData.load(dataset, dataDir, download, 0, 0, examples, 0);
        RobustnessReport r = new RobustnessEvaluation()
                .attack("A2", ProjectedGradientDescent.fgsm(eps))
                .attack("A3", ProjectedGradientDescent.iterativeFgsm(eps, alpha, 20))
                .attack("A5", new NAttack(eps, nattackPopulation, nattackIterations, 0.1, 0.02, 0))
                .epsilons(0, eps / 4, eps / 2, eps, 2 * eps).eotSamples(eot).maxExamples(examples)
                .sparsityFor(data.shape().channels(), data.shape().height(), data.shape().width())
                .evaluate(model, new ListDataSetIterator<>(data.test().asList(), 100));
        PrintWriter log = spec.commandLine().getOut();
        log.print(r.toMarkdown());
        if (out != null) {
            r.writeJson(out.resolve("robustness.json"));
            io.github.dl4jrvsm.core.persist.AtomicFiles.writeString(out.resolve("robustness.md"), r.toMarkdown());
            log.println("written: " + out.resolve("robustness.json"));
        }
        return 0;
    }
}
