package io.github.dl4jrvsm.zoo;

import io.github.dl4jrvsm.data.testsupport.FashionMnist;
import org.deeplearning4j.nn.api.Model;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every model family learns on real Fashion-MNIST: the training-mode loss on the images it was trained on falls by at
 * least 10%. The default updater (Nesterov, 0.1, 0.9) except for the two big networks, which see only a few small
 * batches, to keep the test run short.
 */
class TrainingTest {

    static Stream<Arguments> families() {
        InputShape grey = InputShape.FASHION_MNIST;
        // VGG16 and ResNet18 start from scratch on batches of 16 here; with step 0.1 their first steps overshoot
        // (as without warm-up in the papers), so they use 0.01 for these few steps
        Nesterovs small = new Nesterovs(0.01, 0.9);
        return Stream.of(
                Arguments.of("LeNet-5", (Supplier<Model>) () -> new LeNet5().withInputShape(grey).init(), 512, 64, 3),
                Arguments.of("ResNet20 pre-activation",
                        (Supplier<Model>) () -> ResNetCifar.resnet20().withInputShape(grey).init(), 192, 32, 2),
                Arguments.of("ResNet20 post-activation", (Supplier<Model>) () -> ResNetCifar.resnet20()
                        .withVariant(ResNetVariant.POST_ACTIVATION).withInputShape(grey).init(), 192, 32, 2),
                Arguments.of("En2ResNet20", (Supplier<Model>) () -> EnResNet.of(2, 20).withInputShape(grey).init(),
                        128, 32, 4),
                Arguments.of("VGG16", (Supplier<Model>) () -> new Vgg16().withInputShape(grey).withUpdater(small).init(),
                        32, 16, 3),
                Arguments.of("ResNet18", (Supplier<Model>) () -> new ResNet18().withInputShape(grey).withUpdater(small)
                        .init(), 32, 16, 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void trainingLowersTheLoss(String name, Supplier<Model> model, int images, int batch, int epochs) {
        double maxRatio = 0.9;
        Nd4j.getRandom().setSeed(11);
        Model net = model.get();
        DataSet data = FashionMnist.train(images);
        List<DataSet> batches = data.batchBy(batch);
        double before = ZooTestSupport.trainingLoss(net, data);
        long start = System.nanoTime();
        for (int e = 0; e < epochs; e++) {
            for (DataSet b : batches) {
                ZooTestSupport.fit(net, b);
            }
        }
        double after = ZooTestSupport.trainingLoss(net, data);
        System.out.printf("%s: loss %.4f -> %.4f after %d steps of %d images (%.1f s)%n", name, before, after,
                epochs * batches.size(), batch, (System.nanoTime() - start) / 1e9);
        assertTrue(Double.isFinite(after) && after < maxRatio * before,
                name + ": loss " + before + " -> " + after + ", expected below " + maxRatio + " x before");
    }
}
