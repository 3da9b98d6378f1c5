package io.github.dl4jrvsm.zoo.surgery;

import io.github.dl4jrvsm.data.testsupport.FashionMnist;
import io.github.dl4jrvsm.data.MnistFormat;
import io.github.dl4jrvsm.core.prox.ChannelGrouping;
import io.github.dl4jrvsm.core.prox.GroupL0LassoPenalty;
import io.github.dl4jrvsm.surgery.ChannelSurgery;
import io.github.dl4jrvsm.surgery.SpaceDecision;
import io.github.dl4jrvsm.surgery.SurgeryOutputs;
import io.github.dl4jrvsm.surgery.SurgeryReport;
import io.github.dl4jrvsm.surgery.SurgeryResult;
import io.github.dl4jrvsm.core.training.SparseExport;
import io.github.dl4jrvsm.core.training.SparseTraining;
import io.github.dl4jrvsm.zoo.EnResNet;
import io.github.dl4jrvsm.zoo.InputShape;
import io.github.dl4jrvsm.zoo.LeNet5;
import io.github.dl4jrvsm.zoo.ResNetCifar;
import io.github.dl4jrvsm.zoo.Vgg16;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Nesterovs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The zoo networks, trained a few batches with RGSM (group l0 + lasso, OUTPUT grouping, a strong lambda so whole
 * filters become zero) and exported with {@link SparseExport#sparseCopy}, are cut down by {@link ChannelSurgery};
 * the new network gives the same outputs within 1e-5 on real Fashion-MNIST images and is smaller.
 */
class ZooSurgeryTest {

    /** Group-l0 threshold {@code sqrt(2 * 0.05 / 1) = 0.32}: kills the filters pre-scaled to 0.05, keeps those at 1.5. */
    private static final double LAMBDA = 0.05;

    static Stream<Arguments> models() {
        InputShape grey = InputShape.FASHION_MNIST;
        return Stream.of(
                Arguments.of("LeNet-5", (Supplier<Object>) () -> new LeNet5().withInputShape(grey).withUpdater(new Nesterovs(0.01, 0.9)).conf()),
                Arguments.of("VGG16", (Supplier<Object>) () -> new Vgg16().withInputShape(grey).withUpdater(new Nesterovs(0.01, 0.9)).conf()),
                Arguments.of("ResNet20", (Supplier<Object>) () -> ResNetCifar.resnet20().withInputShape(grey).withUpdater(new Nesterovs(0.01, 0.9)).conf()),
                Arguments.of("En2ResNet20", (Supplier<Object>) () -> EnResNet.of(2, 20).withNoiseAtInference(false)
                        .withInputShape(grey).withUpdater(new Nesterovs(0.01, 0.9)).conf()));
    }

    /**
     * RGSM for two batches, then the plain sparse copy (w := u, batch-norm statistics re-measured). Before training,
     * every third output channel of each hidden convolution/dense layer is scaled to norm 0.05 and the others to 1.5
     * ({@link ZooSurgeryChecks#prescaleFilters}); RGSM's group-l0 threshold then zeroes exactly the weak ones. Without
     * this, He-initialised filter norms ({@code sqrt(2 in / out)}) make any single lambda either zero a whole layer
     * (VGG's first layer has norm 0.18) or nothing.
     */
    static Model rgsmTrained(Object conf, DataSet train) {
        return rgsmTrained(conf, train, 3);
    }

    static Model rgsmTrained(Object conf, DataSet train, int weakPattern) {
        Nd4j.getRandom().setSeed(3);
        SparseTraining rgsm = SparseTraining.rgsm(new GroupL0LassoPenalty(LAMBDA, 1e-3, ChannelGrouping.OUTPUT), 1.0)
                .withReplaceWeightsEachEpoch(false);
        Model net = conf instanceof MultiLayerConfiguration m ? rgsm.network(m)
                : rgsm.graph((ComputationGraphConfiguration) conf);
        ZooSurgeryChecks.prescaleFilters(net, weakPattern);
        for (DataSet batch : train.batchBy(8)) {
            if (net instanceof MultiLayerNetwork mln) {
                mln.fit(batch);
            } else {
                ((ComputationGraph) net).fit(batch);
            }
        }
        return SparseExport.sparseCopy(net, new ListDataSetIterator<>(train.asList(), 8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void rgsmPrunedModelShrinksWithTheSameOutputs(String name, Supplier<Object> conf) throws IOException {
        DataSet train = FashionMnist.test(16);
        Model sparse = rgsmTrained(conf.get(), train);
        DataSet test = new DataSet(FashionMnist.test(96).getFeatures().get(NDArrayIndex.interval(32, 96)).dup(), null);

        SurgeryResult r = ChannelSurgery.prune(sparse);
        SurgeryReport report = SurgeryReport.of(sparse, r, test.getFeatures(), SurgeryReport.LatencyOptions.NONE, 1, 28, 28);
        System.out.println("== " + name + "\n" + report.toMarkdown());

        double diff = SurgeryOutputs.maxAbsDifference(sparse, r.network(), test.getFeatures());
        assertTrue(diff < 1e-5, name + ": max abs output difference " + diff);
        assertEquals(diff, report.maxAbsDifference(), 0.0);
        assertTrue(r.removedChannels() > 0, name + ": nothing removed");
        assertTrue(report.paramsAfter() < report.paramsBefore(), name + " parameters " + report.paramsAfter());
        assertTrue(report.flopsAfter() < report.flopsBefore(), name + " FLOPs " + report.flopsAfter());
        double spread = ZooSurgeryChecks.outputSpread(sparse, test.getFeatures());
        assertTrue(spread > 1e-4, name + ": outputs hardly depend on the input (" + spread + "), the comparison is weak");
        if (name.contains("ResNet")) {
            ZooSurgeryChecks.assertInnerBlockChannelsRemoved(name, r);
        }
    }
}
