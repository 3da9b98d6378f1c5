package io.github.dl4jrvsm.spark;

import io.github.dl4jrvsm.data.testsupport.FashionMnist;
import io.github.dl4jrvsm.adversarial.attack.ProjectedGradientDescent;
import io.github.dl4jrvsm.adversarial.model.AttackModel;
import io.github.dl4jrvsm.adversarial.training.AdversarialBatches;
import io.github.dl4jrvsm.adversarial.training.AdversarialDataSetIterator;
import io.github.dl4jrvsm.core.prox.L0Penalty;
import io.github.dl4jrvsm.core.testsupport.TestNetworks;
import io.github.dl4jrvsm.core.training.SparseExport;
import io.github.dl4jrvsm.core.training.SparseTraining;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.api.TrainingHook;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PGD adversarial training with RVSM on Spark local[2] through {@link AdversarialTrainingHook}, against a naturally
 * trained model (robustness must come from the hook) and against single-machine adversarial training with
 * {@link AdversarialDataSetIterator} on the same data and budget (the hook must not cost accuracy or sparsity).
 */
class SparkAdversarialTrainingTest {

    private static final double EPS = 0.1;
    private static final int EPOCHS = 6;
    private static final DataSet TRAIN = FashionMnist.flat14(true, 1024), TEST = FashionMnist.flat14(false, 300);
    /**
     * Which examples each worker gets is random in DL4J's parameter averaging; without a seed the test changed from run
     * to run. Over five splits (seeds 1-4 and this one) Spark+hook PGD accuracy ranged 0.33-0.45 against 0.08-0.19
     * for natural training and 0.43 for single-machine adversarial training: the margins below hold for all five.
     */
    private static final long SPLIT_SEED = 12345L;
    private static final ProjectedGradientDescent TRAINING_ATTACK = ProjectedGradientDescent.pgd(EPS, EPS / 3, 5);

    private static MultiLayerConfiguration rvsmConf() {
        return SparseTraining.rvsm(new L0Penalty(1e-3), 0.5).withReplaceWeightsEachEpoch(false)
                .applyTo(TestNetworks.mlp(14 * 14, 32, 10, new Adam(1e-2), 7));
    }

    private static double zeroShare(INDArray a) {
        return a.eq(0.0).castTo(DataType.INT64).sumNumber().doubleValue() / a.length();
    }

    private static double cleanAccuracy(MultiLayerNetwork net) {
        return net.evaluate(new ListDataSetIterator<>(TEST.asList(), 100)).accuracy();
    }

    private static double pgdAccuracy(MultiLayerNetwork net) {
        return ProjectedGradientDescent.pgd(EPS, EPS / 4, 10).withSeed(1)
                .run(AttackModel.of(net), TEST.getFeatures(), TEST.getLabels()).failureRate();
    }

    /** Trains on Spark; after every {@code fit} (several averaging rounds) the exported weights must be exactly sparse. */
    private static MultiLayerNetwork fitOnSpark(JavaSparkContext jsc, JavaRDD<DataSet> rdd, TrainingHook hook) {
        ParameterAveragingTrainingMaster.Builder tm = new ParameterAveragingTrainingMaster.Builder(32)
                .batchSizePerWorker(32).averagingFrequency(3).workerPrefetchNumBatches(0)
                .rngSeed(SPLIT_SEED);
        if (hook != null) {
            tm.trainingHooks(hook);
        }
        SparkDl4jMultiLayer spark = new SparkDl4jMultiLayer(jsc, rvsmConf(), tm.build());
        for (int e = 0; e < EPOCHS; e++) {
            spark.fit(rdd);
            MultiLayerNetwork exported = SparseExport.sparseCopy(spark.getNetwork(), null);
            INDArray u = SparseExport.sparseWeights(spark.getNetwork()).get("hidden");
            assertEquals(u, exported.getLayer("hidden").getParam("W"), "the exported model's weights are u");
            assertTrue(zeroShare(u) > 0.2, "exactly sparse after averaging, epoch " + e + ": " + zeroShare(u));
        }
        return SparseExport.sparseCopy(spark.getNetwork(), null);
    }

    @Test
    void hookGivesRobustSparseModelsCloseToSingleMachineAdversarialTraining() {
        MultiLayerNetwork single = new MultiLayerNetwork(rvsmConf());
        single.init();
        AdversarialBatches batches = AdversarialBatches.pgdDefaults(single).withAttack(TRAINING_ATTACK);
        for (int e = 0; e < EPOCHS; e++) {
            single.fit(new AdversarialDataSetIterator(new ListDataSetIterator<>(TRAIN.asList(), 32), batches));
        }
        MultiLayerNetwork singleSparse = SparseExport.sparseCopy(single, null);

        MultiLayerNetwork robust, natural;
        try (JavaSparkContext jsc = LocalSpark.context("dl4j-rvsm-adversarial")) {
            List<DataSet> batchList = new ArrayList<>(TRAIN.batchBy(32));
            JavaRDD<DataSet> rdd = jsc.parallelize(batchList, 2);
            robust = fitOnSpark(jsc, rdd, AdversarialTrainingHook.pgdDefaults().withAttack(TRAINING_ATTACK));
            natural = fitOnSpark(jsc, rdd, null);
        }
        double rob = pgdAccuracy(robust), nat = pgdAccuracy(natural), sin = pgdAccuracy(singleSparse);
        double robClean = cleanAccuracy(robust), sinClean = cleanAccuracy(singleSparse), natClean = cleanAccuracy(natural);
        double robSparsity = zeroShare(robust.getLayer("hidden").getParam("W"));
        double sinSparsity = zeroShare(singleSparse.getLayer("hidden").getParam("W"));
        System.out.printf("PGD accuracy (eps %.2f): Spark+hook %.3f, Spark natural %.3f, single adversarial %.3f; "
                        + "clean: %.3f, %.3f, %.3f; sparsity of hidden: Spark+hook %.3f, single %.3f%n",
                EPS, rob, nat, sin, robClean, natClean, sinClean, robSparsity, sinSparsity);
        assertTrue(rob > nat + 0.1, "the hook must make the model clearly more robust: " + rob + " vs " + nat);
        assertTrue(rob > sin - 0.12, "robust accuracy within a few points of single-machine: " + rob + " vs " + sin);
        assertTrue(robClean > sinClean - 0.08, "clean accuracy within a few points of single-machine: "
                + robClean + " vs " + sinClean);
        assertTrue(Math.abs(robSparsity - sinSparsity) < 0.1, "sparsity within a few points of single-machine: "
                + robSparsity + " vs " + sinSparsity);
    }
}
