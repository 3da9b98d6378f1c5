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
 * <p>Square's ratio is scaled by the forward passes each side ran. Two ratios are printed: of the fastest rounds
 * (the target is read against it) and the median of per-round ratios. On the project's quiet 2-core VM single rounds
 * of the same gradient work took 0.9 to 3.1 s, so a paired median of seven rounds still moved by 0.3x from run to run
 * while the fastest rounds agreed; every round's time is printed below the table. Two warm-up rounds let the JIT
 * compile Square's Java-side proposal step before anything is timed.
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
        System.out.println("| measurement | median ms | fastest ms | ratio of fastest | paired median ratio | target |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        row(gradient, ITERATIONS + " forward-backward passes", "fb", null, 1, "");
        row(gradient, "the same again (noise floor)", "control", "fb", 1, "1.000x");
        row(gradient, "APGD-CE, " + ITERATIONS + " iterations (" + passes[0] / batch + " backward passes per example)",
                "apgd", "fb", 1, "<= 1.1x");

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
        row(scores, queries + " forward passes (model output)", "forward", null, 1, "");
        row(scores, "Square, " + queries + " queries (" + last[0].forwardPasses() / batch
                + " forward passes per example), per forward pass", "square", "forward", queries / passesPerExample, "<= 1.2x");
        System.out.printf("%nEvery timed round, ms:%n%s%s", gradient.rounds(), scores.rounds());
    }

    /** One table row; {@code scale} turns the time ratio into a per-pass ratio where the two sides ran unequal counts. */
    private static void row(Interleaved times, String what, String name, String baseline, double scale, String target) {
        if (baseline == null) {
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | | | |%n", what, times.median(name), times.minimum(name));
        } else {
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.3fx | %.3fx | %s |%n", what, times.median(name),
                    times.minimum(name), times.ratioOfMinima(name, baseline) * scale, times.ratio(name, baseline) * scale,
                    target);
        }
    }
}
