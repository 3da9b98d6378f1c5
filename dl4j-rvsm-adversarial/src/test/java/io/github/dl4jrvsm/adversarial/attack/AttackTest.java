package io.github.dl4jrvsm.adversarial.attack;

import io.github.dl4jrvsm.adversarial.model.AttackLoss;
import io.github.dl4jrvsm.adversarial.model.AttackModel;
import io.github.dl4jrvsm.adversarial.testsupport.AdvNetworks;
import io.github.dl4jrvsm.data.testsupport.FashionMnist;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

/** Attacks against a small batch-norm CNN trained on real Fashion-MNIST, against each other and their budgets. */
class AttackTest {

    private static MultiLayerNetwork net;
    private static DataSet batch;
    private static final double EPS = 0.1;

    @BeforeAll
    static void train() {
        net = AdvNetworks.smallCnn(7);
        DataSet train = FashionMnist.train(3000);
        for (int epoch = 0; epoch < 3; epoch++) {
            net.fit(new ListDataSetIterator<>(train.asList(), 64));
        }
        batch = FashionMnist.test(64);
        double acc = net.evaluate(new ListDataSetIterator<>(FashionMnist.test(500).asList(), 100)).accuracy();
        assertTrue(acc > 0.7, "the target model must be decent first: " + acc);
    }

    private static void assertInBall(INDArray adv, INDArray x, double eps, String name) {
        assertInBall(adv, x, Norm.LINF, eps, name);
    }

    private static void assertInBall(INDArray adv, INDArray x, Norm norm, double eps, String name) {
        // the distance computed here, not by the Norm under test
        INDArray d = adv.sub(x).reshape(x.size(0), x.length() / x.size(0));
        double dist = (norm == Norm.LINF ? Transforms.abs(d, false).max(1) : d.norm2(1)).maxNumber().doubleValue();
        assertTrue(dist <= eps + 1e-5, name + " left the " + norm + " epsilon ball: " + dist);
        assertTrue(adv.minNumber().doubleValue() >= 0 && adv.maxNumber().doubleValue() <= 1, name + " left [0, 1]");
        assertEquals(Arrays.toString(x.shape()), Arrays.toString(adv.shape()));
    }

    @Test
    void everyAttackStaysInItsBallAndTheValidRange() {
        AttackModel m = AttackModel.of(net);
        DataSet small = new DataSet(batch.getFeatures().get(NDArrayIndex.interval(0, 8)).dup(),
                batch.getLabels().get(NDArrayIndex.interval(0, 8)).dup());
        List<Attack> attacks = List.of(ProjectedGradientDescent.fgsm(EPS),
                ProjectedGradientDescent.iterativeFgsm(EPS, 0.02, 10),
                ProjectedGradientDescent.pgd(EPS, 0.03, 10).withRestarts(2),
                ProjectedGradientDescent.cwLinf(EPS, 0.03, 10),
                ProjectedGradientDescent.pgd(EPS, 0.03, 10).earlyStop(true),
                new LegacyCarliniWagner(EPS, 20, 6e-4, 10, 0),
                new NAttack(EPS, 40, 20, 0.1, 0.02, 1));
        for (Attack a : attacks) {
            AttackResult r = a.run(m, small.getFeatures(), small.getLabels());
            assertInBall(r.adversarial(), small.getFeatures(), EPS, a.name());
            assertEquals(r.successes(), count(Perturbations.success(m, r.adversarial(), small.getLabels(), false)), a.name());
        }
        AttackResult cw = new CarliniWagnerL2(2, 20, 0.05, 1, 0, Criterion.MISCLASSIFICATION).run(m, small.getFeatures(), small.getLabels());
        assertInBall(cw.adversarial(), small.getFeatures(), 1.0, "CW-L2");
        for (Norm norm : Norm.values()) {
            double eps = norm == Norm.LINF ? EPS : 1.0;
            List<FixedEpsilonAttack> family = List.of(ProjectedGradientDescent.pgd(norm, eps, eps / 4, 10),
                    AutoPgd.ce(norm, eps).withIterations(5), AutoPgd.dlr(norm, eps).withIterations(5),
                    AutoPgdTargeted.of(norm, eps).withIterations(3).withTargetClasses(2),
                    FabTargeted.of(norm, eps).withIterations(3).withTargetClasses(2),
                    SquareAttack.of(norm, eps).withQueries(10));
            for (FixedEpsilonAttack a : family) {
                AttackResult r = a.run(m, small.getFeatures(), small.getLabels());
                assertInBall(r.adversarial(), small.getFeatures(), norm, eps, a.name() + " " + norm);
                assertTrue(r.adversarial().minNumber().doubleValue() >= 0 && r.adversarial().maxNumber().doubleValue() <= 1);
                assertEquals(r.successes(), count(Perturbations.success(m, r.adversarial(), small.getLabels(), false)));
            }
        }
    }

    @Test
    void apgdCeBreaksAtLeastAsManyAsPgdWithTheSameBudget() {
        AttackModel m = AttackModel.of(net);
        double eps = 0.03;
        int steps = 20;
        AttackResult pgd = ProjectedGradientDescent.pgd(eps, eps / 4, steps).run(m, batch.getFeatures(), batch.getLabels());
        AttackResult apgd = AutoPgd.ce(Norm.LINF, eps).withIterations(steps).run(m, batch.getFeatures(), batch.getLabels());
        assertTrue(pgd.successes() < batch.numExamples() - 4, "the budget must leave PGD something to miss: "
                + pgd.successes());
        assertTrue(apgd.successes() >= pgd.successes(), "APGD-CE " + apgd.successes() + " < PGD " + pgd.successes());
        // the same number of gradients: APGD's extra one is its start, PGD's random start needs none
        assertTrue(apgd.backwardPasses() <= (steps + 1L) * batch.numExamples(), "APGD used " + apgd.backwardPasses());
        assertEquals((long) steps * batch.numExamples(), pgd.backwardPasses());
    }

