package io.github.dl4jrvsm.spark;

import io.github.dl4jrvsm.data.DataSetName;
import io.github.dl4jrvsm.data.DataSplits;
import io.github.dl4jrvsm.data.Datasets;
import io.github.dl4jrvsm.data.LoadOptions;
import io.github.dl4jrvsm.core.persist.SparseModelSerializer;
import io.github.dl4jrvsm.core.prox.L0Penalty;
import io.github.dl4jrvsm.core.report.SparsityReport;
import io.github.dl4jrvsm.core.training.SparseExport;
import io.github.dl4jrvsm.core.training.SparseTraining;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.File;
import java.nio.file.Path;

/**
 * Example Spark job: a small CNN trained with RVSM-l0 on Fashion-MNIST by parameter averaging, then exported as a
 * plain, exactly sparse DL4J model. Usage (see the README):
 * {@code spark-submit --class io.github.dl4jrvsm.spark.SparkRvsmJob <jar> <data-dir> <out.zip> [epochs]}; without a
 * master from spark-submit it runs on {@code local[2]}. It uses whichever ND4J backend the submitted class path
 * holds: executors are separate JVMs that never run a main of ours, so the fast CPU build is chosen for them by the
 * {@code -D} options in the README's {@code extraJavaOptions}, not by a call here.
 */
public final class SparkRvsmJob {

    private SparkRvsmJob() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: SparkRvsmJob <fashion-mnist-dir> <out.zip> [epochs]");
        }
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        DataSplits data = Datasets.load(DataSetName.FASHION_MNIST, LoadOptions.defaults().withDirectory(Path.of(args[0])));
        SparkConf conf = new SparkConf().setAppName("dl4j-rvsm RVSM job").setIfMissing("spark.master", "local[2]");
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            JavaRDD<DataSet> train = sc.parallelize(data.train().batchBy(32));
            ParameterAveragingTrainingMaster tm = new ParameterAveragingTrainingMaster.Builder(32)
                    .batchSizePerWorker(32).averagingFrequency(5).workerPrefetchNumBatches(2)
                    .rngSeed(42).build();
            MultiLayerConfiguration net = SparseTraining.rvsm(new L0Penalty(1e-5), 1e-2).withReplaceWeightsEachEpoch(false)
                    .applyTo(network());
            SparkDl4jMultiLayer spark = new SparkDl4jMultiLayer(sc, net, tm);
            for (int e = 0; e < epochs; e++) {
                spark.fit(train);
            }
            MultiLayerNetwork sparse = SparseExport.sparseCopy(spark.getNetwork(), null);
            SparseModelSerializer.write(sparse, new File(args[1]));
            System.out.println(SparsityReport.of(sparse, 1, 28, 28).toMarkdown());
        }
    }

    static MultiLayerConfiguration network() {
        return new NeuralNetConfiguration.Builder().seed(42).updater(new Nesterovs(0.02, 0.9)).weightInit(WeightInit.RELU)
                .list()
                .layer(new ConvolutionLayer.Builder(5, 5).name("conv1").nOut(8).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().name("fc").nOut(64).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("out").nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(28, 28, 1)).build();
    }
}
