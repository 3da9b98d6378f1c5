package io.github.dl4jrvsm.core.targetsparsity;

import io.github.dl4jrvsm.core.prox.L0Penalty;
import io.github.dl4jrvsm.core.prox.L1Penalty;
import io.github.dl4jrvsm.core.prox.Penalty;
import io.github.dl4jrvsm.core.prox.TransformedL1Penalty;
import io.github.dl4jrvsm.core.testsupport.TestData;
import io.github.dl4jrvsm.core.testsupport.TestNetworks;
import io.github.dl4jrvsm.core.training.SparseExport;
import io.github.dl4jrvsm.core.training.SparseTraining;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Nesterovs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Element-wise penalties under a target sparsity: {@code u} has exactly the scheduled number of zeros at every step
 * (counted by a listener that runs after the controller), the exported model ends at the target, and the recorded
 * trajectory is the schedule's.
 */
class TargetSparsityTest {

    /** 12*16 + 16*3 weights in the two dense layers of the test MLP. */
    private static final int WEIGHTS = 240, EPOCHS = 4, BATCHES = 8;

    @TempDir
    Path dir;

    static Stream<Penalty> elementwise() {
        return Stream.of(new L0Penalty(1e-4), new L1Penalty(1e-4), new TransformedL1Penalty(1e-4, 0.5));
    }

    private static long zeros(INDArray a) {
        return a.eq(0.0).castTo(DataType.INT64).sumNumber().longValue();
    }

    private static long zerosOfU(Model net) {
        return SparseExport.sparseWeights(net).values().stream().mapToLong(TargetSparsityTest::zeros).sum();
    }

    /** Counts the zeros of u right after the controller has set the next step's lambda. */
    private static final class ZeroCounter extends BaseTrainingListener {
        final List<long[]> counts = new ArrayList<>();   // {zeros of u, zeros the last step asked for}

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            count(model);
        }

        @Override
        public void onEpochStart(Model model) {
            count(model);
        }

        private void count(Model model) {
            List<LambdaStep> steps = LambdaController.of(model).trajectory();
            double s = steps.get(steps.size() - 1).sparsity();
            counts.add(new long[]{zerosOfU(model), Math.round(s * WEIGHTS)});
        }
    }

    private static MultiLayerNetwork train(SparseTraining training, BaseTrainingListener... more) {
        DataSet data = TestData.blobs(BATCHES * 32, 12, 3, 7);
        MultiLayerNetwork net = training.network(TestNetworks.mlp(12, 16, 3, new Nesterovs(0.05, 0.9), 3));
        net.addListeners(more);
        net.fit(new ListDataSetIterator<>(data.asList(), 32), EPOCHS);
        return net;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwise")
    void uHasTheScheduledNumberOfZerosAtEveryStepAndTheExportEndsAtTheTarget(Penalty penalty) {
        SparsitySchedule schedule = SparsitySchedule.iterations(2, 3 * BATCHES);
        ZeroCounter counter = new ZeroCounter();
        SparseTraining training = SparseTraining.rvsm(penalty, 0.05)
                .withTargetSparsity(TargetSparsity.global(0.75, schedule));
        MultiLayerNetwork net = train(training, counter);

        assertEquals(EPOCHS * BATCHES + EPOCHS, counter.counts.size());
        for (long[] c : counter.counts) {
            assertEquals(c[1], c[0], penalty + ": zeros of u against the schedule's");
        }
        MultiLayerNetwork exported = training.export(net);
        assertEquals(Math.round(0.75 * WEIGHTS), zeros(exported.getLayer(0).getParam("W"))
                + zeros(exported.getLayer(1).getParam("W")));
        List<LambdaStep> steps = LambdaController.of(net).trajectory();
        assertEquals(1 + EPOCHS * BATCHES + EPOCHS, steps.size(), "attach, every iteration, every epoch start");
        for (LambdaStep s : steps) {
            assertEquals(schedule.sparsityAt(0.75, s.iteration(), s.epoch()), s.sparsity(), 0);
            assertEquals(s.sparsity() == 0 ? 0 : 1, Math.signum(s.lambda()), s.toString());
        }
        assertEquals(0.75, steps.get(steps.size() - 1).sparsity(), 0);
    }

    @Test
    void eachNamedLayerReachesItsOwnTargetWithItsOwnLambda() {
        SparseTraining training = SparseTraining.rvsm(new L1Penalty(1e-4), 0.05).withTargetSparsity(
                TargetSparsity.perLayer(Map.of("hidden", 0.6, "out", 0.3), SparsitySchedule.epochs(0, 2)));
        MultiLayerNetwork exported = training.export(train(training));
        assertEquals(Math.round(0.6 * 12 * 16), zeros(exported.getLayer(0).getParam("W")));
        assertEquals(Math.round(0.3 * 16 * 3), zeros(exported.getLayer(1).getParam("W")));
    }

    @Test
    void unnamedLayersKeepTheirConfiguredLambda() {
        SparseTraining training = SparseTraining.rvsm(new L0Penalty(0), 0.05).withTargetSparsity(
                TargetSparsity.perLayer(Map.of("hidden", 0.5), SparsitySchedule.epochs(0, 1)));
        MultiLayerNetwork exported = training.export(train(training));
        assertEquals(96, zeros(exported.getLayer(0).getParam("W")));
        assertEquals(0, zeros(exported.getLayer(1).getParam("W")), "lambda 0 as configured: no zeros");
    }

    @Test
    void theTrajectoryIsAppendedAsJsonLinesAndReadsBack() throws Exception {
        Path log = dir.resolve("lambda.jsonl");
        SparseTraining training = SparseTraining.rvsm(new L0Penalty(1e-4), 0.05)
                .withTargetSparsity(TargetSparsity.global(0.5, SparsitySchedule.epochs(1, 3)).withJsonLines(log));
        MultiLayerNetwork net = train(training);
        List<LambdaStep> written = LambdaStep.read(log);
        assertEquals(LambdaController.of(net).trajectory(), written);
        LambdaStep last = written.get(written.size() - 1);
        assertEquals(TargetSparsity.ALL_LAYERS, last.scope());
        // l0 hard-thresholds at sqrt(2 lambda / beta): the recorded lambda must put it at the recorded threshold
        assertEquals(last.threshold(), Math.sqrt(2 * last.lambda() / 0.05), 1e-12);
    }
}
