package io.github.dl4jrvsm.adversarial.scaleout;

import io.github.dl4jrvsm.adversarial.attack.ProjectedGradientDescent;
import io.github.dl4jrvsm.adversarial.training.AdversarialBatches;
import io.github.dl4jrvsm.adversarial.training.AdversarialDataSetIterator;
import io.github.dl4jrvsm.core.admm.AdmmPruning;
import io.github.dl4jrvsm.core.admm.MagnitudeProjection;
import io.github.dl4jrvsm.core.prox.L0Penalty;
import io.github.dl4jrvsm.core.testsupport.TestData;
import io.github.dl4jrvsm.core.testsupport.TestNetworks;
import io.github.dl4jrvsm.core.training.SparseExport;
import io.github.dl4jrvsm.core.training.SparseTraining;
import io.github.dl4jrvsm.adversarial.model.AttackModel;
import io.github.dl4jrvsm.data.testsupport.FashionMnist;
import io.github.dl4jrvsm.core.prox.ChannelGrouping;
import io.github.dl4jrvsm.core.prox.GroupL0LassoPenalty;
import io.github.dl4jrvsm.core.prox.GroupNorms;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.parallelism.ParallelWrapper;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.linalg.learning.config.Adam;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sparse methods and adversarial training under DL4J's {@link ParallelWrapper} (several workers averaging their
 * parameters): the exported weights stay exactly sparse after averaging, and accuracy and sparsity stay close to
 * single-worker training on the same data and budget.
 */
class ParallelWrapperTest {

    private static final DataSet TRAIN = TestData.blobs(1024, 20, 4, 1), TEST = TestData.blobs(256, 20, 4, 2);

    private static double zeroShare(INDArray a) {
        return a.eq(0.0).castTo(DataType.INT64).sumNumber().doubleValue() / a.length();
    }

    private static double accuracy(MultiLayerNetwork net) {
        return net.evaluate(new ListDataSetIterator<>(TEST.asList(), 128)).accuracy();
    }

    private static MultiLayerNetwork rvsmNet() {
        return SparseTraining.rvsm(new L0Penalty(4e-3), 0.5).withReplaceWeightsEachEpoch(false)
                .network(TestNetworks.mlp(20, 64, 4, new Nesterovs(0.05, 0.9), 3));
    }

    private static void fitParallel(MultiLayerNetwork net, int epochs, boolean adversarial) {
        ParallelWrapper wrapper = new ParallelWrapper.Builder<>(net).workers(2).averagingFrequency(3).prefetchBuffer(2)
                .build();
        try {
            for (int e = 0; e < epochs; e++) {
                var it = new ListDataSetIterator<>(TRAIN.asList(), 32);
                if (adversarial) {
                    var batches = AdversarialBatches.pgdDefaults(net).withAttack(ProjectedGradientDescent.pgd(0.1, 0.03, 3));
                    wrapper.fit(new AdversarialDataSetIterator(it, batches));
                } else {
                    wrapper.fit(it);
                }
            }
        } finally {
            wrapper.shutdown();
        }
    }

    @Test
    void rvsmUnderParallelWrapperIsExactlySparseAndCloseToSingleWorker() {
        MultiLayerNetwork single = rvsmNet(), parallel = rvsmNet();
        for (int e = 0; e < 6; e++) {
            single.fit(new ListDataSetIterator<>(TRAIN.asList(), 32));
        }
        fitParallel(parallel, 6, false);
        INDArray u = SparseExport.sparseWeights(parallel).get("hidden");
        double sp = zeroShare(u), ss = zeroShare(SparseExport.sparseWeights(single).get("hidden"));
        double ap = accuracy(SparseExport.sparseCopy(parallel, null)), as = accuracy(SparseExport.sparseCopy(single, null));
        System.out.printf("single: sparsity %.3f accuracy %.3f; ParallelWrapper(2): sparsity %.3f accuracy %.3f%n", ss, as, sp, ap);
        assertTrue(sp > 0.3, "averaged weights still give exact zeros in u: " + sp);
        assertTrue(Math.abs(sp - ss) < 0.15, "sparsity close to single-worker: " + sp + " vs " + ss);
        assertTrue(ap > as - 0.05, "accuracy close to single-worker: " + ap + " vs " + as);
    }

