package io.github.dl4jrvsm.deploy.runtime;

import io.github.dl4jrvsm.zoo.EnResNet;
import io.github.dl4jrvsm.zoo.InputShape;
import io.github.dl4jrvsm.zoo.LeNet5;
import io.github.dl4jrvsm.zoo.ResNetCifar;
import io.github.dl4jrvsm.zoo.ResNetVariant;
import io.github.dl4jrvsm.zoo.Vgg16;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparseRuntimeTest {

    /**
     * Zeroes {@code share} of every weight and gives batch norm non-trivial statistics, so that folding is tested
     * with something to fold.
     */
    private static <M extends Model> M prepare(M m, double share, long seed) {
        Nd4j.getRandom().setSeed(seed);
        m.paramTable().forEach((k, p) -> {
            if (k.endsWith("_W")) {
                p.muli(Nd4j.rand(DataType.FLOAT, p.shape()).gte(share).castTo(DataType.FLOAT));
            } else if (k.endsWith("_" + BatchNormalizationParamInitializer.GLOBAL_MEAN)
                    || k.endsWith("_" + BatchNormalizationParamInitializer.BETA)) {
                p.assign(Nd4j.randn(DataType.FLOAT, p.shape()).muli(0.1));
            } else if (k.endsWith("_" + BatchNormalizationParamInitializer.GLOBAL_VAR)
                    || k.endsWith("_" + BatchNormalizationParamInitializer.GAMMA)) {
                p.assign(Nd4j.rand(DataType.FLOAT, p.shape()).addi(0.5));
            }
        });
        return m;
    }

    private static INDArray dl4j(Model m, INDArray x) {
        return m instanceof MultiLayerNetwork n ? n.output(x) : ((ComputationGraph) m).outputSingle(x);
    }

    private static void assertSameOutputs(Model m, int batch, RuntimeOptions options, int... shape) {
        long[] batchShape = new long[shape.length + 1];
        batchShape[0] = batch;
        for (int i = 0; i < shape.length; i++) {
            batchShape[i + 1] = shape[i];
        }
        INDArray x = Nd4j.rand(DataType.FLOAT, batchShape);
        try (SparseRuntime runtime = SparseRuntime.compile(m, options, shape)) {
            INDArray expected = dl4j(m, x);
            INDArray actual = runtime.predict(x);
            double diff = expected.sub(actual).amaxNumber().doubleValue();
            assertTrue(diff < 1e-4, "max |DL4J - runtime| = " + diff + " at batch " + batch);
        }
    }

    @Test
    void leNet5MatchesDl4jDenseAndSparseAtBatch1And128() {
        for (double zeros : new double[]{0, 0.9}) {
            Model m = prepare(new LeNet5().withInputShape(InputShape.FASHION_MNIST).init(), zeros, 1);
            assertSameOutputs(m, 1, RuntimeOptions.defaults(), 1, 28, 28);
            assertSameOutputs(m, 128, RuntimeOptions.defaults().withThreads(2), 1, 28, 28);
        }
    }

    @Test
    void resNet20BothVariantsMatchDl4j() {
        for (ResNetVariant v : ResNetVariant.values()) {
            Model m = prepare(ResNetCifar.resnet20().withVariant(v).init(), 0.9, 2);
            assertSameOutputs(m, 1, RuntimeOptions.defaults(), 3, 32, 32);
            assertSameOutputs(m, 128, RuntimeOptions.defaults().withThreads(2), 3, 32, 32);
        }
        Model dense = prepare(ResNetCifar.resnet20().init(), 0, 3);
        assertSameOutputs(dense, 1, RuntimeOptions.defaults(), 3, 32, 32);
        assertSameOutputs(dense, 128, RuntimeOptions.defaults().withThreads(2), 3, 32, 32);
    }

    @Test
    void vgg16AndEnResNetWithNoiseOffMatchDl4j() {
        Model vgg = prepare(new Vgg16().withHeadWidth(64).init(), 0.9, 4);
        assertSameOutputs(vgg, 1, RuntimeOptions.defaults(), 3, 32, 32);
        assertSameOutputs(vgg, 128, RuntimeOptions.defaults().withThreads(2), 3, 32, 32);
        Model en = prepare(EnResNet.of(2, 20).withNoiseAtInference(false).init(), 0.9, 5);
        assertSameOutputs(en, 1, RuntimeOptions.defaults(), 3, 32, 32);
        assertSameOutputs(en, 128, RuntimeOptions.defaults().withThreads(2), 3, 32, 32);
    }

    @Test
    void batchNormFoldsIntoTheConvolutionBeforeItAndSparseLayersStoreOnlyNonZeros() {
        Model m = prepare(ResNetCifar.resnet20().withVariant(ResNetVariant.POST_ACTIVATION).init(), 0.9, 6);
        try (SparseRuntime runtime = SparseRuntime.compile(m, RuntimeOptions.defaults(), 3, 32, 32)) {
            String ops = runtime.describe();
            assertFalse(ops.contains("ChannelAffineOp"), ops);
            assertFalse(ops.contains("ActivationOp: "), ops);
            long stored = ops.lines().filter(l -> l.contains("weights stored"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll(".*, (\\d+) weights stored", "$1"))).sum();
            long all = m.paramTable().entrySet().stream().filter(e -> e.getKey().endsWith("_W"))
                    .mapToLong(e -> e.getValue().length()).sum();
            assertTrue(stored < 0.12 * all, stored + " of " + all + " weights stored");
        }
    }

    @Test
    void aCallWithASeenBatchSizeAllocatesNoTensors() {
        Model m = prepare(new LeNet5().withInputShape(InputShape.FASHION_MNIST).init(), 0.9, 7);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (SparseRuntime runtime = SparseRuntime.compile(m, RuntimeOptions.defaults(), 1, 28, 28)) {
            float[] in = new float[784];
            float[] out = new float[10];
            for (int i = 0; i < 200; i++) {
                runtime.predict(in, 1, out);
            }
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 100; i++) {
                runtime.predict(in, 1, out);
            }
            long perCall = (mx.getCurrentThreadAllocatedBytes() - before) / 100;
            assertTrue(perCall < 64, perCall + " bytes allocated per call; LeNet-5's activations alone are ~30 kB");
        }
    }

    @Test
    void whatTheRuntimeCannotRunIsRefusedByName() {
        Model noisy = EnResNet.of(2, 20).init();
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> SparseRuntime.compile(noisy, RuntimeOptions.defaults(), 3, 32, 32));
        assertTrue(e.getMessage().contains("noise at inference"), e.getMessage());
        Model m = new LeNet5().withInputShape(InputShape.FASHION_MNIST).init();
        try (SparseRuntime runtime = SparseRuntime.compile(m, RuntimeOptions.defaults(), 1, 28, 28)) {
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                    () -> runtime.predict(new float[100], 1));
            assertTrue(bad.getMessage().contains("784"), bad.getMessage());
            assertEquals(10, runtime.outputShape()[0]);
        }
    }
}
