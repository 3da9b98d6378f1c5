package io.github.dl4jrvsm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dl4jrvsm.data.testsupport.FashionMnist;
import io.github.dl4jrvsm.zoo.InputShape;
import io.github.dl4jrvsm.zoo.LeNet5;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rvsm evaluate} on a model saved with its normalizer ({@code ModelSerializer.addNormalizerToModel}):
 * the clean accuracy it reports is the model's on normalized images, which the test computes itself.
 */
class NormalizedModelCliTest {

    @TempDir
    Path dir;

    @Test
    void theNormalizerInTheModelZipIsAppliedBeforeTheModel() throws Exception {
        DataSet train = FashionMnist.train(1024).copy();
        NormalizerStandardize norm = new NormalizerStandardize();
        norm.fit(train);
        norm.transform(train);
        MultiLayerNetwork net = new LeNet5().withInputShape(InputShape.FASHION_MNIST).init();
        for (int epoch = 0; epoch < 2; epoch++) {
            net.fit(new ListDataSetIterator<>(train.asList(), 64));
        }
        Path withNormalizer = dir.resolve("normalized.zip");
        // writeModel(model, File, saveUpdater, normalizer) fails in DL4J M2.1 ("flush() failed: stream is closed");
        // adding the normalizer to the written zip is the route that works
        ModelSerializer.writeModel(net, withNormalizer.toFile(), false);
        ModelSerializer.addNormalizerToModel(withNormalizer.toFile(), norm);

        Path out = dir.resolve("eval");
        Object[] r = CliRun.rvsm("evaluate", "--in", withNormalizer.toString(), "--suite", "quick", "--examples", "100",
                "--out", out.toString());
        assertEquals(0, r[0], (String) r[1]);
        assertTrue(((String) r[1]).contains("normalizer NormalizerStandardize"), (String) r[1]);

        DataSet test = TrainingData.load("fashion-mnist", null, false, 0, 0, 100, 0).test();
        INDArray x = test.getFeatures().dup();
        norm.transform(x);
        int[] predicted = net.output(x).argMax(1).toIntVector();
        int[] truth = test.getLabels().argMax(1).toIntVector();
        long correct = 0;
        for (int i = 0; i < truth.length; i++) {
            correct += predicted[i] == truth[i] ? 1 : 0;
        }
        JsonNode a1 = new ObjectMapper().readTree(out.resolve("robustness.json").toFile()).get("accuracies").get(0);
        assertEquals("A1", a1.get("key").asText());
        assertEquals(correct, a1.get("correct").asLong());
        assertTrue(correct >= 30, "a LeNet-5 trained on normalized images: " + correct + " of 100");
        // the check can tell: on raw pixels the same network predicts otherwise
        assertFalse(Arrays.equals(predicted, net.output(test.getFeatures()).argMax(1).toIntVector()));
    }
}
