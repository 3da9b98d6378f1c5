package io.github.dl4jrvsm.adversarial.model;

import io.github.dl4jrvsm.adversarial.testsupport.AdvNetworks;
import io.github.dl4jrvsm.core.testsupport.TestData;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input gradients against central finite differences of the loss of the model as it is evaluated (inference mode:
 * batch norm on running statistics, dropout off), for MultiLayerNetwork and ComputationGraph, for the cross-entropy,
 * the margin and DLR (the targeted DLR is checked in {@link DlrLossTest}).
 */
class InputGradientTest {

    /** The inference-mode loss of example i, from the model's own probabilities. */
    private static double loss(AttackModel m, INDArray x, int label, AttackLoss loss) {
        INDArray p = m.probabilities(x).getRow(0);
        if (loss == AttackLoss.CROSS_ENTROPY) {
            return -Math.log(p.getDouble(label));
        }
        double best = Double.NEGATIVE_INFINITY;
        double[] sorted = new double[(int) p.length()];
        for (int c = 0; c < p.length(); c++) {
            sorted[c] = Math.log(p.getDouble(c));
            if (c != label) {
                best = Math.max(best, Math.log(p.getDouble(c)));
            }
        }
        // log-probabilities differ from logits by a constant, which neither the margin nor DLR sees
        double margin = best - Math.log(p.getDouble(label));
        if (loss == AttackLoss.MARGIN) {
            return margin;
        }
        Arrays.sort(sorted);
        int k = sorted.length;
        return margin / (sorted[k - 1] - sorted[k - 3] + 1e-12);
    }

    /** Also used by {@link KerasImportedModelTest}: the same check on the shapes KerasModelImport builds. */
    static void checkAgainstFiniteDifferences(Model model, DataSet batch, int coordinates) {
        AttackModel m = AttackModel.of(model);
        for (AttackLoss loss : List.of(AttackLoss.CROSS_ENTROPY, AttackLoss.MARGIN, AttackLoss.DLR)) {
            INDArray g = m.gradient(batch.getFeatures(), batch.getLabels(), loss);
            assertEquals(Arrays.toString(batch.getFeatures().shape()), Arrays.toString(g.shape()));
            for (int ex = 0; ex < 2; ex++) {
                INDArray x = batch.getFeatures().get(NDArrayIndex.interval(ex, ex + 1)).dup();
                int label = batch.getLabels().getRow(ex).argMax().getInt(0);
                INDArray flatX = x.reshape(x.length());
                INDArray flatG = g.get(NDArrayIndex.interval(ex, ex + 1)).dup().reshape(x.length());
                double maxErr = 0, scale = 0;
                for (int k = 0; k < coordinates; k++) {
                    int j = (int) ((k * 7919L) % x.length());
                    double h = 1e-6, orig = flatX.getDouble(j);
                    flatX.putScalar(j, orig + h);
                    double up = loss(m, x, label, loss);
                    flatX.putScalar(j, orig - h);
                    double down = loss(m, x, label, loss);
                    flatX.putScalar(j, orig);
                    double fd = (up - down) / (2 * h);
                    maxErr = Math.max(maxErr, Math.abs(fd - flatG.getDouble(j)));
                    scale = Math.max(scale, Math.abs(fd));
                }
                assertTrue(scale > 1e-4, "gradient too small to test");
                assertTrue(maxErr < 1e-5 * Math.max(1, scale), loss + " example " + ex + ": max error " + maxErr
                        + " (gradient scale " + scale + ")");
            }
        }
    }

    private static void trainABit(Model m, DataSet d) {
        for (int i = 0; i < 5; i++) {
            if (m instanceof MultiLayerNetwork n) {
                n.fit(d);
            } else {
                ((ComputationGraph) m).fit(d);
            }
        }
    }

    @Test
    void multiLayerNetworkWithBatchNormAndDropout() {
        DataSet d = TestData.blobs(32, 6, 3, 1);
        d = new DataSet(d.getFeatures().castTo(DataType.DOUBLE), d.getLabels().castTo(DataType.DOUBLE));
        MultiLayerNetwork net = AdvNetworks.denseBn(6, 3, DataType.DOUBLE, 3);
        trainABit(net, d);
        checkAgainstFiniteDifferences(net, d, 6);
    }

    @Test
    void computationGraphWithConvolutionBatchNorm() {
        DataSet d = TestData.images(16, 2, 5, 3, 2);
        d = new DataSet(d.getFeatures().castTo(DataType.DOUBLE), d.getLabels().castTo(DataType.DOUBLE));
        ComputationGraph g = AdvNetworks.residualBn(2, 5, 3, DataType.DOUBLE, 4);
        trainABit(g, d);
        checkAgainstFiniteDifferences(g, d, 12);
    }

    @Test
    void trainingModeDiffersFromInferenceModeOnBatchNorm() {
        DataSet d = TestData.images(16, 2, 5, 3, 2);
        d = new DataSet(d.getFeatures().castTo(DataType.DOUBLE), d.getLabels().castTo(DataType.DOUBLE));
        ComputationGraph g = AdvNetworks.residualBn(2, 5, 3, DataType.DOUBLE, 4);
        trainABit(g, d);
        INDArray inf = AttackModel.of(g).gradient(d.getFeatures(), d.getLabels(), AttackLoss.CROSS_ENTROPY);
        INDArray tr = AttackModel.of(g).withMode(GradientMode.TRAINING)
                .gradient(d.getFeatures(), d.getLabels(), AttackLoss.CROSS_ENTROPY);
        assertTrue(inf.sub(tr).amaxNumber().doubleValue() > 1e-3 * inf.amaxNumber().doubleValue());
    }

    @Test
    void gradientNetworkFollowsTheModelAsItTrains() {
        DataSet d = TestData.blobs(32, 6, 3, 1);
        d = new DataSet(d.getFeatures().castTo(DataType.DOUBLE), d.getLabels().castTo(DataType.DOUBLE));
        MultiLayerNetwork net = AdvNetworks.denseBn(6, 3, DataType.DOUBLE, 3);
        AttackModel m = AttackModel.of(net);
        INDArray before = m.gradient(d.getFeatures(), d.getLabels(), AttackLoss.CROSS_ENTROPY);
        trainABit(net, d);
        INDArray after = m.gradient(d.getFeatures(), d.getLabels(), AttackLoss.CROSS_ENTROPY);
        assertTrue(before.sub(after).amaxNumber().doubleValue() > 1e-4);
        checkAgainstFiniteDifferences(net, d, 4);
    }

    @Test
    void badInputIsRejected() {
        MultiLayerNetwork net = AdvNetworks.denseBn(6, 3, DataType.FLOAT, 3);
        AttackModel m = AttackModel.of(net);
        DataSet d = TestData.blobs(4, 6, 3, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.gradient(d.getFeatures(), d.getLabels().get(NDArrayIndex.interval(0, 3)),
                        AttackLoss.CROSS_ENTROPY));
        assertTrue(e.getMessage().contains("4") && e.getMessage().contains("3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AttackModel.of(net).withEot(0));
        assertThrows(IllegalArgumentException.class, () -> AttackModel.of(null));
    }
}
