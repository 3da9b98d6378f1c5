package io.github.dl4jrvsm.adversarial.model;

import io.github.dl4jrvsm.adversarial.attack.AttackResult;
import io.github.dl4jrvsm.adversarial.attack.AutoPgd;
import io.github.dl4jrvsm.adversarial.attack.Norm;
import io.github.dl4jrvsm.adversarial.attack.ProjectedGradientDescent;
import io.github.dl4jrvsm.core.testsupport.KerasModels;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attacks on networks as {@code KerasModelImport} builds them (NHWC LeNet, softmax {@code DenseLayer} or
 * {@code ActivationLayer}, with and without the identity cross-entropy {@code LossLayer} of a compiled model,
 * sequential and functional): input
 * gradients against finite differences of the model's own probabilities, logits against log-probabilities, and
 * gradient attacks staying in the ball while raising the loss.
 */
class KerasImportedModelTest {

    /** The four shapes an imported classifier comes in. */
    enum Imported {
        SEQUENTIAL_COMPILED, SEQUENTIAL_UNCOMPILED, FUNCTIONAL_COMPILED, FUNCTIONAL_UNCOMPILED,
        /** Dense(linear) then Activation('softmax'), an ActivationLayer in DL4J. */
        SOFTMAX_ACTIVATION_LAYER;

        Model build() {
            if (this == SOFTMAX_ACTIVATION_LAYER) {
                return KerasModels.sequential(KerasModels.LENET_SOFTMAX_ACTIVATION, true, 7, DataType.DOUBLE);
            }
            boolean compiled = this == SEQUENTIAL_COMPILED || this == FUNCTIONAL_COMPILED;
            return this == SEQUENTIAL_COMPILED || this == SEQUENTIAL_UNCOMPILED
                    ? KerasModels.sequential(KerasModels.LENET, compiled, 7, DataType.DOUBLE)
                    : KerasModels.graph(KerasModels.LENET_FUNCTIONAL, compiled, 7, DataType.DOUBLE);
        }
    }

    @ParameterizedTest
    @EnumSource(Imported.class)
    void inputGradientsMatchFiniteDifferences(Imported kind) {
        DataSet d = KerasModels.images(3, 11, DataType.DOUBLE);
        INDArray g = AttackModel.of(kind.build()).gradient(d.getFeatures(), d.getLabels(), AttackLoss.CROSS_ENTROPY);
        assertEquals(List.of(3L, 12L, 12L, 2L), List.of(g.size(0), g.size(1), g.size(2), g.size(3)), "NHWC, as read");
        InputGradientTest.checkAgainstFiniteDifferences(kind.build(), d, 10);
    }

    @ParameterizedTest
    @EnumSource(Imported.class)
    void logitsAreLogProbabilitiesUpToOneConstantPerExample(Imported kind) {
        AttackModel m = AttackModel.of(kind.build());
        INDArray x = KerasModels.images(5, 3, DataType.DOUBLE).getFeatures();
        INDArray z = m.logits(x);
        INDArray logP = Transforms.log(m.probabilities(x), true);
        INDArray shift = z.sub(logP);
        for (int i = 0; i < 5; i++) {
            INDArray row = shift.getRow(i);
            assertEquals(0, row.maxNumber().doubleValue() - row.minNumber().doubleValue(), 1e-9, kind + " row " + i);
        }
        // probabilities themselves would differ from log-probabilities by much more than a constant
        assertTrue(z.minNumber().doubleValue() < 0, kind + ": logits look like probabilities " + z);
    }

    @ParameterizedTest
    @EnumSource(Imported.class)
    void gradientAttacksStayInTheBallAndRaiseTheLoss(Imported kind) {
        AttackModel m = AttackModel.of(kind.build());
        INDArray x = KerasModels.images(6, 5, DataType.DOUBLE).getFeatures();
        // labels the model gets right, so every example is attacked (an example already wrong is returned as is)
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 6, KerasModels.CLASSES);
        int[] predicted = m.predict(x);
        for (int i = 0; i < predicted.length; i++) {
            y.putScalar(i, predicted[i], 1.0);
        }
        double eps = 0.03;
        double clean = m.losses(x, y, AttackLoss.CROSS_ENTROPY).sumNumber().doubleValue();
        INDArray pgd = ProjectedGradientDescent.pgd(eps, eps / 4, 10).run(m, x, y).adversarial();
        assertInBall(pgd, x, eps);
        double attacked = m.losses(pgd, y, AttackLoss.CROSS_ENTROPY).sumNumber().doubleValue();
        assertTrue(attacked > clean + 1e-3, kind + " PGD: loss " + clean + " -> " + attacked);

        double large = 0.3;
        AttackResult r = AutoPgd.ce(Norm.LINF, large).withIterations(20).run(m, x, y);
        assertInBall(r.adversarial(), x, large);
        int[] after = m.predict(r.adversarial());
        for (int i = 0; i < after.length; i++) {
            assertEquals(r.success()[i], after[i] != predicted[i], kind + " APGD example " + i);
        }
        assertTrue(r.successes() > 0, kind + ": APGD broke none of 6 examples at epsilon " + large);
    }

    private static void assertInBall(INDArray adv, INDArray x, double eps) {
        assertTrue(adv.sub(x).amaxNumber().doubleValue() <= eps + 1e-9, "left the ball");
        assertTrue(adv.minNumber().doubleValue() >= 0 && adv.maxNumber().doubleValue() <= 1, "left [0, 1]");
    }

    @Test
    void trainingModeGradientsIgnoreTheImportersNoOpDropout() {
        // LeNet has no batch norm and Keras' Dropout(1.0) keeps everything: both modes are the same function
        AttackModel m = AttackModel.of(Imported.SEQUENTIAL_COMPILED.build());
        DataSet d = KerasModels.images(3, 2, DataType.DOUBLE);
        INDArray inference = m.gradient(d.getFeatures(), d.getLabels(), AttackLoss.CROSS_ENTROPY);
        INDArray training = m.withMode(GradientMode.TRAINING).gradient(d.getFeatures(), d.getLabels(),
                AttackLoss.CROSS_ENTROPY);
        assertTrue(inference.amaxNumber().doubleValue() > 1e-6);
        assertEquals(0, training.sub(inference).amaxNumber().doubleValue(), 1e-12);
    }

    @Test
    void aCrossEntropyLossLayerAfterANonSoftmaxLayerIsRefusedByName() {
        MultiLayerConfiguration conf = KerasModels.sequentialConfiguration(KerasModels.LENET, true);
        ((DenseLayer) conf.getConf(3).getLayer()).setActivationFn(new ActivationReLU());
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        DataSet d = KerasModels.images(2, 1, DataType.FLOAT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AttackModel.of(net).gradient(d.getFeatures(), d.getLabels(), AttackLoss.CROSS_ENTROPY));
        assertTrue(e.getMessage().contains("'predictions_loss'") && e.getMessage().contains("KerasModelImport"),
                e.getMessage());
    }
}
