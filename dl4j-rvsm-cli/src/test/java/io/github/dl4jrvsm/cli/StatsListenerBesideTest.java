package io.github.dl4jrvsm.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dl4jrvsm.core.prox.L0Penalty;
import io.github.dl4jrvsm.core.training.SparseTraining;
import io.github.dl4jrvsm.core.training.SparsityListener;
import io.github.dl4jrvsm.data.testsupport.FashionMnist;
import io.github.dl4jrvsm.zoo.InputShape;
import io.github.dl4jrvsm.zoo.LeNet5;
import org.deeplearning4j.core.storage.Persistable;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.stats.api.Histogram;
import org.deeplearning4j.ui.model.stats.api.StatsReport;
import org.deeplearning4j.ui.model.stats.api.StatsType;
import org.deeplearning4j.ui.model.storage.InMemoryStatsStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SparsityListener beside DL4J's StatsListener, as the README shows them: both record, and what the UI draws of a
 * sparse run. The UI's parameter histograms show {@code w}, never {@code u}: after the epoch-end projection
 * {@code w = u}, so the first report of the next epoch has u's zeros (moved by one small step) around zero, but exact
 * zeros are only counted by SparsityListener, as the README says.
 */
class StatsListenerBesideTest {

    @TempDir
    Path dir;

    @Test
    void bothListenersRecordAndTheUiSeesUsZerosAfterAnEpochEnd() throws Exception {
        DataSet train = FashionMnist.train(512);
        MultiLayerNetwork net = new LeNet5().withInputShape(InputShape.FASHION_MNIST).init();
        SparseTraining.rvsm(new L0Penalty(1e-4), 1.0).withLayers("fc1").attach(net);
        InMemoryStatsStorage storage = new InMemoryStatsStorage();
        Path jsonl = dir.resolve("sparsity.jsonl");
        net.addListeners(new StatsListener(storage, 1), new SparsityListener(4, jsonl));

        net.fit(new ListDataSetIterator<>(train.asList(), 64));        // one epoch, then w := u
        int epochEnd = net.getIterationCount();
        net.fit(train.get(IntStream.range(0, 64).toArray()));   // one more step: the UI reports again

        SparsityListener.Record atEpochEnd = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readValue(Files.readAllLines(jsonl).stream().filter(l -> l.contains("\"event\":\"epoch\""))
                        .findFirst().orElseThrow(), SparsityListener.Record.class);
        SparsityListener.LayerRecord fc1 = atEpochEnd.layers().get(0);
        assertEquals("fc1", fc1.layer());
        assertTrue(fc1.zeros() > fc1.weights() / 10, "l0 at lambda/beta 1e-4 zeroes a tenth of fc1: " + fc1);

        String session = storage.listSessionIDs().get(0);
        String type = storage.listTypeIDsForSession(session).get(0);
        String worker = storage.listWorkerIDsForSession(session).get(0);
        List<Persistable> updates = storage.getAllUpdatesAfter(session, type, worker, 0);
        assertTrue(updates.size() >= epochEnd, "a StatsListener report every iteration: " + updates.size());
        StatsReport after = (StatsReport) updates.get(updates.size() - 1);
        String key = net.paramTable().keySet().stream().filter(k -> k.endsWith("_W"))
                .filter(k -> net.getParam(k).length() == fc1.weights()).findFirst().orElseThrow();
        Histogram h = after.getHistograms(StatsType.Parameters).get(key);
        double width = (h.getMax() - h.getMin()) / h.getNBins();
        double at = (0 - h.getMin()) / width;
        int zeroBin = (int) Math.min(h.getNBins() - 1, Math.floor(at));
        int neighbour = at - zeroBin < 0.5 ? Math.max(0, zeroBin - 1) : Math.min(h.getNBins() - 1, zeroBin + 1);
        int nearZero = h.getBinCounts()[zeroBin] + (neighbour == zeroBin ? 0 : h.getBinCounts()[neighbour]);
        assertTrue(nearZero >= fc1.zeros(), "the UI's histogram of " + key + " holds u's " + fc1.zeros()
                + " zeros (moved by one small step) in the two bins around 0: " + nearZero);
    }
}