    @Test
    void squareNeverAsksForAGradientAndBreaksAnUndefendedCnn() {
        AttackModel m = spy(AttackModel.of(net));
        DataSet small = new DataSet(batch.getFeatures().get(NDArrayIndex.interval(0, 16)).dup(),
                batch.getLabels().get(NDArrayIndex.interval(0, 16)).dup());
        boolean[] clean = Perturbations.success(net.output(small.getFeatures(), false), small.getLabels(), false);
        AttackResult r = SquareAttack.of(Norm.LINF, 0.15).withQueries(300).withSeed(3)
                .run(m, small.getFeatures(), small.getLabels());
        verify(m, never()).gradient(any(), any(), any(AttackLoss.class));
        verify(m, never()).lossAndGradient(any(), any(), any(AttackLoss.class));
        assertEquals(0, r.backwardPasses());
        int robust = 16 - count(clean);
        assertTrue(r.successes() >= count(clean) + robust * 2 / 3, "Square broke " + r.successes() + " of 16 ("
                + count(clean) + " wrong already)");
    }

    private static int count(boolean[] b) {
        int n = 0;
        for (boolean v : b) {
            n += v ? 1 : 0;
        }
        return n;
    }

    @Test
    void pgdReachesAtLeastFgsmLossAndBreaksMoreExamples() {
        AttackModel m = AttackModel.of(net);
        AttackResult fgsm = ProjectedGradientDescent.fgsm(0.05).run(m, batch.getFeatures(), batch.getLabels());
        AttackResult pgd = ProjectedGradientDescent.pgd(0.05, 0.0125, 10).run(m, batch.getFeatures(), batch.getLabels());
        double lf = m.losses(fgsm.adversarial(), batch.getLabels(), AttackLoss.CROSS_ENTROPY).meanNumber().doubleValue();
        double lp = m.losses(pgd.adversarial(), batch.getLabels(), AttackLoss.CROSS_ENTROPY).meanNumber().doubleValue();
        assertTrue(lp >= lf, "PGD mean loss " + lp + " < FGSM " + lf);
        assertTrue(pgd.successes() >= fgsm.successes(), pgd.successes() + " < " + fgsm.successes());
        assertTrue(pgd.successes() > batch.numExamples() / 2, "PGD at 0.05 should break most of an undefended model");
    }

    @Test
    void carliniWagnerFindsSmallerSuccessfulPerturbationsThanFgsm() {
        AttackModel m = AttackModel.of(net);
        DataSet small = new DataSet(batch.getFeatures().get(NDArrayIndex.interval(0, 16)).dup(),
                batch.getLabels().get(NDArrayIndex.interval(0, 16)).dup());
        AttackResult fgsm = ProjectedGradientDescent.fgsm(0.1).run(m, small.getFeatures(), small.getLabels());
        AttackResult cw = new CarliniWagnerL2(4, 60, 0.05, 1.0, 0, Criterion.MISCLASSIFICATION).run(m, small.getFeatures(), small.getLabels());
        double[] l2f = Margins.squaredL2(fgsm.adversarial(), small.getFeatures());
        double[] l2c = Margins.squaredL2(cw.adversarial(), small.getFeatures());
        int both = 0, smaller = 0;
        for (int i = 0; i < l2f.length; i++) {
            if (fgsm.success()[i] && cw.success()[i]) {
                both++;
                smaller += l2c[i] < l2f[i] ? 1 : 0;
            }
        }
        assertTrue(cw.successes() >= fgsm.successes() - 1, "CW " + cw.successes() + " vs FGSM " + fgsm.successes());
        assertTrue(both >= 4, "too few common successes to compare: " + both);
        assertEquals(both, smaller, "CW-L2 must find the smaller perturbation on every example both break");
    }

    @Test
    void pgdIsDeterministicGivenASeedAndTargetedPgdReachesTheTarget() {
        AttackModel m = AttackModel.of(net);
        DataSet small = new DataSet(batch.getFeatures().get(NDArrayIndex.interval(0, 16)).dup(),
                batch.getLabels().get(NDArrayIndex.interval(0, 16)).dup());
        ProjectedGradientDescent pgd = ProjectedGradientDescent.pgd(EPS, 0.02, 10).withSeed(42);
        INDArray a = pgd.run(m, small.getFeatures(), small.getLabels()).adversarial();
        INDArray b = pgd.run(m, small.getFeatures(), small.getLabels()).adversarial();
        INDArray c = pgd.withSeed(43).run(m, small.getFeatures(), small.getLabels()).adversarial();
        assertEquals(a, b);
        assertTrue(a.sub(c).amaxNumber().doubleValue() > 0, "another seed gives another random start");

        int[] truth = small.getLabels().argMax(1).toIntVector();
        int[] target = new int[truth.length];
        for (int i = 0; i < truth.length; i++) {
            target[i] = (truth[i] + 1) % 10;
        }
        INDArray targets = Margins.oneHot(target, 10, small.getFeatures().dataType());
        AttackResult r = ProjectedGradientDescent.pgd(0.2, 0.02, 30).withCriterion(Criterion.TARGETED_MISCLASSIFICATION)
                .run(m, small.getFeatures(), targets);
        int[] predicted = m.predict(r.adversarial());
        int hits = 0;
        for (int i = 0; i < target.length; i++) {
            hits += predicted[i] == target[i] ? 1 : 0;
            assertEquals(predicted[i] == target[i], r.success()[i]);
        }
        assertTrue(hits >= 12, "targeted PGD reached the target on " + hits + " of 16");
    }
}
