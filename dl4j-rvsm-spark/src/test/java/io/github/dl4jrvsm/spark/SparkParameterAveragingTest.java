package io.github.dl4jrvsm.spark;

import io.github.dl4jrvsm.core.admm.AdmmPruning;
import io.github.dl4jrvsm.core.admm.MagnitudeProjection;
import io.github.dl4jrvsm.core.prox.ChannelGrouping;
import io.github.dl4jrvsm.core.prox.GroupL0LassoPenalty;
import io.github.dl4jrvsm.core.prox.GroupNorms;
import io.github.dl4jrvsm.core.prox.L0Penalty;
import io.github.dl4jrvsm.core.testsupport.TestData;
import io.github.dl4jrvsm.core.testsupport.TestNetworks;
import io.github.dl4jrvsm.core.training.SparseExport;
import io.github.dl4jrvsm.core.training.SparseTraining;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Nesterovs;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** RVSM under Spark local[2] with parameter averaging, against single-machine training on the same data and budget. */
class SparkParameterAveragingTest {

    private static final DataSet TRAIN = TestData.blobs(1024, 20, 4, 1), TEST = TestData.blobs(256, 20, 4, 2);

    private static double zeroShare(INDArray a) {
        return a.eq(0.0).castTo(DataType.INT64).sumNumber().doubleValue() / a.length();
    }

    private static double accuracy(MultiLayerNetwork net) {
        return net.evaluate(new ListDataSetIterator<>(TEST.asList(), 128)).accuracy();
    }

    @Test
    void rvsmOnSparkIsExactlySparseAndCloseToSingleMachine() {
        SparseTraining method = SparseTraining.rvsm(new L0Penalty(4e-3), 0.5).withReplaceWeightsEachEpoch(false);
        MultiLayerConfiguration conf = method.applyTo(TestNetworks.mlp(20, 64, 4, new Nesterovs(0.05, 0.9), 3));
        MultiLayerNetwork single = new MultiLayerNetwork(conf.clone());
        single.init();
        for (int e = 0; e < 5; e++) {
            single.fit(new ListDataSetIterator<>(TRAIN.asList(), 32));
        }
        SparkConf sc = new SparkConf().setMaster("local[2]").setAppName("dl4j-rvsm-test")
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false");
        try (JavaSparkContext jsc = new JavaSparkContext(sc)) {
            JavaRDD<DataSet> rdd = jsc.parallelize(TRAIN.batchBy(32), 2);
            ParameterAveragingTrainingMaster tm = new ParameterAveragingTrainingMaster.Builder(32)
                    .batchSizePerWorker(32).averagingFrequency(3).workerPrefetchNumBatches(0).rngSeed(12345).build();
            SparkDl4jMultiLayer spark = new SparkDl4jMultiLayer(jsc, conf.clone(), tm);
            for (int e = 0; e < 5; e++) {
                spark.fit(rdd);
            }
            MultiLayerNetwork averaged = spark.getNetwork();
            double sp = zeroShare(SparseExport.sparseWeights(averaged).get("hidden"));
            double ss = zeroShare(SparseExport.sparseWeights(single).get("hidden"));
            double ap = accuracy(SparseExport.sparseCopy(averaged, null)), as = accuracy(SparseExport.sparseCopy(single, null));
            System.out.printf("single: sparsity %.3f accuracy %.3f; Spark local[2]: sparsity %.3f accuracy %.3f%n", ss, as, sp, ap);
            assertTrue(sp > 0.3, "exported u is exactly sparse after averaging: " + sp);
            assertTrue(Math.abs(sp - ss) < 0.2, "sparsity within a few points of single-machine: " + sp + " vs " + ss);
            assertTrue(ap > as - 0.05, "accuracy within a few points of single-machine: " + ap + " vs " + as);
        }
    }

    @Test
    void rgsmGraphAndAdmmRunOnSparkAndStayExactlySparse() {
        SparkConf sc = new SparkConf().setMaster("local[2]").setAppName("dl4j-rvsm-test-graph")
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false");
        try (JavaSparkContext jsc = new JavaSparkContext(sc)) {
            DataSet images = TestData.images(128, 2, 6, 3, 4);
            // threshold sqrt(2 lambda1 / beta) at the median initial filter norm: about half the filters start below it
            var plainConf = TestNetworks.residualGraph(2, 6, 3, new Nesterovs(0.05, 0.9), 5);
            var probe = new ComputationGraph(plainConf.clone());
            probe.init();
            double[] initial = GroupNorms.of(probe.getLayer("conv1").getParam("W"),
                    ChannelGrouping.OUTPUT).toDoubleVector();
            Arrays.sort(initial);
            double lambda1 = initial[initial.length / 2] * initial[initial.length / 2] / 2;
            var graphConf = SparseTraining.rgsm(new GroupL0LassoPenalty(lambda1, 0), 1.0)
                    .withLayers("conv1", "conv2").withReplaceWeightsEachEpoch(false)
                    .applyTo(TestNetworks.residualGraph(2, 6, 3, new Nesterovs(0.05, 0.9), 5));
            ParameterAveragingTrainingMaster tm = new ParameterAveragingTrainingMaster.Builder(16)
                    .batchSizePerWorker(16).averagingFrequency(2).workerPrefetchNumBatches(0).rngSeed(12345).build();
            var spark = new SparkComputationGraph(jsc, graphConf, tm);
            JavaRDD<DataSet> rdd = jsc.parallelize(images.batchBy(16), 2);
            for (int e = 0; e < 3; e++) {
                spark.fit(rdd);
            }
            INDArray u = SparseExport.sparseWeights(spark.getNetwork()).get("conv1");
            double[] norms = GroupNorms.of(u, ChannelGrouping.OUTPUT)
                    .toDoubleVector();
            long zeroFilters = Arrays.stream(norms).filter(n -> n == 0).count();
            assertTrue(zeroFilters > 0 && zeroFilters < norms.length, "whole filters exactly zero after averaging: " + zeroFilters);

            MultiLayerConfiguration admmConf = SparseTraining.with(new AdmmPruning(
                            MagnitudeProjection.elementwise(0.7), 1e-2, 2, 20))
                    .withLayers("hidden").applyTo(TestNetworks.mlp(20, 64, 4, new Nesterovs(0.05, 0.9), 3));
            SparkDl4jMultiLayer admm = new SparkDl4jMultiLayer(jsc, admmConf, new ParameterAveragingTrainingMaster.Builder(32)
                    .batchSizePerWorker(32).averagingFrequency(3).workerPrefetchNumBatches(0).rngSeed(12345).build());
            JavaRDD<DataSet> blobs = jsc.parallelize(TRAIN.batchBy(32), 2);
            for (int e = 0; e < 3; e++) {
                admm.fit(blobs);
            }
            double zeros = zeroShare(SparseExport.sparseWeights(admm.getNetwork()).get("hidden"));
            assertTrue(Math.abs(zeros - 0.7) < 0.01, "ADMM export keeps its prune fraction exactly: " + zeros);
        }
    }
}
