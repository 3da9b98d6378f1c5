package io.github.dl4jrvsm.deploy;

import io.github.dl4jrvsm.core.testsupport.TestNetworks;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparseModelFileTest {

    /** Zeroes {@code share} of every weight tensor, at random places, as sparse training would. */
    private static void sparsify(Model m, double share, long seed) {
        Nd4j.getRandom().setSeed(seed);
        m.paramTable().forEach((k, p) -> {
            if (k.endsWith("_W")) {
                p.muli(Nd4j.rand(DataType.FLOAT, p.shape()).gte(share).castTo(DataType.FLOAT));
            }
        });
    }

    private static MultiLayerNetwork sequential() {
        MultiLayerNetwork net = new MultiLayerNetwork(TestNetworks.convBn(1, 8, 4, new Nesterovs(0.01, 0.9), 11));
        net.init();
        sparsify(net, 0.9, 1);
        return net;
    }

    private static ComputationGraph graph() {
        ComputationGraph g = new ComputationGraph(TestNetworks.residualGraph(1, 8, 4, new Nesterovs(0.01, 0.9), 11));
        g.init();
        sparsify(g, 0.9, 2);
        return g;
    }

    @Test
    void fullPrecisionLoadsBitIdenticalNetworksOfBothKinds() throws IOException {
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 1, 8, 8);
        MultiLayerNetwork net = sequential();
        MultiLayerNetwork back = assertInstanceOf(MultiLayerNetwork.class,
                SparseModelFile.fromBytes(SparseModelFile.toBytes(net, Quantization.NONE)));
        assertEquals(net.params(), back.params());
        assertEquals(net.getLayerWiseConfigurations(), back.getLayerWiseConfigurations());
        assertEquals(net.output(x), back.output(x));
        ComputationGraph g = graph();
        ComputationGraph gBack = assertInstanceOf(ComputationGraph.class,
                SparseModelFile.fromBytes(SparseModelFile.toBytes(g, Quantization.NONE)));
        assertEquals(g.params(), gBack.params());
        assertEquals(g.outputSingle(x), gBack.outputSingle(x));
    }

    @Test
    void int8ChangesOnlyWeightsAndByLessThanHalfAStep() throws IOException {
        MultiLayerNetwork net = sequential();
        assertTrue(net.getLayer(0).getParam("W").eq(0).castTo(DataType.INT32).sumNumber().intValue() > 50);
        Model back = SparseModelFile.fromBytes(SparseModelFile.toBytes(net, Quantization.INT8));
        net.paramTable().forEach((k, p) -> {
            INDArray q = back.paramTable().get(k);
            if (k.endsWith("_W")) {
                double step = p.amaxNumber().doubleValue() / 127;
                assertTrue(p.sub(q).amaxNumber().doubleValue() <= step / 2 + 1e-6, k);
                assertEquals(0, q.mul(p.eq(0).castTo(DataType.FLOAT)).amaxNumber().doubleValue(), 0, k + ": zeros stay zero");
            } else {
                assertEquals(p, q, k + " is not a weight and must stay exact");
            }
        });
    }

    @Test
    void aNinetyPercentSparseModelIsSmallerThanDl4jsZipOfItsParametersAlone() throws IOException {
        MultiLayerNetwork net = new MultiLayerNetwork(TestNetworks.mlp(784, 300, 10, new Nesterovs(0.01, 0.9), 3));
        net.init();
        sparsify(net, 0.9, 4);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, zip, false);
        int none = SparseModelFile.toBytes(net, Quantization.NONE).length;
        int int8 = SparseModelFile.toBytes(net, Quantization.INT8).length;
        // DL4J's zip deflates the zeros too; what is left is the index, which a bitmask or gaps store far better
        assertTrue(zip.size() > 1.5 * none, "zip " + zip.size() + " bytes, .rvsmz " + none);
        assertTrue(zip.size() > 3 * int8, "zip " + zip.size() + " bytes, .rvsmz int8 " + int8);
    }

    @Test
    void aCorruptOrTruncatedFileIsRefusedWithWhatIsWrong(@TempDir Path dir) throws IOException {
        byte[] bytes = SparseModelFile.toBytes(graph(), Quantization.NONE);
        byte[] corrupt = bytes.clone();
        corrupt[corrupt.length / 2] ^= 0x10;
        IOException c = assertThrows(IOException.class, () -> SparseModelFile.fromBytes(corrupt));
        assertTrue(c.getMessage().contains("corrupt") || c.getMessage().contains("checksum"), c.getMessage());
        IOException t = assertThrows(IOException.class,
                () -> SparseModelFile.fromBytes(Arrays.copyOf(bytes, bytes.length - 7)));
        assertTrue(t.getMessage().contains("truncated"), t.getMessage());
        IOException n = assertThrows(IOException.class, () -> SparseModelFile.fromBytes("PK\3\4 a zip file, say".getBytes()));
        assertTrue(n.getMessage().contains("not an .rvsmz file"), n.getMessage());
    }

    @Test
    void aFailedWriteLeavesNothingOnDisk(@TempDir Path dir) throws IOException {
        MultiLayerNetwork net = sequential();
        net = net.convertDataType(DataType.DOUBLE);
        Path file = dir.resolve("model.rvsmz");
        MultiLayerNetwork doubles = net;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparseModelFile.write(doubles, file, Quantization.NONE));
        assertTrue(e.getMessage().contains("DOUBLE"), e.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
        SparseModelFile.write(sequential(), file, Quantization.FP16);
        assertArrayEquals(new byte[]{'R', 'V', 'S', 'M', 'Z'}, Arrays.copyOf(Files.readAllBytes(file), 5));
    }
}
