package io.github.dl4jrvsm.benchmarks;

import io.github.dl4jrvsm.adversarial.attack.ProjectedGradientDescent;
import io.github.dl4jrvsm.adversarial.training.AdversarialBatches;
import io.github.dl4jrvsm.core.admm.AdmmPruning;
import io.github.dl4jrvsm.core.admm.MagnitudeProjection;
import io.github.dl4jrvsm.nativecpu.CpuBackend;
import io.github.dl4jrvsm.core.prox.GroupL0LassoPenalty;
import io.github.dl4jrvsm.core.prox.L0Penalty;
import io.github.dl4jrvsm.core.prox.Penalty;
import io.github.dl4jrvsm.core.prox.TransformedL1Penalty;
import io.github.dl4jrvsm.core.training.SparseTraining;
import io.github.dl4jrvsm.zoo.InputShape;
import io.github.dl4jrvsm.zoo.ResNetCifar;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Locale;

/**
 * Measures the library's speed targets as ratios in one run (never as timed unit tests): a ResNet20 training step with
 * RVSM, RGSM and ADMM against the plain step (target at most 1.03x), a PGD-10 adversarial training step against a
 * plain one (target at most 11.5x), and the proximal operators against a plain copy of the same array (the memory
 * bandwidth bound). Usage: {@code SpeedBenchmark [batch] [rounds]}.
 */
public final class SpeedBenchmark {

    private SpeedBenchmark() {
    }

    public static void main(String[] args) {
        CpuBackend.configure();
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 128;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        System.out.printf(Locale.ROOT, "SpeedBenchmark: ResNet20 (CIFAR 3x32x32), batch %d, %d rounds, %s, %d cores%n",
                batch, rounds, CpuBackend.describe(), Runtime.getRuntime().availableProcessors());
        DataSet data = randomBatch(batch);
        ComputationGraph plain = resnet20();
        ComputationGraph control = resnet20();
        ComputationGraph rvsm = SparseTraining.rvsm(new L0Penalty(1e-6), 1e-2).withReplaceWeightsEachEpoch(false).attach(resnet20());
        ComputationGraph rgsm = SparseTraining.rgsm(new GroupL0LassoPenalty(5e-2, 1e-5), 1).withReplaceWeightsEachEpoch(false)
                .attach(resnet20());
        ComputationGraph admm = SparseTraining.with(new AdmmPruning(MagnitudeProjection.elementwise(0.6), 1e-2, 1,
                Integer.MAX_VALUE)).attach(resnet20());
        // "control" is a second plain network: its ratio to "plain" is the noise floor of this run (ideal 1.000)
        Interleaved steps = new Interleaved().add("plain", () -> plain.fit(data)).add("control", () -> control.fit(data))
                .add("rvsm", () -> rvsm.fit(data)).add("rgsm", () -> rgsm.fit(data)).add("admm", () -> admm.fit(data))
                .run(2, rounds);
        System.out.printf(Locale.ROOT, "training step: plain %.0f ms; plain control %.3fx (noise floor); RVSM %.3fx, "
                        + "RGSM %.3fx, ADMM %.3fx (target <= 1.03x)%n", steps.median("plain"), steps.ratio("control", "plain"),
                steps.ratio("rvsm", "plain"), steps.ratio("rgsm", "plain"), steps.ratio("admm", "plain"));

        ComputationGraph adv = resnet20();
        AdversarialBatches pgd = AdversarialBatches.pgdDefaults(adv)
                .withAttack(ProjectedGradientDescent.pgd(8 / 255.0, 2 / 255.0, 10));
        ComputationGraph plain2 = resnet20();
        Interleaved at = new Interleaved().add("plain", () -> plain2.fit(data))
                .add("pgd10", () -> adv.fit(new DataSet(pgd.perturb(data.getFeatures(), data.getLabels()), data.getLabels()))).run(1, Math.max(3, rounds / 2));
        System.out.printf(Locale.ROOT, "adversarial step: plain %.0f ms; PGD-10 %.2fx (ideal 11x, target <= 11.5x)%n",
                at.median("plain"), at.ratio("pgd10", "plain"));

        INDArray w = Nd4j.rand(DataType.FLOAT, 64, 64, 3, 3).subi(0.5).muli(0.2);
        Penalty[] ops = {new L0Penalty(1e-4), new TransformedL1Penalty(1e-4, 1), new GroupL0LassoPenalty(1e-3, 1e-4)};
        Interleaved prox = new Interleaved().add("copy", () -> w.dup());
        for (Penalty p : ops) {
            prox.add(p.name(), () -> p.prox(w, 1e-2));
        }
        prox.run(20, 200);
        StringBuilder sb = new StringBuilder();
        for (Penalty p : ops) {
            sb.append(String.format(Locale.ROOT, " %s %.1fx", p.name(), prox.ratio(p.name(), "copy")));
        }
        System.out.printf(Locale.ROOT, "prox on a 64x64x3x3 kernel: copy %.3f ms;%s (against the copy)%n",
                prox.median("copy"), sb);
    }

    private static ComputationGraph resnet20() {
        return ResNetCifar.resnet20().withInputShape(InputShape.CIFAR).withSeed(1).init();
    }

    private static DataSet randomBatch(int n) {
        INDArray x = Nd4j.rand(DataType.FLOAT, n, 3, 32, 32);
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, 10);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, i % 10, 1);
        }
        return new DataSet(x, y);
    }
}
