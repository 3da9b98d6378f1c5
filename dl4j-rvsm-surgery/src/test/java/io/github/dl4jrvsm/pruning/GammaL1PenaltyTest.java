package io.github.dl4jrvsm.pruning;

import io.github.dl4jrvsm.core.testsupport.TestData;
import io.github.dl4jrvsm.core.testsupport.TestNetworks;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.regularization.L1Regularization;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The l1 term on batch-norm gammas: exact size of one step, its effect over training, and why it is needed. */
class GammaL1PenaltyTest {

    private static final DataSet BATCH = TestData.images(16, 1, 8, 3, 21);

    private static double sumAbs(double[] v) {
        double s = 0;
        for (double x : v) {
            s += Math.abs(x);
        }
        return s;
    }

    @Test
    void oneSgdStepMovesEveryGammaByLearningRateTimesSparsity() {
        MultiLayerNetwork plain = PruningNets.convBn(new Sgd(0.1), 3);
        MultiLayerNetwork penalised = NetworkSlimming.addGammaPenalty(PruningNets.convBn(new Sgd(0.1), 3), 0.01);
        plain.fit(BATCH);
        penalised.fit(BATCH);
        for (String bn : new String[]{"bn1", "bn2"}) {
            double[] a = PruningNets.vector(plain, bn, "gamma");
            double[] b = PruningNets.vector(penalised, bn, "gamma");
            for (int c = 0; c < a.length; c++) {
                // gamma starts at 1 > 0: the penalty adds 0.01 * sign(gamma) to the averaged gradient
                assertEquals(a[c] - 0.1 * 0.01, b[c], 1e-5, bn + " channel " + c);
            }
        }
    }

    @Test
    void dl4jsOwnL1SettingNeverReachesGamma() {
        MultiLayerConfiguration conf = TestNetworks.convBn(1, 8, 3, new Sgd(0.1), 3);
        ((BaseLayer) conf.getConf(1).getLayer()).setRegularization(List.of(new L1Regularization(0.01)));
        MultiLayerNetwork withL1 = new MultiLayerNetwork(conf);
        withL1.init();
        MultiLayerNetwork plain = PruningNets.convBn(new Sgd(0.1), 3);
        withL1.fit(BATCH);
        plain.fit(BATCH);
        assertArrayEquals(PruningNets.vector(plain, "bn1", "gamma"), PruningNets.vector(withL1, "bn1", "gamma"), 0,
                "BatchNormalization.getRegularizationByParam returns null, which is why GammaL1Penalty exists");
    }

    @Test
    void trainingWithThePenaltyEndsWithSmallerGammas() {
        DataSet data = TestData.images(64, 1, 8, 3, 22);
        MultiLayerNetwork plain = PruningNets.convBn(new Sgd(0.1), 5);
        MultiLayerNetwork penalised = NetworkSlimming.addGammaPenalty(PruningNets.convBn(new Sgd(0.1), 5), 0.1);
        for (int epoch = 0; epoch < 4; epoch++) {
            plain.fit(new ListDataSetIterator<>(data.asList(), 16));
            penalised.fit(new ListDataSetIterator<>(data.asList(), 16));
        }
        for (String bn : new String[]{"bn1", "bn2"}) {
            double a = sumAbs(PruningNets.vector(plain, bn, "gamma"));
            double b = sumAbs(PruningNets.vector(penalised, bn, "gamma"));
            assertTrue(b < a - 8 * 0.5 * 16 * 0.1 * 0.1, bn + ": sum |gamma| " + b + " with the penalty, " + a
                    + " without (16 steps of 0.01 would shrink each of 8 gammas by 0.16)");
        }
    }

    @Test
    void worksOnAComputationGraph() {
        ComputationGraph plain = new ComputationGraph(TestNetworks.residualGraph(1, 8, 3, new Sgd(0.1), 4));
        plain.init();
        ComputationGraph penalised = new ComputationGraph(TestNetworks.residualGraph(1, 8, 3, new Sgd(0.1), 4));
        penalised.init();
        NetworkSlimming.addGammaPenalty(penalised, 0.01);
        plain.fit(BATCH);
        penalised.fit(BATCH);
        double[] a = PruningNets.vector(plain, "bn1", "gamma");
        double[] b = PruningNets.vector(penalised, "bn1", "gamma");
        for (int c = 0; c < a.length; c++) {
            assertEquals(a[c] - 0.1 * 0.01, b[c], 1e-5, "channel " + c);
        }
    }

    @Test
    void rejectsANegativeOrNonFiniteSparsity() {
        for (double bad : new double[]{-1e-4, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GammaL1Penalty(bad));
            assertTrue(e.getMessage().contains(String.valueOf(bad)), e.getMessage());
        }
        assertEquals(1e-4, NetworkSlimming.PAPER_SPARSITY);
    }
}
