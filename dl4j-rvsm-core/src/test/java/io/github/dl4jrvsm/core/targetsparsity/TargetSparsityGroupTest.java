package io.github.dl4jrvsm.core.targetsparsity;

import io.github.dl4jrvsm.core.prox.ChannelGrouping;
import io.github.dl4jrvsm.core.prox.GroupL0LassoPenalty;
import io.github.dl4jrvsm.core.prox.GroupL0Penalty;
import io.github.dl4jrvsm.core.prox.GroupLassoPenalty;
import io.github.dl4jrvsm.core.prox.GroupNorms;
import io.github.dl4jrvsm.core.prox.GroupPenalty;
import io.github.dl4jrvsm.core.splitting.RelaxedSplitting;
import io.github.dl4jrvsm.core.testsupport.TestData;
import io.github.dl4jrvsm.core.testsupport.TestNetworks;
import io.github.dl4jrvsm.core.training.SparseTraining;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The group penalties under a channel target on a graph with convolutions, a dense layer and batch norm: the
 * exported model has exactly the requested number of zero groups, each of them whole, for every group penalty and
 * both groupings, with one shared lambda or one per layer.
 */
class TargetSparsityGroupTest {

    private static final String[] SPARSE = {"stem", "conv1", "conv2", "out"};

    static Stream<Arguments> methods() {
        return Stream.of(
                Arguments.of("group l0, output channels", SparseTraining.rgsm(new GroupL0Penalty(1e-3), 0.5)),
                Arguments.of("group lasso, input channels",
                        SparseTraining.rgsm(new GroupLassoPenalty(1e-3, ChannelGrouping.INPUT), 0.5)),
                Arguments.of("group l0 + lasso in the prox",
                        SparseTraining.rgsm(new GroupL0LassoPenalty(1e-3, 2e-4), 0.5)),
                Arguments.of("group l0 + lasso as the authors (lasso in the loss)",
                        SparseTraining.rgsmAsAuthors(1e-3, 1e-4, 0.5, ChannelGrouping.OUTPUT)));
    }

    /** {@code training} with the batch-norm data that the epoch-end projection and the export re-measure on. */
    private static SparseTraining withBatchNorm(SparseTraining training) {
        DataSet bn = TestData.images(64, 2, 6, 3, 9);
        return training.withBatchNormData(new ListDataSetIterator<>(bn.asList(), 32), 2);
    }

    private static ComputationGraph train(SparseTraining training) {
        DataSet data = TestData.images(96, 2, 6, 3, 4);
        ComputationGraph g = training.graph(TestNetworks.residualGraph(2, 6, 3, new Sgd(0.05), 5));
        g.fit(new ListDataSetIterator<>(data.asList(), 32), 4);
        return g;
    }

    /** Zero groups of a layer's weight; fails when a group is only partly zero. */
    private static int zeroGroups(INDArray w, ChannelGrouping grouping, String layer) {
        int axis = grouping.groupAxis(w);
        int[] reduce = Arrays.stream(grouping.reducedAxes(w)).mapToInt(d -> (int) d).toArray();
        long size = w.length() / w.size(axis);
        INDArray zerosPerGroup = w.eq(0.0).castTo(DataType.INT64).sum(reduce);
        int zero = 0;
        for (long g = 0; g < zerosPerGroup.length(); g++) {
            long z = zerosPerGroup.getLong(g);
            assertTrue(z == 0 || z == size, layer + " group " + g + " is partly zero: " + z + " of " + size);
            zero += z == size ? 1 : 0;
        }
        assertEquals(zero, (int) GroupNorms.of(w, grouping).eq(0.0).castTo(DataType.INT64).sumNumber().longValue());
        return zero;
    }

    private static ChannelGrouping grouping(SparseTraining training) {
        return ((GroupPenalty) ((RelaxedSplitting) training.regularization()).getPenalty()).getGrouping();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void oneSharedLambdaZeroesExactlyTheTargetShareOfAllGroups(String name, SparseTraining method) {
        SparseTraining training = withBatchNorm(method.withTargetSparsity(0.5, 2));
        ComputationGraph exported = training.export(train(training));
        ChannelGrouping grouping = grouping(training);
        int groups = 0, zero = 0;
        for (String layer : SPARSE) {
            INDArray w = exported.getLayer(layer).getParam("W");
            groups += (int) w.size(grouping.groupAxis(w));
            zero += zeroGroups(w, grouping, layer);
        }
        assertEquals(grouping == ChannelGrouping.OUTPUT ? 27 : 26, groups);
        assertEquals(Math.round(0.5 * groups), zero, name);
    }

    @Test
    void perLayerChannelTargetsAreMetLayerByLayer() {
        SparseTraining training = withBatchNorm(SparseTraining.rgsm(new GroupL0LassoPenalty(1e-3, 2e-4), 0.5)
                .withTargetSparsity(TargetSparsity.perLayer(Map.of("conv1", 0.25, "conv2", 0.6, "stem", 0.5),
                        SparsitySchedule.epochs(1, 3))));
        ComputationGraph trained = train(training);
        ComputationGraph exported = training.export(trained);
        assertEquals(2, zeroGroups(exported.getLayer("conv1").getParam("W"), ChannelGrouping.OUTPUT, "conv1"));
        assertEquals(5, zeroGroups(exported.getLayer("conv2").getParam("W"), ChannelGrouping.OUTPUT, "conv2"));
        assertEquals(4, zeroGroups(exported.getLayer("stem").getParam("W"), ChannelGrouping.OUTPUT, "stem"));
        List<LambdaStep> steps = LambdaController.of(trained).trajectory();
        assertEquals(Set.of("conv1", "conv2", "stem"), steps.subList(steps.size() - 3, steps.size()).stream()
                .map(LambdaStep::scope).collect(Collectors.toSet()), "one lambda per named layer and step");
    }
}
