package io.github.dl4jrvsm.core.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dl4jrvsm.core.prox.L0Penalty;
import io.github.dl4jrvsm.core.report.SparsityReport;
import io.github.dl4jrvsm.core.testsupport.TestNetworks;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparsityListenerTest {

    @TempDir
    Path dir;

    @Test
    void recordsEveryFewIterationsAndEveryEpochEndAsJsonLines() throws Exception {
        SparseTraining training = SparseTraining.rvsm(new L0Penalty(2e-3), 1);
        MultiLayerNetwork net = training.network(TestNetworks.mlp(12, 16, 3, new Sgd(0.1), 3));
        Path log = dir.resolve("sparsity.jsonl");
        net.addListeners(new SparsityListener(2, log));
        Nd4j.getRandom().setSeed(5);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 64, 3);
        for (int i = 0; i < 64; i++) {
            y.putScalar(i, i % 3, 1);
        }
        net.fit(new ListDataSetIterator<>(new DataSet(Nd4j.rand(DataType.FLOAT, 64, 12), y).asList(), 16));

        List<String> lines = Files.readAllLines(log);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> records = lines.stream().map(l -> {
            try {
                return json.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not one JSON record per line: " + l, e);
            }
        }).toList();
        assertEquals(3, records.size(), lines.toString());          // iterations 0 and 2 of 4, then the epoch end
        assertEquals("iteration", records.get(0).get("event").asText());
        JsonNode end = records.get(2);
        assertEquals("epoch", end.get("event").asText());
        assertEquals(2, end.get("layers").size());
        long zeros = end.get("layers").get(0).get("zeros").asLong() + end.get("layers").get(1).get("zeros").asLong();
        assertEquals(SparsityReport.of(training.export(net), 12).zeroWeights(), zeros);
        assertTrue(end.get("sparsity").asDouble() > 0, end.toString());
        assertEquals(16 * 12, end.get("layers").get(0).get("weights").asLong());
        assertTrue(end.get("layers").get(0).get("penalty").asDouble() >= 0);
    }

    @Test
    void aFrequencyBelowOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SparsityListener(0, null));
        assertEquals("frequency must be >= 1, got 0", e.getMessage());
    }
}
