package io.github.dl4jrvsm.adversarial.model;

import io.github.dl4jrvsm.adversarial.attack.ProjectedGradientDescent;
import io.github.dl4jrvsm.adversarial.evaluation.RobustnessEvaluation;
import io.github.dl4jrvsm.adversarial.evaluation.RobustnessReport;
import io.github.dl4jrvsm.adversarial.testsupport.AdvNetworks;
import io.github.dl4jrvsm.adversarial.training.AdversarialBatches;
import io.github.dl4jrvsm.adversarial.training.AdversarialDataSetIterator;
import io.github.dl4jrvsm.core.testsupport.TestData;
import io.github.dl4jrvsm.surgery.NormalizerFolding;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.dataset.api.preprocessor.ImagePreProcessingScaler;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerMinMaxScaler;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attacks on a model trained on normalized data: the gradient through the normalizer against finite differences,
 * and attacking (normalizer + model) against attacking the model with the normalizer folded into its first layer,
 * which takes pixels and is attacked the ordinary way.
 */
class NormalizedInputTest {

    /** Images in [0, 1] with channel means and spreads far from 0 and 1, so normalization changes the model. */
    private static DataSet pixels(int n, long seed) {
        DataSet d = TestData.images(n, 2, 8, 3, seed);
        INDArray x = d.getFeatures().castTo(DataType.DOUBLE);
        x.subi(x.minNumber()).divi(x.maxNumber().doubleValue() - x.minNumber().doubleValue());
        x.get(NDArrayIndex.all(), NDArrayIndex.point(1)).muli(0.3).addi(0.6);
        return new DataSet(x, d.getLabels().castTo(DataType.DOUBLE));
    }

