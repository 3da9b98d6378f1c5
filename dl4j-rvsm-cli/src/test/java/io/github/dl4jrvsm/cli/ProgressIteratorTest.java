package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.core.prox.L1Penalty;
import io.github.dl4jrvsm.core.training.SparseTraining;
import io.github.dl4jrvsm.zoo.InputShape;
import io.github.dl4jrvsm.zoo.LeNet5;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.ops.transforms.Transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The progress line's sparsity is that of u, the weights the method exports, not of the dense w. */
class ProgressIteratorTest {

    @Test
    void countsTheZerosOfUWhereAMethodIsAttachedAndOfWElsewhere() {
        MultiLayerNetwork plain = new LeNet5().withInputShape(InputShape.FASHION_MNIST).init();
        assertEquals(0.0, ProgressIterator.sparsity(plain), 0);
        MultiLayerNetwork rvsm = SparseTraining.rvsm(new L1Penalty(0.02), 1).withLayers("fc1").attach(plain);
        long wZeros = rvsm.getLayer("fc1").getParam("W").eq(0.0).castTo(DataType.INT64).sumNumber().longValue();
        assertEquals(0, wZeros, "a fresh w has no exact zeros");
        // soft thresholding at lambda/beta = 0.02 zeroes exactly the fc1 weights with |w| <= 0.02
        var fc1 = rvsm.getLayer("fc1").getParam("W");
        long expectedZeros = Transforms.abs(fc1).lte(0.02).castTo(DataType.INT64).sumNumber().longValue();
        long weights = rvsm.paramTable().entrySet().stream().filter(e -> e.getKey().endsWith("_W"))
                .mapToLong(e -> e.getValue().length()).sum();
        assertTrue(expectedZeros > 0);
        assertEquals((double) expectedZeros / weights, ProgressIterator.sparsity(rvsm), 1e-12);
    }
}
