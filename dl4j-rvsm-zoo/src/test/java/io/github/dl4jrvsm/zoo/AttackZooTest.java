package io.github.dl4jrvsm.zoo;

import io.github.dl4jrvsm.data.testsupport.FashionMnist;
import io.github.dl4jrvsm.adversarial.attack.AttackResult;
import io.github.dl4jrvsm.adversarial.attack.ProjectedGradientDescent;
import io.github.dl4jrvsm.adversarial.model.AttackLoss;
import io.github.dl4jrvsm.adversarial.model.AttackModel;
import org.deeplearning4j.nn.api.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every zoo family can be attacked by the adversarial module; EnResNet is reported as randomised. */
class AttackZooTest {

    static Stream<Arguments> families() {
        InputShape grey = InputShape.FASHION_MNIST;
        return Stream.of(
                Arguments.of("LeNet-5", (Supplier<Model>) () -> new LeNet5().withInputShape(grey).init()),
                Arguments.of("ResNet20", (Supplier<Model>) () -> ResNetCifar.resnet20().withInputShape(grey).init()),
                Arguments.of("En2ResNet20", (Supplier<Model>) () -> EnResNet.of(2, 20).withInputShape(grey).init()),
                Arguments.of("VGG16", (Supplier<Model>) () -> new Vgg16().withInputShape(grey).init()),
                Arguments.of("ResNet18", (Supplier<Model>) () -> new ResNet18().withInputShape(grey).init()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void pgdAttacksEveryFamilyWithinItsBudget(String name, Supplier<Model> model) {
        DataSet d = FashionMnist.train(4);
        AttackModel m = AttackModel.of(model.get());
        INDArray g = m.gradient(d.getFeatures(), d.getLabels(), AttackLoss.CROSS_ENTROPY);
        assertTrue(g.amaxNumber().doubleValue() > 0, name + ": the input gradient must not vanish");
        AttackResult r = ProjectedGradientDescent.pgd(0.05, 0.02, 2).run(m, d.getFeatures(), d.getLabels());
        double linf = Transforms.abs(r.adversarial().sub(d.getFeatures()), false).maxNumber().doubleValue();
        assertTrue(linf <= 0.05 + 1e-6 && linf > 0, name + ": perturbation " + linf);
        assertEquals(name.startsWith("En"), m.isRandomized(), name);
    }

    @Test
    void expectationOverTransformationAveragesTheNoise() {
        Model en = EnResNet.of(2, 8).withInputShape(InputShape.FASHION_MNIST).init();
        DataSet d = FashionMnist.train(4);
        AttackModel one = AttackModel.of(en), many = AttackModel.of(en).withEot(16);
        double spreadOne = spread(one, d), spreadMany = spread(many, d);
        assertTrue(spreadMany < spreadOne / 2, "16 samples must average the noise out: " + spreadMany + " vs " + spreadOne);
        // with the noise switched off at inference the gradient is deterministic
        Model quiet = EnResNet.of(2, 8).withNoiseAtInference(false).withInputShape(InputShape.FASHION_MNIST).init();
        AttackModel q = AttackModel.of(quiet);
        assertFalse(q.isRandomized());
        assertEquals(0.0, spread(q, d), 0.0);
    }

    /** Distance between two independent gradient estimates, relative to their size. */
    private static double spread(AttackModel m, DataSet d) {
        INDArray a = m.gradient(d.getFeatures(), d.getLabels(), AttackLoss.CROSS_ENTROPY);
        INDArray b = m.gradient(d.getFeatures(), d.getLabels(), AttackLoss.CROSS_ENTROPY);
        return a.distance2(b) / a.norm2Number().doubleValue();
    }
}
