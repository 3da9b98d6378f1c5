package io.github.dl4jrvsm.benchmarks;

import io.github.dl4jrvsm.adversarial.attack.AttackResult;
import io.github.dl4jrvsm.adversarial.attack.AutoPgd;
import io.github.dl4jrvsm.adversarial.attack.Norm;
import io.github.dl4jrvsm.adversarial.attack.SquareAttack;
import io.github.dl4jrvsm.adversarial.model.AttackLoss;
import io.github.dl4jrvsm.adversarial.model.AttackModel;
import io.github.dl4jrvsm.nativecpu.CpuBackend;
import io.github.dl4jrvsm.zoo.InputShape;
import io.github.dl4jrvsm.zoo.LeNet5;
import io.github.dl4jrvsm.zoo.ResNetCifar;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Locale;

/**
 * The speed targets of the AutoAttack attacks (issue 15), as ratios measured side by side in one run
 * ({@link Interleaved}): APGD-CE with 100 iterations against 100 forward-backward passes of the same model through the
 * same input-gradient path (target at most 1.1x), and one query of the Square attack against one forward pass of the
 * model (target at most 1.2x).
 *
 * <p>The baselines pass a fresh copy of the batch each time, as the attacks pass a new iterate: DL4J was measured
 * slower when the same input array came back pass after pass. APGD attacks the model's own predictions, so every
 * example is attacked for all iterations (an attack on already-wrong examples would skip them and look cheaper than
 * it is). Square runs with an epsilon too small to break anything, so every query covers the whole batch; its cost per
 * query is its time over its counted forward passes.
 *
 * <p>Square's ratio is paired like APGD's: per round, its time over the forward baseline's, scaled by the queries
 * each ran (a ratio of two medians let one slow round of either side move it by half). Two warm-up rounds let the
 * JIT compile Square's Java-side proposal step before anything is timed.
 *
 * <p>Usage: {@code AttackSpeedBenchmark [lenet5|resnet20] [batch] [rounds] [queries]} (defaults lenet5, 32, 7, 200).
 */
public final class AttackSpeedBenchmark {

    private static final int ITERATIONS = 100;

    private AttackSpeedBenchmark() {
    }

    public static void main(String[] args) {
        CpuBackend.configure();
        BenchmarkArgs arguments = new BenchmarkArgs(args);
        String network = arguments.text(0, "lenet5");
        int batch = arguments.integer(1, 32);
        int rounds = arguments.integer(2, 7);
        int queries = arguments.integer(3, 200);
        Model model;
        long[] shape;
        if (network.equals("lenet5")) {
            model = new LeNet5().withInputShape(InputShape.FASHION_MNIST).init();
            shape = new long[]{batch, 1, 28, 28};
        } else if (network.equals("resnet20")) {
            model = ResNetCifar.resnet20().init();
            shape = new long[]{batch, 3, 32, 32};
        } else {
            throw new IllegalArgumentException("the first argument must be lenet5 or resnet20, got " + network);
        }
        System.out.printf(Locale.ROOT, "AttackSpeedBenchmark: %s, batch %d, %d rounds, Square %d queries, %s, %d cores%n%n",
                network, batch, rounds, queries, CpuBackend.describe(), Runtime.getRuntime().availableProcessors());
        Nd4j.getRandom().setSeed(1);
        INDArray x = Nd4j.rand(DataType.FLOAT, shape);
        AttackModel m = AttackModel.of(model);
        INDArray own = Nd4j.zeros(DataType.FLOAT, batch, m.probabilities(x).size(1));
        int[] predicted = m.predict(x);
        for (int i = 0; i < batch; i++) {
            own.putScalar(i, predicted[i], 1);
        }

        AutoPgd apgd = AutoPgd.ce(Norm.LINF, 8 / 255.0).withIterations(ITERATIONS);
        long[] passes = new long[1];
        Runnable passes100 = () -> {
            for (int i = 0; i < ITERATIONS; i++) {
                m.lossAndGradient(x.dup(), own, AttackLoss.CROSS_ENTROPY);
            }
        };
        // "control" repeats the baseline: its ratio to it is the noise floor of this run (ideal 1.000)
        Interleaved gradient = new Interleaved()
                .add("fb", passes100)
                .add("control", passes100)
                .add("apgd", () -> passes[0] = apgd.run(m, x, own).backwardPasses())
                .run(2, rounds);
        System.out.println("| measurement | median ms | ratio | target |");
        System.out.println("|---|---:|---:|---:|");
        System.out.printf(Locale.ROOT, "| %d forward-backward passes | %.0f | | |%n", ITERATIONS, gradient.median("fb"));
        System.out.printf(Locale.ROOT, "| the same again (noise floor) | %.0f | %.3fx | 1.000x |%n",
                gradient.median("control"), gradient.ratio("control", "fb"));
        System.out.printf(Locale.ROOT, "| APGD-CE, %d iterations (%d backward passes per example) | %.0f | %.3fx | <= 1.1x |%n",
                ITERATIONS, passes[0] / batch, gradient.median("apgd"), gradient.ratio("apgd", "fb"));

        SquareAttack square = SquareAttack.of(Norm.LINF, 1e-6).withQueries(queries);
        AttackResult[] last = new AttackResult[1];
        Interleaved scores = new Interleaved()
                .add("forward", () -> {
                    for (int i = 0; i < queries; i++) {
                        m.probabilities(x.dup());
                    }
                })
                .add("square", () -> last[0] = square.run(m, x, own))
                .run(2, rounds);
        double passesPerExample = (double) last[0].forwardPasses() / batch;
        double perQuery = scores.median("square") / passesPerExample;
        double perForward = scores.median("forward") / queries;
        System.out.printf(Locale.ROOT, "| one forward pass (model output) | %.2f | | |%n", perForward);
        System.out.printf(Locale.ROOT, "| one Square query (%d forward passes per example in %d queries) | %.2f | %.3fx | <= 1.2x |%n",
                last[0].forwardPasses() / batch, queries, perQuery,
                scores.ratio("square", "forward") * queries / passesPerExample);
    }
}
