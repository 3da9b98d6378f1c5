package io.github.dl4jrvsm.zoo;

import io.github.dl4jrvsm.data.testsupport.FashionMnist;
import io.github.dl4jrvsm.core.prox.ChannelGrouping;
import io.github.dl4jrvsm.core.prox.GroupL0LassoPenalty;
import io.github.dl4jrvsm.core.prox.L0Penalty;
import io.github.dl4jrvsm.core.training.LayerSelection;
import io.github.dl4jrvsm.core.internal.NamedLayer;
import io.github.dl4jrvsm.core.training.SparseExport;
import io.github.dl4jrvsm.core.training.SparseTraining;
import org.deeplearning4j.nn.api.Model;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every zoo family trains with the core's RVSM and RGSM: all its convolutions and dense layers are accepted by
 * {@link LayerSelection}, two small Fashion-MNIST batches run without error, and projecting {@code w} onto {@code u}
 * leaves exact zeros (for RGSM, whole output channels).
 */
class SparseTrainingZooTest {

    static Stream<Arguments> families() {
        InputShape grey = InputShape.FASHION_MNIST;
        return Stream.of(
                family("LeNet-5", () -> new LeNet5().withInputShape(grey)),
                family("ResNet20 pre-activation", () -> ResNetCifar.resnet20().withInputShape(grey)),
                family("ResNet20 post-activation",
                        () -> ResNetCifar.resnet20().withVariant(ResNetVariant.POST_ACTIVATION).withInputShape(grey)),
                family("En2ResNet20", () -> EnResNet.of(2, 20).withInputShape(grey)),
                family("VGG16", () -> new Vgg16().withInputShape(grey)),
                family("ResNet18", () -> new ResNet18().withInputShape(grey)));
    }

    private static Arguments family(String name, Supplier<ZooModel<?>> model) {
        return Arguments.of(name, model);
    }

    /** The network built through the facade's configuration path ({@code network} or {@code graph}). */
    private static Model build(SparseTraining method, ZooModel<?> zoo) {
        if (zoo instanceof LeNet5 m) {
            return method.network(m.conf());
        }
        if (zoo instanceof Vgg16 m) {
            return method.network(m.conf());
        }
        if (zoo instanceof ResNetCifar m) {
            return method.graph(m.conf());
        }
        if (zoo instanceof EnResNet m) {
            return method.graph(m.conf());
        }
        return method.graph(((ResNet18) zoo).conf());
    }

    /** The names and projected weights of the sparsified layers after two small training batches. */
    private record Sparsified(List<String> names, List<INDArray> weights) {
    }

    private static Sparsified train(SparseTraining method, ZooModel<?> zoo) {
        Nd4j.getRandom().setSeed(3);
        // fit(DataSet) has no epochs, so the facade's epoch-end projection is off and projectInPlace is called here
        Model net = build(method.withReplaceWeightsEachEpoch(false), zoo.withUpdater(new Nesterovs(0.01, 0.9)));
        List<NamedLayer> selected = LayerSelection.select(NamedLayer.of(net), Set.of());
        long convsAndDense = NamedLayer.of(net).stream().filter(l -> LayerSelection.isSupported(l.config())).count();
        assertEquals(convsAndDense, selected.size());
        for (DataSet batch : FashionMnist.train(16).batchBy(8)) {
            ZooTestSupport.fit(net, batch);
        }
        assertTrue(Double.isFinite(net.score()), "score " + net.score());
        assertEquals(selected.size(), SparseExport.projectInPlace(net), "every conv and dense layer is sparsified");
        List<String> names = new ArrayList<>();
        List<INDArray> weights = new ArrayList<>();
        for (NamedLayer l : selected) {
            names.add(l.name());
            weights.add(SparseExport.weights(net, l));
        }
        return new Sparsified(names, weights);
    }

    private static long zeros(INDArray a) {
        return a.eq(0.0).castTo(DataType.INT64).sumNumber().longValue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void rvsmLeavesExactZerosInEveryLayer(String name, Supplier<ZooModel<?>> family) {
        ZooModel<?> zoo = family.get();
        // hard threshold sqrt(2 * 1e-4 / 1e-2) = 0.14, above most initial weights
        Sparsified s = train(SparseTraining.rvsm(new L0Penalty(1e-4), 1e-2), zoo);
        long total = 0, zero = 0;
        for (int i = 0; i < s.names().size(); i++) {
            INDArray w = s.weights().get(i);
            assertFalse(w.isNaN().any(), s.names().get(i));
            assertTrue(zeros(w) > 0, s.names().get(i) + " has no exact zero");
            total += w.length();
            zero += zeros(w);
        }
        System.out.printf("RVSM-l0 %s: %d layers, %.1f%% of weights exactly zero%n", name,
                s.names().size(), 100.0 * zero / total);
        assertTrue(zero > 0.3 * total, "sparsity " + (double) zero / total);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void rgsmZerosWholeOutputChannels(String name, Supplier<ZooModel<?>> family) {
        ZooModel<?> zoo = family.get();
        // a filter survives iff its norm > 1e-3 + sqrt(2 * 0.5 / 1) ~ 1.0; initial filter norms are ~sqrt(2 in / out)
        Sparsified s = train(SparseTraining.rgsm(new GroupL0LassoPenalty(0.5, 1e-3), 1.0), zoo);
        long zeroChannels = 0, channels = 0;
        for (int i = 0; i < s.names().size(); i++) {
            INDArray w = s.weights().get(i);
            int axis = ChannelGrouping.OUTPUT.groupAxis(w);
            int[] reduce = Arrays.stream(ChannelGrouping.OUTPUT.reducedAxes(w)).mapToInt(d -> (int) d).toArray();
            long groupSize = w.length() / w.size(axis);
            INDArray zerosPerChannel = w.eq(0.0).castTo(DataType.INT64).sum(reduce);
            for (long c = 0; c < zerosPerChannel.length(); c++) {
                long z = zerosPerChannel.getLong(c);
                assertTrue(z == 0 || z == groupSize, s.names().get(i) + " channel " + c + " is partly zero: "
                        + z + " of " + groupSize);
                zeroChannels += z == groupSize ? 1 : 0;
            }
            channels += zerosPerChannel.length();
        }
        System.out.printf("RGSM %s: %d of %d output channels exactly zero%n", name,
                zeroChannels, channels);
        assertTrue(zeroChannels > 0, "no channel was pruned");
    }
}