    @Test
    void admmAndAdversarialTrainingRunUnderParallelWrapper() {
        MultiLayerNetwork admm = SparseTraining.with(new AdmmPruning(MagnitudeProjection.elementwise(0.7), 1e-2, 2, 40))
                .withLayers("hidden").network(TestNetworks.mlp(20, 64, 4, new Nesterovs(0.05, 0.9), 3));
        fitParallel(admm, 4, false);
        INDArray u = SparseExport.sparseWeights(admm).get("hidden");
        assertTrue(Math.abs(zeroShare(u) - 0.7) < 0.01, "ADMM export keeps its keep ratio exactly: " + zeroShare(u));

        DataSet pixels = new DataSet(Transforms.sigmoid(TRAIN.getFeatures()), TRAIN.getLabels());
        MultiLayerNetwork robust = rvsmNet();
        double before = robust.score(pixels);
        ParallelWrapper wrapper = new ParallelWrapper.Builder<>(robust).workers(2).averagingFrequency(3).build();
        try {
            var batches = AdversarialBatches.pgdDefaults(robust).withAttack(ProjectedGradientDescent.pgd(0.05, 0.02, 3));
            wrapper.fit(new AdversarialDataSetIterator(new ListDataSetIterator<>(pixels.asList(), 32), batches));
        } finally {
            wrapper.shutdown();
        }
        assertTrue(robust.score(pixels) < before, "adversarial training under ParallelWrapper lowers the loss");
    }

