package io.github.dl4jrvsm.core.admm;

import io.github.dl4jrvsm.core.splitting.Coupling;
import io.github.dl4jrvsm.core.testsupport.TestNetworks;
import io.github.dl4jrvsm.core.training.SparseTraining;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ADMM's coupling beside the updater (the authors' {@code W -= lr*rho*(W - Z + U)} outside the optimizer): Adam's step
 * is that of the plain network, and the coupling moves the weights by exactly {@code lr*rho*(w - Proj(w))} on the
 * first step ({@code z = Proj(w)}, {@code v = 0}), unscaled by Adam's moments.
 */
class AdmmCouplingTest {

    private static final double LR = 0.01;
    private static final double RHO = 0.5;

    private static DataSet batch() {
        Nd4j.getRandom().setSeed(9);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 8, 3);
        for (int i = 0; i < 8; i++) {
            y.putScalar(i, i % 3, 1);
        }
        return new DataSet(Nd4j.rand(DataType.FLOAT, 8, 6), y);
    }

    private static MultiLayerNetwork net(IUpdater updater, AdmmPruning admm) {
        if (admm == null) {
            MultiLayerNetwork n = new MultiLayerNetwork(TestNetworks.mlp(6, 5, 3, updater, 4));
            n.init();
            return n;
        }
        return SparseTraining.with(admm).withLayers("hidden").network(TestNetworks.mlp(6, 5, 3, updater, 4));
    }

    @Test
    void besideTheUpdaterTheCouplingIsAddedUnscaledAfterAdam() {
        MagnitudeProjection half = MagnitudeProjection.elementwise(0.5);
        AdmmPruning beside = new AdmmPruning(half, RHO, 1, Integer.MAX_VALUE).withCoupling(Coupling.BESIDE_UPDATER);
        MultiLayerNetwork plain = net(new Adam(LR), null), admm = net(new Adam(LR), beside);
        INDArray w0 = plain.getLayer(0).getParam("W").dup();
        assertEquals(w0, admm.getLayer(0).getParam("W"));
        plain.fit(batch());
        admm.fit(batch());
        INDArray expected = w0.sub(half.project(w0)).muli(-LR * RHO);
        INDArray actual = admm.getLayer(0).getParam("W").sub(plain.getLayer(0).getParam("W"));
        assertEquals(0, expected.sub(actual).amaxNumber().doubleValue(), 1e-6);
        assertTrue(expected.amaxNumber().doubleValue() > 1e-4, "the coupling is visible");
    }

    @Test
    void throughTheUpdaterAdamRescalesIt() {
        MagnitudeProjection half = MagnitudeProjection.elementwise(0.5);
        AdmmPruning through = new AdmmPruning(half, RHO, 1, Integer.MAX_VALUE);
        assertEquals(Coupling.THROUGH_UPDATER, through.getCoupling());
        MultiLayerNetwork plain = net(new Adam(LR), null), admm = net(new Adam(LR), through);
        INDArray w0 = plain.getLayer(0).getParam("W").dup();
        plain.fit(batch());
        admm.fit(batch());
        INDArray unscaled = w0.sub(half.project(w0)).muli(-LR * RHO);
        INDArray actual = admm.getLayer(0).getParam("W").sub(plain.getLayer(0).getParam("W"));
        assertTrue(unscaled.sub(actual).amaxNumber().doubleValue() > 1e-4, "Adam's normalisation changes the step");
        assertTrue(through.toString().contains("no hard prune"), through.toString());
    }
}