    /** An unpadded conv net in double precision, trained a little on normalized data. */
    private static MultiLayerNetwork trainedOn(DataNormalization normalizer, DataSet pixels) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(5)
                .dataType(DataType.DOUBLE).updater(new Adam(1e-2)).weightInit(WeightInit.XAVIER).list()
                .layer(new ConvolutionLayer.Builder(3, 3).name("conv").nOut(4).activation(Activation.TANH).build())
                .layer(new SubsamplingLayer.Builder(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().name("fc").nOut(12).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("out").nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(8, 8, 2)).build());
        net.init();
        DataSet normalized = pixels.copy();
        normalizer.transform(normalized);
        for (int i = 0; i < 20; i++) {
            net.fit(normalized);
        }
        return net;
    }

    private static NormalizerStandardize standardize(DataSet d) {
        NormalizerStandardize n = new NormalizerStandardize();
        n.fit(d);
        return n;
    }

    @Test
    void gradientThroughTheNormalizerMatchesFiniteDifferences() {
        DataSet d = pixels(64, 1);
        NormalizerStandardize n = standardize(d);
        AttackModel m = AttackModel.of(trainedOn(n, d)).withNormalizer(n);
        INDArray x = d.getFeatures().get(NDArrayIndex.interval(0, 1)).dup();
        INDArray y = d.getLabels().get(NDArrayIndex.interval(0, 1)).dup();
        INDArray g = m.gradient(x, y, AttackLoss.CROSS_ENTROPY).reshape(x.length());
        INDArray flat = x.reshape(x.length());
        double maxErr = 0, scale = 0;
        for (int j = 0; j < x.length(); j += 5) {
            double h = 1e-6, orig = flat.getDouble(j);
            flat.putScalar(j, orig + h);
            double up = m.losses(x, y, AttackLoss.CROSS_ENTROPY).getDouble(0);
            flat.putScalar(j, orig - h);
            double down = m.losses(x, y, AttackLoss.CROSS_ENTROPY).getDouble(0);
            flat.putScalar(j, orig);
            double fd = (up - down) / (2 * h);
            maxErr = Math.max(maxErr, Math.abs(fd - g.getDouble(j)));
            scale = Math.max(scale, Math.abs(fd));
        }
        assertTrue(scale > 1e-3, "gradient too small to test: " + scale);
        assertTrue(maxErr < 1e-6 * Math.max(1, scale), "max error " + maxErr + " at gradient scale " + scale);
        // without the chain rule's factor (1/std, about 3 to 10 here) the gradient would be far off
        INDArray raw = AttackModel.of(m.model()).gradient(m.networkInput(x), y, AttackLoss.CROSS_ENTROPY);
        assertTrue(raw.reshape(x.length()).sub(g).amaxNumber().doubleValue() > 10 * maxErr);
    }

    @Test
    void foldedModelTakesPixelsAndGivesTheSameOutputs() {
        DataSet d = pixels(64, 2);
        for (DataNormalization n : List.of(standardize(d), new ImagePreProcessingScaler(-1, 1, 1))) {
            MultiLayerNetwork net = trainedOn(n, d);
            MultiLayerNetwork folded = NormalizerFolding.fold(net, n, 2, 8, 8);
            INDArray normalized = d.getFeatures().dup();
            n.transform(normalized);
            double err = net.output(normalized).sub(folded.output(d.getFeatures())).amaxNumber().doubleValue();
            assertTrue(err < 1e-10, n.getClass().getSimpleName() + ": outputs differ by " + err);
            assertFalse(net.params().equalsWithEps(folded.params(), 1e-6), "the copy must be changed, not the model");
        }
    }

    @Test
    void denseFirstLayerFoldsPerFeatureMinMax() {
        DataSet d = TestData.blobs(100, 6, 3, 4);
        DataSet doubles = new DataSet(d.getFeatures().castTo(DataType.DOUBLE), d.getLabels().castTo(DataType.DOUBLE));
        NormalizerMinMaxScaler n = new NormalizerMinMaxScaler();
        n.fit(doubles);
        MultiLayerNetwork net = AdvNetworks.denseBn(6, 3, DataType.DOUBLE, 3);
        MultiLayerNetwork folded = NormalizerFolding.fold(net, n, 6);
        INDArray normalized = doubles.getFeatures().dup();
        n.transform(normalized);
        double err = net.output(normalized).sub(folded.output(doubles.getFeatures())).amaxNumber().doubleValue();
        assertTrue(err < 1e-10, "outputs differ by " + err);
    }

    @Test
    void attackingNormalizerPlusModelEqualsAttackingTheFoldedModel() {
        DataSet d = pixels(48, 3);
        NormalizerStandardize n = standardize(d);
        MultiLayerNetwork net = trainedOn(n, d);
        MultiLayerNetwork folded = NormalizerFolding.fold(net, n, 2, 8, 8);
        ProjectedGradientDescent pgd = ProjectedGradientDescent.pgd(16 / 255.0, 4 / 255.0, 10).withSeed(9);
        INDArray viaNormalizer = pgd.run(AttackModel.of(net).withNormalizer(n), d.getFeatures(), d.getLabels())
                .adversarial();
        INDArray viaFold = pgd.run(AttackModel.of(folded), d.getFeatures(), d.getLabels()).adversarial();
        double diff = viaNormalizer.sub(viaFold).amaxNumber().doubleValue();
        assertTrue(diff < 1e-9, "adversarial images differ by " + diff);
        assertTrue(viaNormalizer.sub(d.getFeatures()).amaxNumber().doubleValue() <= 16 / 255.0 + 1e-12);

        RobustnessEvaluation eval = new RobustnessEvaluation().withAttack("A4", null).withAttack("A5", null)
                .withEpsilons();
        RobustnessReport normalized = eval.withNormalizer(n).evaluate(net, new ListDataSetIterator<>(d.asList(), 16));
        RobustnessReport plain = eval.evaluate(folded, new ListDataSetIterator<>(d.asList(), 16));
        for (String key : List.of("A1", "A2", "A3")) {
            assertEquals(correct(plain, key), correct(normalized, key), key);
        }
        assertTrue(correct(normalized, "A1") >= 40, "trained on normalized data: " + correct(normalized, "A1"));
        assertTrue(correct(normalized, "A3") < correct(normalized, "A1"), "the attack must do something");
    }

    private static long correct(RobustnessReport r, String key) {
        return r.accuracies().stream().filter(e -> e.key().equals(key)).findFirst().orElseThrow().correct();
    }

    @Test
    void adversarialTrainingBatchesAreAttackedInPixelsAndHandedOverNormalized() {
        DataSet d = pixels(32, 4);
        NormalizerStandardize n = standardize(d);
        MultiLayerNetwork net = trainedOn(n, d);
        AdversarialBatches batches = new AdversarialBatches(AttackModel.of(net).withNormalizer(n),
                ProjectedGradientDescent.pgd(8 / 255.0, 2 / 255.0, 5), 1.0, 7);
        AdversarialDataSetIterator it = new AdversarialDataSetIterator(new ListDataSetIterator<>(d.asList(), 32), batches);
        INDArray trainedOn = it.next().getFeatures();
        INDArray pixels = trainedOn.dup();
        n.revertFeatures(pixels);
        double moved = pixels.sub(d.getFeatures()).amaxNumber().doubleValue();
        assertTrue(moved > 1e-3 && moved <= 8 / 255.0 + 1e-9, "perturbation in pixels " + moved);
        assertTrue(pixels.minNumber().doubleValue() >= -1e-9 && pixels.maxNumber().doubleValue() <= 1 + 1e-9);
        assertTrue(Math.abs(trainedOn.meanNumber().doubleValue()) < 0.5, "the network gets normalized data");
    }

    @Test
    void unfittedNormalizerAndPaddedFirstConvolutionAreRefused() {
        DataSet d = pixels(8, 5);
        MultiLayerNetwork net = trainedOn(new ImagePreProcessingScaler(), d);
        String unfitted = assertThrows(IllegalArgumentException.class, () -> AttackModel.of(net)
                .withNormalizer(new NormalizerStandardize()).probabilities(d.getFeatures())).getMessage();
        assertTrue(unfitted.contains("not fitted") && !unfitted.contains("\n"), unfitted);

        var padded = AdvNetworks.residualBn(2, 8, 3, DataType.DOUBLE, 1);
        String pads = assertThrows(IllegalArgumentException.class,
                () -> NormalizerFolding.fold(padded, standardize(d), 2, 8, 8)).getMessage();
        assertTrue(pads.contains("'stem' pads its input") && pads.contains("AttackModel.withNormalizer"), pads);

        String notPixels = assertThrows(IllegalArgumentException.class, () -> ProjectedGradientDescent.fgsm(0.1)
                .run(AttackModel.of(net), d.getFeatures().sub(0.5), d.getLabels())).getMessage();
        assertTrue(notPixels.contains("AttackModel.withNormalizer"), notPixels);
    }
}
