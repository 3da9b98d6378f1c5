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
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.parallelism.ParallelWrapper;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.ops.transforms.Transforms;

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
        return SparseTraining.rvsm(new L0Penalty(4e-3), 0.5).replaceWeightsEachEpoch(false)
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
                .layers("hidden").network(TestNetworks.mlp(20, 64, 4, new Nesterovs(0.05, 0.9), 3));
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
}