    /** conv(3x3, 8 filters) -&gt; dense softmax on 2x6x6 images, RGSM on the convolution's filters. */
    private static MultiLayerNetwork rgsmNet(double lambda1) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(5).updater(new Nesterovs(0.05, 0.9))
                .weightInit(WeightInit.RELU).list()
                .layer(new ConvolutionLayer.Builder(3, 3).name("conv1").nOut(8).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("out").nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(6, 6, 2)).build();
        return SparseTraining.rgsm(new GroupL0LassoPenalty(lambda1, 0), 1.0).withLayers("conv1").withReplaceWeightsEachEpoch(false)
                .network(conf);
    }

    private static long zeroFilters(MultiLayerNetwork net) {
        double[] norms = GroupNorms.of(SparseExport.sparseWeights(net).get("conv1"), ChannelGrouping.OUTPUT).toDoubleVector();
        return Arrays.stream(norms).filter(n -> n == 0).count();
    }

    @Test
    void rgsmUnderParallelWrapperZeroesWholeFiltersLikeSingleWorker() {
        DataSet train = TestData.images(768, 2, 6, 3, 4), test = TestData.images(256, 2, 6, 3, 5);
        // threshold sqrt(2 lambda1 / beta) at the median initial filter norm: about half the filters start below it
        double[] initial = GroupNorms.of(rgsmNet(1e-9).getLayer("conv1").getParam("W"), ChannelGrouping.OUTPUT)
                .toDoubleVector();
        Arrays.sort(initial);
        double lambda1 = initial[initial.length / 2] * initial[initial.length / 2] / 2;
        MultiLayerNetwork single = rgsmNet(lambda1), parallel = rgsmNet(lambda1);
        ParallelWrapper wrapper = new ParallelWrapper.Builder<>(parallel).workers(2).averagingFrequency(3).build();
        try {
            for (int e = 0; e < 5; e++) {
                single.fit(new ListDataSetIterator<>(train.asList(), 32));
                wrapper.fit(new ListDataSetIterator<>(train.asList(), 32));
            }
        } finally {
            wrapper.shutdown();
        }
        long zp = zeroFilters(parallel), zs = zeroFilters(single);
        MultiLayerNetwork exported = SparseExport.sparseCopy(parallel, null);
        INDArray w = exported.getLayer("conv1").getParam("W");
        long exportedZero = Arrays.stream(GroupNorms.of(w, ChannelGrouping.OUTPUT).toDoubleVector()).filter(n -> n == 0).count();
        double ap = exported.evaluate(new ListDataSetIterator<>(test.asList(), 128)).accuracy();
        double as = SparseExport.sparseCopy(single, null).evaluate(new ListDataSetIterator<>(test.asList(), 128)).accuracy();
        System.out.printf("RGSM zero filters of 8: single %d, ParallelWrapper(2) %d; accuracy %.3f vs %.3f%n", zs, zp, as, ap);
        assertTrue(zp > 0 && zp < 8, "whole filters exactly zero after averaging: " + zp);
        assertEquals(zp, exportedZero, "the exported model has the same whole zero filters");
        assertTrue(Math.abs(zp - zs) <= 2, "zero filters close to single-worker: " + zp + " vs " + zs);
        assertTrue(ap > as - 0.05, "accuracy close to single-worker: " + ap + " vs " + as);
    }

    @Test
    void adversarialRvsmUnderParallelWrapperIsCloseToSingleWorker() {
        // real images (Fashion-MNIST at 14x14): on the Gaussian blobs even natural training is robust at this epsilon
        DataSet train = FashionMnist.flat14(true, 1024), test = FashionMnist.flat14(false, 300);
        var attack = ProjectedGradientDescent.pgd(0.1, 0.05, 3);
        MultiLayerNetwork single = fashionRvsmNet(), parallel = fashionRvsmNet(), natural = fashionRvsmNet();
        AdversarialBatches singleBatches = AdversarialBatches.pgdDefaults(single).withAttack(attack);
        ParallelWrapper wrapper = new ParallelWrapper.Builder<>(parallel).workers(2).averagingFrequency(3).build();
        try {
            AdversarialBatches parallelBatches = AdversarialBatches.pgdDefaults(parallel).withAttack(attack);
            for (int e = 0; e < 5; e++) {
                single.fit(new AdversarialDataSetIterator(new ListDataSetIterator<>(train.asList(), 32), singleBatches));
                wrapper.fit(new AdversarialDataSetIterator(new ListDataSetIterator<>(train.asList(), 32), parallelBatches));
                natural.fit(new ListDataSetIterator<>(train.asList(), 32));
            }
        } finally {
            wrapper.shutdown();
        }
        MultiLayerNetwork sp = SparseExport.sparseCopy(parallel, null), ss = SparseExport.sparseCopy(single, null);
        MultiLayerNetwork sn = SparseExport.sparseCopy(natural, null);
        var evalAttack = ProjectedGradientDescent.pgd(0.1, 0.025, 10).withSeed(1);
        double rp = evalAttack.run(AttackModel.of(sp), test.getFeatures(), test.getLabels()).failureRate();
        double rs = evalAttack.run(AttackModel.of(ss), test.getFeatures(), test.getLabels()).failureRate();
        double rn = evalAttack.run(AttackModel.of(sn), test.getFeatures(), test.getLabels()).failureRate();
        double cp = sp.evaluate(new ListDataSetIterator<>(test.asList(), 100)).accuracy();
        double cs = ss.evaluate(new ListDataSetIterator<>(test.asList(), 100)).accuracy();
        double zp = zeroShare(sp.getLayer("hidden").getParam("W")), zs = zeroShare(ss.getLayer("hidden").getParam("W"));
        System.out.printf("adversarial RVSM: PGD accuracy single %.3f, ParallelWrapper(2) %.3f, natural %.3f; clean %.3f vs %.3f;"
                + " sparsity %.3f vs %.3f%n", rs, rp, rn, cs, cp, zs, zp);
        assertTrue(zp > 0.2, "exported weights exactly sparse after averaging: " + zp);
        assertTrue(Math.abs(zp - zs) < 0.1, "sparsity close to single-worker: " + zp + " vs " + zs);
        assertTrue(cp > cs - 0.06, "clean accuracy close to single-worker: " + cp + " vs " + cs);
        assertTrue(rp > rs - 0.06, "PGD accuracy close to single-worker: " + rp + " vs " + rs);
        assertTrue(rp > rn + 0.15, "adversarial training under ParallelWrapper must add robustness: " + rp + " vs " + rn);
    }

    private static MultiLayerNetwork fashionRvsmNet() {
        return SparseTraining.rvsm(new L0Penalty(1e-3), 0.5).withReplaceWeightsEachEpoch(false)
                .network(TestNetworks.mlp(14 * 14, 32, 10, new Adam(1e-2), 7));
    }

    @Test
    void attacksFollowParametersAveragedOutsideFit() {
        MultiLayerNetwork net = rvsmNet(), other = rvsmNet();
        other.fit(new ListDataSetIterator<>(TRAIN.asList(), 32));
        DataSet batch = new DataSet(Transforms.sigmoid(TRAIN.getFeatures()), TRAIN.getLabels()).sample(64, false);
        AdversarialBatches batches = AdversarialBatches.pgdDefaults(net).withAttack(ProjectedGradientDescent.fgsm(0.1));
        INDArray before = batches.perturb(batch.getFeatures(), batch.getLabels());
        // what ParallelWrapper's averaging does: new parameters in place, the iteration count unchanged
        net.params().assign(other.params());
        INDArray after = batches.perturb(batch.getFeatures(), batch.getLabels());
        INDArray expected = AdversarialBatches.pgdDefaults(net).withAttack(ProjectedGradientDescent.fgsm(0.1))
                .perturb(batch.getFeatures(), batch.getLabels());
        assertNotEquals(before, expected, "the two parameter sets give different FGSM examples");
        assertEquals(expected, after, "FGSM must be made against the parameters as they are now");
    }
}
