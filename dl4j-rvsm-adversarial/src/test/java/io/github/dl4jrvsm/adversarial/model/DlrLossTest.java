package io.github.dl4jrvsm.adversarial.model;

import io.github.dl4jrvsm.adversarial.testsupport.AdvNetworks;
import io.github.dl4jrvsm.core.testsupport.TestData;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DLR losses: invariances, the targeted form's input gradient, and one pass giving loss, logits and gradient. */
class DlrLossTest {

    private static INDArray oneHot(int[] classes, int k) {
        INDArray out = Nd4j.zeros(DataType.DOUBLE, classes.length, k);
        for (int i = 0; i < classes.length; i++) {
            out.putScalar(i, classes[i], 1);
        }
        return out;
    }

    @Test
    void dlrIsInvariantToShiftingAndPositiveScalingOfTheLogits() {
        Random r = new Random(3);
        int n = 20, k = 10;
        INDArray z = Nd4j.randn(DataType.DOUBLE, n, k);
        int[] y = new int[n], t = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(k);
            t[i] = (y[i] + 1 + r.nextInt(k - 1)) % k;
        }
        INDArray labels = oneHot(y, k), pairs = AttackLoss.pairLabels(labels, oneHot(t, k));
        for (AttackLoss loss : new AttackLoss[]{AttackLoss.DLR, AttackLoss.TARGETED_DLR}) {
            INDArray l = loss == AttackLoss.DLR ? labels : pairs;
            INDArray base = loss.values(z, l);
            INDArray moved = loss.values(z.mul(37.5).addi(Nd4j.randn(DataType.DOUBLE, n, 1).muli(100)
                    .broadcast(n, k)), l);
            assertEquals(0.0, base.sub(moved).amaxNumber().doubleValue(), 1e-9, loss.name());
        }
        // the cross-entropy is not: scaling the logits up saturates it, which is why DLR exists
        INDArray ce = AttackLoss.CROSS_ENTROPY.values(z, labels);
        INDArray ceScaled = AttackLoss.CROSS_ENTROPY.values(z.mul(37.5), labels);
        assertTrue(ce.sub(ceScaled).amaxNumber().doubleValue() > 1);
    }

    @Test
    void dlrMatchesItsDefinitionOnAHandWorkedExample() {
        // z = (3, 1, 2, 0), y = 1: -(1 - 3) / (3 - 1) = 1; targeted to t = 2: -(1 - 2) / (3 - (1 + 0) / 2) = 0.4
        INDArray z = Nd4j.createFromArray(new double[][]{{3, 1, 2, 0}});
        INDArray y = oneHot(new int[]{1}, 4);
        assertEquals(1.0, AttackLoss.DLR.values(z, y).getDouble(0), 1e-9);
        INDArray pairs = AttackLoss.pairLabels(y, oneHot(new int[]{2}, 4));
        assertEquals(0.4, AttackLoss.TARGETED_DLR.values(z, pairs).getDouble(0), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> AttackLoss.TARGETED_DLR.values(z.get(NDArrayIndex.all(),
                NDArrayIndex.interval(0, 3)), pairs.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 3))));
    }

    /** Targeted DLR from log-probabilities (DLR ignores the per-example shift between them and the logits). */
    private static double targetedDlr(AttackModel m, INDArray x, int y, int t) {
        INDArray p = m.probabilities(x).getRow(0);
        double[] lp = new double[(int) p.length()];
        for (int c = 0; c < lp.length; c++) {
            lp[c] = Math.log(p.getDouble(c));
        }
        double num = lp[y] - lp[t];
        double[] s = lp.clone();
        Arrays.sort(s);
        int k = s.length;
        return -num / (s[k - 1] - (s[k - 3] + s[k - 4]) / 2 + 1e-12);
    }

    @Test
    void targetedDlrInputGradientMatchesFiniteDifferences() {
        DataSet d = TestData.blobs(24, 6, 5, 2);
        d = new DataSet(d.getFeatures().castTo(DataType.DOUBLE), d.getLabels().castTo(DataType.DOUBLE));
        MultiLayerNetwork net = AdvNetworks.denseBn(6, 5, DataType.DOUBLE, 5);
        for (int i = 0; i < 5; i++) {
            net.fit(d);
        }
        AttackModel m = AttackModel.of(net);
        int[] y = d.getLabels().argMax(1).toIntVector();
        int[] t = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            t[i] = (y[i] + 2) % 5;
        }
        INDArray pairs = AttackLoss.pairLabels(d.getLabels(), oneHot(t, 5));
        INDArray g = m.gradient(d.getFeatures(), pairs, AttackLoss.TARGETED_DLR);
        for (int ex = 0; ex < 3; ex++) {
            INDArray x = d.getFeatures().get(NDArrayIndex.interval(ex, ex + 1)).dup();
            double maxErr = 0, scale = 0;
            for (int j = 0; j < 6; j++) {
                double h = 1e-6, orig = x.getDouble(0, j);
                x.putScalar(0, j, orig + h);
                double up = targetedDlr(m, x, y[ex], t[ex]);
                x.putScalar(0, j, orig - h);
                double down = targetedDlr(m, x, y[ex], t[ex]);
                x.putScalar(0, j, orig);
                double fd = (up - down) / (2 * h);
                maxErr = Math.max(maxErr, Math.abs(fd - g.getDouble(ex, j)));
                scale = Math.max(scale, Math.abs(fd));
            }
            assertTrue(scale > 1e-4, "gradient too small to test");
            assertTrue(maxErr < 1e-5 * Math.max(1, scale), "example " + ex + ": max error " + maxErr);
        }
    }

    @Test
    void onePassGivesTheLossesLogitsAndGradientOfSeparateCalls() {
        DataSet d = TestData.blobs(16, 6, 4, 7);
        d = new DataSet(d.getFeatures().castTo(DataType.DOUBLE), d.getLabels().castTo(DataType.DOUBLE));
        MultiLayerNetwork net = AdvNetworks.denseBn(6, 4, DataType.DOUBLE, 7);
        net.fit(d);
        AttackModel m = AttackModel.of(net);
        for (AttackLoss loss : new AttackLoss[]{AttackLoss.CROSS_ENTROPY, AttackLoss.DLR}) {
            long backward = m.backwardPasses();
            LossGradient lg = m.lossAndGradient(d.getFeatures(), d.getLabels(), loss);
            assertEquals(backward + 16, m.backwardPasses(), "one backward pass per example");
            INDArray g = m.gradient(d.getFeatures(), d.getLabels(), loss);
            assertEquals(0.0, lg.gradient().sub(g).amaxNumber().doubleValue(), 1e-12, loss.name());
            assertEquals(0.0, lg.losses().sub(m.losses(d.getFeatures(), d.getLabels(), loss)).amaxNumber()
                    .doubleValue(), 1e-9, loss.name());
            // softmax of the recorded logits is what the model itself outputs
            INDArray p = Transforms.exp(lg.logits().subColumnVector(lg.logits().max(1).reshape(16, 1)));
            p.diviColumnVector(p.sum(1).reshape(16, 1));
            assertEquals(0.0, p.sub(net.output(d.getFeatures(), false)).amaxNumber().doubleValue(), 1e-9);
        }
        assertEquals(0.0, m.logits(d.getFeatures()).sub(
                m.lossAndGradient(d.getFeatures(), d.getLabels(), AttackLoss.MARGIN).logits()).amaxNumber()
                .doubleValue(), 1e-9);
    }
}
