package io.github.dl4jrvsm.zoo;

import io.github.dl4jrvsm.adversarial.attack.CarliniWagnerL2;
import io.github.dl4jrvsm.adversarial.attack.Criterion;
import io.github.dl4jrvsm.adversarial.attack.LegacyCarliniWagner;
import io.github.dl4jrvsm.adversarial.attack.NAttack;
import io.github.dl4jrvsm.adversarial.attack.ProjectedGradientDescent;
import io.github.dl4jrvsm.adversarial.evaluation.RobustnessEvaluation;
import io.github.dl4jrvsm.core.admm.AdmmPruning;
import io.github.dl4jrvsm.core.admm.MagnitudeProjection;
import io.github.dl4jrvsm.core.prox.ChannelGrouping;
import io.github.dl4jrvsm.core.prox.GroupL0LassoPenalty;
import io.github.dl4jrvsm.core.prox.GroupL0Penalty;
import io.github.dl4jrvsm.core.prox.GroupLassoPenalty;
import io.github.dl4jrvsm.core.prox.L0Penalty;
import io.github.dl4jrvsm.core.prox.L1Penalty;
import io.github.dl4jrvsm.core.prox.TransformedL1Penalty;
import io.github.dl4jrvsm.core.splitting.Coupling;
import io.github.dl4jrvsm.core.splitting.RelaxedSplitting;
import io.github.dl4jrvsm.core.splitting.WeightLayout;
import io.github.dl4jrvsm.core.training.SparseTraining;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Every configuration class of the library is an immutable value: two equal builds are equal with equal hash codes,
 * a {@code with} gives an unequal copy and leaves the original alone, and the classes that live inside DL4J
 * configurations (the sparse regularizations with their penalties, layouts and schedules) come back equal from
 * DL4J's JSON.
 */
class ConfigurationRoundTripTest {

    private static final WeightLayout DENSE = new WeightLayout(new long[]{4, 3}, 'f');

    static Stream<Arguments> configurations() {
        return Stream.of(
                of("RVSM l0", () -> new RelaxedSplitting(new L0Penalty(1e-3), 0.5),
                        r -> ((RelaxedSplitting) r).withCoupling(Coupling.THROUGH_UPDATER)),
                of("RVSM l1 + beta schedule", () -> new RelaxedSplitting(new L1Penalty(1e-3), 0.5)
                                .withBetaSchedule(new StepSchedule(ScheduleType.EPOCH, 0.5, 2, 10)),
                        r -> ((RelaxedSplitting) r).withBetaSchedule(null)),
                of("RVSM transformed l1 + lambda scale", () -> new RelaxedSplitting(new TransformedL1Penalty(1e-3, 2), 1)
                                .withLambdaScale(new MapSchedule(ScheduleType.ITERATION, Map.of(0, 0.0, 100, 1.0))),
                        r -> ((RelaxedSplitting) r).withLambdaScale(new ExponentialSchedule(ScheduleType.EPOCH, 1, 1.1))),
                of("RGSM group lasso", () -> new RelaxedSplitting(new GroupLassoPenalty(1e-2, ChannelGrouping.INPUT), 1)
                        .forLayer("hidden", DENSE), r -> ((RelaxedSplitting) r).forLayer("hidden", null)),
                of("RGSM group l0", () -> new RelaxedSplitting(new GroupL0Penalty(1e-2), 1).forLayer("hidden", DENSE),
                        r -> ((RelaxedSplitting) r).forLayer("other", DENSE)),
                of("RGSM group l0 + lasso", () -> new RelaxedSplitting(new GroupL0LassoPenalty(1e-2, 1e-4), 1)
                                .withBetaSchedule(new ExponentialSchedule(ScheduleType.ITERATION, 1, 1.001)),
                        r -> ((RelaxedSplitting) r).withCoupling(Coupling.THROUGH_UPDATER)),
                of("ADMM + rho schedule", () -> new AdmmPruning(MagnitudeProjection.elementwise(0.5), 1e-2, 2, 50)
                                .forLayer("hidden", DENSE)
                                .withRhoSchedule(new ExponentialSchedule(ScheduleType.EPOCH, 1e-3, 1.3)),
                        r -> ((AdmmPruning) r).forLayer("hidden", new WeightLayout(new long[]{3, 4}, 'c'))),
                of("ADMM channels", () -> new AdmmPruning(MagnitudeProjection.channels(0.25, ChannelGrouping.OUTPUT),
                        1e-2, 1, 10), r -> ((AdmmPruning) r).withRhoSchedule(new StepSchedule(ScheduleType.EPOCH, 1e-2,
                        2, 5))),
                of("SparseTraining", () -> SparseTraining.rvsm(new L0Penalty(1e-3), 0.5).withLayers("conv1"),
                        t -> ((SparseTraining) t).withReplaceWeightsEachEpoch(false)),
                of("RobustnessEvaluation", () -> new RobustnessEvaluation().withEpsilons(0, 0.1).withSparsityFor(1, 28, 28),
                        e -> ((RobustnessEvaluation) e).withAttack("A4", null)),
                of("PGD", () -> ProjectedGradientDescent.pgd(0.03, 0.01, 10),
                        a -> ((ProjectedGradientDescent) a).withRestarts(2)),
                of("NAttack", () -> new NAttack(0.03), a -> ((NAttack) a).withSeed(3)),
                of("C&W L2", CarliniWagnerL2::new, a -> new CarliniWagnerL2(5, 100, 0.01, 1e-2, 1, Criterion.MISCLASSIFICATION)),
                of("legacy C&W", LegacyCarliniWagner::new, a -> new LegacyCarliniWagner(0.031, 20, 6e-4, 10, 0)),
                of("LeNet-5", () -> new LeNet5().withInputShape(InputShape.FASHION_MNIST),
                        m -> ((LeNet5) m).withUpdater(new Sgd(0.1))),
                of("ResNet20", () -> ResNetCifar.resnet20().withNoise(0.1),
                        m -> ((ResNetCifar) m).withDataFormat(CNN2DFormat.NHWC)),
                of("En2ResNet20", () -> EnResNet.of(2, 20), m -> ((EnResNet) m).withNoiseAtInference(false)),
                of("VGG16", Vgg16::new, m -> ((Vgg16) m).withHeadWidth(256)),
                of("ResNet18", ResNet18::new, m -> ((ResNet18) m).withL2(5e-4)));
    }

    private static Arguments of(String name, Supplier<Object> build, UnaryOperator<Object> change) {
        return Arguments.of(name, build, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void isAnImmutableValueThatSurvivesDl4jJson(String name, Supplier<Object> build, UnaryOperator<Object> change) {
        Object config = build.get();
        assertEquals(build.get(), config);
        assertEquals(build.get().hashCode(), config.hashCode());
        Object changed = change.apply(config);
        assertNotEquals(config, changed);
        assertEquals(build.get(), config, "a with method changed the object it was called on");
        if (config instanceof Regularization r) {
            MultiLayerConfiguration conf = holding(r);
            MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
            assertEquals(conf, back);
            assertEquals(List.of(r), ((BaseLayer) back.getConf(0).getLayer()).getRegularization());
        }
    }

    private static MultiLayerConfiguration holding(Regularization r) {
        return new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().name("hidden").nIn(4).nOut(3).regularization(List.of(r)).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .nIn(3).nOut(2).build())
                .build();
    }
}
