package io.github.dl4jrvsm.core.splitting;

import io.github.dl4jrvsm.core.prox.L1Penalty;
import io.github.dl4jrvsm.core.prox.Penalty;
import io.github.dl4jrvsm.core.testsupport.TestData;
import io.github.dl4jrvsm.core.testsupport.TestNetworks;
import io.github.dl4jrvsm.core.training.SparseTraining;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One training step with RVSM must be the base updater's step plus exactly {@code -lr*beta*(w - prox(w))} (coupling
 * beside the updater), whatever the base updater; through the updater the term is carried by momentum.
 */
class RelaxedSplittingStepTest {

    private static final Penalty PENALTY = new L1Penalty(0.02);
    private static final double BETA = 0.5;

    /** Weights of "hidden" after one step, minus those of the same step without RVSM. */
    private static INDArray[] stepDifference(IUpdater updater, Coupling coupling) {
        MultiLayerConfiguration conf = TestNetworks.mlp(6, 5, 3, updater, 7);
        DataSet data = TestData.blobs(16, 6, 3, 1);
        MultiLayerNetwork plain = new MultiLayerNetwork(conf.clone());
        plain.init();
        MultiLayerNetwork sparse = SparseTraining.rvsm(PENALTY, BETA).withCoupling(coupling).withLayers("hidden")
                .network(conf.clone());
        INDArray w0 = sparse.getLayer(0).getParam("W").dup();
        assertEquals(plain.params(), sparse.params());
        plain.fit(data);
        sparse.fit(data);
        INDArray expectedTerm = w0.sub(PENALTY.prox(w0, BETA)).muli(BETA);
        INDArray diff = sparse.getLayer(0).getParam("W").sub(plain.getLayer(0).getParam("W"));
        assertEquals(plain.getLayer(1).params(), sparse.getLayer(1).params(), "layers without RVSM are untouched");
        assertEquals(plain.getLayer(0).getParam("b"), sparse.getLayer(0).getParam("b"), "biases are untouched");
        return new INDArray[]{diff, expectedTerm};
    }

    private static void assertClose(INDArray expected, INDArray actual) {
        double err = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(err < 1e-6, "max abs difference " + err + "\nexpected " + expected + "\nactual " + actual);
        assertTrue(expected.amaxNumber().doubleValue() > 5e-5, "the coupling term must be noticeable");
    }

    @Test
    void besideTheUpdaterTheStepGetsExactlyLrBetaTimesTheGapForAnyUpdater() {
        IUpdater[] updaters = {new Sgd(0.1), new Nesterovs(0.05, 0.9), new Adam(0.01)};
        double[] lrs = {0.1, 0.05, 0.01};
        for (int i = 0; i < updaters.length; i++) {
            INDArray[] d = stepDifference(updaters[i], Coupling.BESIDE_UPDATER);
            assertClose(d[1].mul(-lrs[i]), d[0]);
        }
    }

    @Test
    void throughTheUpdaterTheTermIsCarriedByMomentum() {
        INDArray[] sgd = stepDifference(new Sgd(0.1), Coupling.THROUGH_UPDATER);
        assertClose(sgd[1].mul(-0.1), sgd[0]);
        // DL4J's Nesterov step from zero velocity applies (1 + mu) * lr * gradient.
        INDArray[] nesterov = stepDifference(new Nesterovs(0.05, 0.9), Coupling.THROUGH_UPDATER);
        assertClose(nesterov[1].mul(-0.05 * 1.9), nesterov[0]);
    }

    @Test
    void scoreIsTheSplittingLagrangian() {
        MultiLayerConfiguration conf = TestNetworks.mlp(6, 5, 3, new Sgd(0.1), 7);
        DataSet data = TestData.blobs(16, 6, 3, 1);
        MultiLayerNetwork plain = new MultiLayerNetwork(conf.clone());
        plain.init();
        MultiLayerNetwork sparse = SparseTraining.rvsm(PENALTY, BETA).withLayers("hidden").network(conf.clone());
        INDArray w = sparse.getLayer(0).getParam("W");
        INDArray u = PENALTY.prox(w, BETA);
        double gap = w.distance2(u);
        double expected = PENALTY.value(u) + BETA / 2 * gap * gap;
        assertEquals(plain.score(data) + expected, sparse.score(data), 1e-5);
    }
}
