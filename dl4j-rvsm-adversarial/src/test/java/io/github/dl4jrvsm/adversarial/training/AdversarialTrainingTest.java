package io.github.dl4jrvsm.adversarial.training;

import io.github.dl4jrvsm.adversarial.attack.ProjectedGradientDescent;
import io.github.dl4jrvsm.adversarial.model.AttackModel;
import io.github.dl4jrvsm.adversarial.testsupport.AdvNetworks;
import io.github.dl4jrvsm.data.testsupport.FashionMnist;
import io.github.dl4jrvsm.core.prox.L0Penalty;
import io.github.dl4jrvsm.core.report.SparsityReport;
import io.github.dl4jrvsm.core.testsupport.TestData;
import io.github.dl4jrvsm.core.training.SparseTraining;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.adapter.MultiDataSetIteratorAdapter;
import io.github.dl4jrvsm.adversarial.model.AttackLoss;
import org.nd4j.linalg.ops.transforms.Transforms;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Adversarial training on real Fashion-MNIST, alone and together with RVSM in the same step. */
class AdversarialTrainingTest {

    private static final double EPS = 0.1;

    private static double pgdAccuracy(MultiLayerNetwork net, DataSet test) {
        return ProjectedGradientDescent.pgd(EPS, EPS / 4, 10).withSeed(1)
                .run(AttackModel.of(net), test.getFeatures(), test.getLabels()).failureRate();
    }

    private static AdversarialBatches trainingAttack(MultiLayerNetwork net) {
        return AdversarialBatches.pgdDefaults(net).withAttack(ProjectedGradientDescent.pgd(EPS, EPS / 3, 5));
    }

    @Test
    void adversarialTrainingRaisesRobustAccuracyAndComposesWithRvsm() {
        DataSet train = FashionMnist.train(3000), test = FashionMnist.test(300);
        MultiLayerNetwork natural = AdvNetworks.smallCnn(5);
        MultiLayerNetwork robust = AdvNetworks.smallCnn(5);
        MultiLayerNetwork robustSparse = SparseTraining.rvsm(new L0Penalty(2e-5), 1e-2).withReestimateBatchNorm(false)
                .attach(AdvNetworks.smallCnn(5));
        for (int epoch = 0; epoch < 3; epoch++) {
            natural.fit(new ListDataSetIterator<>(train.asList(), 64));
            robust.fit(new AdversarialDataSetIterator(new ListDataSetIterator<>(train.asList(), 64), trainingAttack(robust)));
            robustSparse.fit(new AdversarialDataSetIterator(new ListDataSetIterator<>(train.asList(), 64),
                    trainingAttack(robustSparse)));
        }
        double nat = pgdAccuracy(natural, test), rob = pgdAccuracy(robust, test), robSparse = pgdAccuracy(robustSparse, test);
        double cleanRobust = robust.evaluate(new ListDataSetIterator<>(test.asList(), 100)).accuracy();
        double sparsity = SparsityReport.of(robustSparse, 1, 28, 28).sparsity();
        System.out.printf("PGD accuracy: natural %.3f, adversarial %.3f, adversarial+RVSM %.3f (sparsity %.3f); "
                + "clean accuracy of the adversarially trained model %.3f%n", nat, rob, robSparse, sparsity, cleanRobust);
        assertTrue(rob > nat + 0.2, "adversarial training must clearly raise PGD accuracy: " + rob + " vs " + nat);
        assertTrue(robSparse > nat + 0.2, "also with RVSM in the same step: " + robSparse + " vs " + nat);
        assertTrue(sparsity > 0.3, "RVSM must still sparsify under adversarial training: " + sparsity);
        assertTrue(cleanRobust > 0.6, "clean accuracy " + cleanRobust);
    }

    @Test
    void graphsTrainAdversariallyThroughMultiDataSetIterators() {
        DataSet d = TestData.images(64, 2, 5, 3, 2);
        d = new DataSet(Transforms.sigmoid(d.getFeatures()), d.getLabels());
        ComputationGraph g = AdvNetworks.residualBn(2, 5, 3, DataType.FLOAT, 4);
        var pgd = ProjectedGradientDescent.pgd(8 / 255.0, 2 / 255.0, 10);
        double before = adversarialLoss(g, d, pgd);
        AdversarialBatches batches = AdversarialBatches.pgdDefaults(g).withFraction(0.5);
        for (int i = 0; i < 8; i++) {
            g.fit(new AdversarialMultiDataSetIterator(new MultiDataSetIteratorAdapter(
                    new ListDataSetIterator<>(d.asList(), 16)), batches));
        }
        double after = adversarialLoss(g, d, pgd);
        assertTrue(after < before, "the loss on PGD examples must fall: " + before + " -> " + after);
    }

    private static double adversarialLoss(ComputationGraph g, DataSet d, ProjectedGradientDescent pgd) {
        AttackModel m = AttackModel.of(g);
        var adv = pgd.run(m, d.getFeatures(), d.getLabels()).adversarial();
        return m.losses(adv, d.getLabels(), AttackLoss.CROSS_ENTROPY).meanNumber().doubleValue();
    }

    @Test
    void badSettingsAreRejected() {
        MultiLayerNetwork net = AdvNetworks.smallCnn(1);
        assertThrows(IllegalArgumentException.class, () -> AdversarialBatches.pgdDefaults(net).withFraction(0));
        assertThrows(IllegalArgumentException.class, () -> AdversarialBatches.pgdDefaults(net).withFraction(1.5));
        assertThrows(IllegalArgumentException.class, () -> new AdversarialDataSetIterator(null, AdversarialBatches.pgdDefaults(net)));
    }
}
