package io.github.dl4jrvsm.spark;

import io.github.dl4jrvsm.core.prox.L0Penalty;
import io.github.dl4jrvsm.core.testsupport.TestData;
import io.github.dl4jrvsm.core.testsupport.TestNetworks;
import io.github.dl4jrvsm.core.training.SparseExport;
import io.github.dl4jrvsm.core.training.SparseTraining;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.parameterserver.training.SharedTrainingMaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.parameterserver.distributed.conf.VoidConfiguration;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RVSM under DL4J's SharedTrainingMaster (gradient sharing over Aeron UDP) in Spark local[2]. Opt-in
 * ({@code -Ddl4jrvsm.sharedTrainingMaster=true}): it runs and the export is exactly sparse, but it takes about two
 * minutes and reached only 0.40 accuracy where parameter averaging reaches above 0.9 (see the module README), so it
 * documents the state rather than guarding a supported path.
 */
@EnabledIfSystemProperty(named = "dl4jrvsm.sharedTrainingMaster", matches = "true")
class SharedTrainingMasterTest {

    private static final DataSet TRAIN = TestData.blobs(1024, 20, 4, 1), TEST = TestData.blobs(256, 20, 4, 2);

    private static double zeroShare(INDArray a) {
        return a.eq(0.0).castTo(DataType.INT64).sumNumber().doubleValue() / a.length();
    }

    @Test
    void rvsmUnderSharedTrainingMaster() {
        // DL4J's embedded Aeron media driver sets a 30 s client liveness timeout, which Aeron 1.32 refuses unless the
        // publication unblock timeout is longer (ConfigurationException); 60 s, in nanoseconds
        System.setProperty("aeron.publication.unblock.timeout", "60000000000");
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            // quantized updates, not parameters, are exchanged; u = prox(w) must still be exact on the driver's model
            MultiLayerConfiguration conf = SparseTraining.rvsm(new L0Penalty(4e-3), 0.5).withReplaceWeightsEachEpoch(false)
                    .applyTo(TestNetworks.mlp(20, 64, 4, new Nesterovs(0.05, 0.9), 3));
            VoidConfiguration voidConf = VoidConfiguration.builder().unicastPort(40123).networkMask("127.0.0.0/8")
                    .controllerAddress("127.0.0.1").build();
            SharedTrainingMaster tm = new SharedTrainingMaster.Builder(voidConf, 32).batchSizePerWorker(32)
                    .workersPerNode(2).workerPrefetchNumBatches(0).build();
            try (JavaSparkContext jsc = LocalSpark.context("dl4j-rvsm-shared")) {
                SparkDl4jMultiLayer spark = new SparkDl4jMultiLayer(jsc, conf, tm);
                for (int e = 0; e < 3; e++) {
                    spark.fit(jsc.parallelize(TRAIN.batchBy(32), 2));
                }
                MultiLayerNetwork net = spark.getNetwork();
                double sp = zeroShare(SparseExport.sparseWeights(net).get("hidden"));
                double acc = SparseExport.sparseCopy(net, null).evaluate(new ListDataSetIterator<>(TEST.asList(), 128)).accuracy();
                System.out.printf("SharedTrainingMaster: sparsity %.3f accuracy %.3f%n", sp, acc);
                assertTrue(sp > 0.3, "exported u exactly sparse: " + sp);
            }
        });
    }
}
