package io.github.dl4jrvsm.adversarial.earlystopping;

import io.github.dl4jrvsm.adversarial.testsupport.AdvNetworks;
import io.github.dl4jrvsm.core.prox.L0Penalty;
import io.github.dl4jrvsm.core.training.SparseModelSaver;
import io.github.dl4jrvsm.core.training.SparseTraining;
import io.github.dl4jrvsm.data.testsupport.FashionMnist;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.earlystopping.EarlyStoppingConfiguration;
import org.deeplearning4j.earlystopping.EarlyStoppingResult;
import org.deeplearning4j.earlystopping.termination.MaxEpochsTerminationCondition;
import org.deeplearning4j.earlystopping.trainer.EarlyStoppingTrainer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DL4J's EarlyStoppingTrainer with a sparse method: the saved best model is the sparse export of the epoch that
 * scored best, and its score is its own robust accuracy.
 */
class EarlyStoppingTest {

    @TempDir
    Path dir;

    @Test
    void theBestModelIsTheSparseExportThatWasScored() throws Exception {
        DataSet train = FashionMnist.train(768);
        ListDataSetIterator<DataSet> trainData = new ListDataSetIterator<>(train.asList(), 64);
        ListDataSetIterator<DataSet> heldOut = new ListDataSetIterator<>(FashionMnist.test(96).asList(), 48);
        SparseTraining rvsm = SparseTraining.rvsm(new L0Penalty(2e-4), 0.5)
                .withBatchNormData(new ListDataSetIterator<>(train.asList(), 64), 4);
        MultiLayerNetwork net = rvsm.attach(AdvNetworks.smallCnn(5));
        RobustAccuracyScoreCalculator score = RobustAccuracyScoreCalculator.pgd(heldOut, 0.1, 0.025, 3)
                .scoringExportOf(rvsm);
        SparseModelSaver<MultiLayerNetwork> saver = new SparseModelSaver<>(dir.toFile(), rvsm);
        EarlyStoppingConfiguration<MultiLayerNetwork> config = new EarlyStoppingConfiguration.Builder<MultiLayerNetwork>()
                .epochTerminationConditions(new MaxEpochsTerminationCondition(3))
                .scoreCalculator(score).modelSaver(saver).saveLastModel(true).build();

        EarlyStoppingResult<MultiLayerNetwork> result = new EarlyStoppingTrainer(config, net, trainData).fit();

        MultiLayerNetwork best = result.getBestModel();
        double rescored = RobustAccuracyScoreCalculator.pgd(heldOut, 0.1, 0.025, 3).calculateScore(best);
        // (DL4J 1.0.0-M2.1's result reports a best score of 0; the per-epoch scores are right)
        double bestScore = result.getScoreVsEpoch().get(result.getBestModelEpoch());
        assertEquals(bestScore, rescored, 1e-12, "the saved model is the one that was scored");
        assertTrue(bestScore > 0.05, "a trained model resists some PGD-3 at 0.1: " + bestScore);

        MultiLayerNetwork latest = saver.getLatestModel();
        MultiLayerNetwork export = rvsm.export(net);
        assertEquals(export.params(), latest.params(), "the latest model is the export of the final network");
        INDArray fc = latest.getParam("4_W");
        long zeros = fc.length() - fc.neq(0).castTo(DataType.INT).sumNumber().longValue();
        assertTrue(zeros > fc.length() / 4, "the saved model holds u, not w: " + zeros + " zeros of " + fc.length());

        Model plain = ModelSerializer.restoreMultiLayerNetwork(saver.bestModelFile());
        assertFalse(plain.conf().toJson().contains("RelaxedSplitting"), "a plain DL4J model, no library regularization");
    }

    @Test
    void badSettingsAreRefused() {
        ListDataSetIterator<DataSet> heldOut = new ListDataSetIterator<>(FashionMnist.test(8).asList(), 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RobustAccuracyScoreCalculator.of(heldOut, null, 10));
        assertTrue(e.getMessage().contains("attack"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RobustAccuracyScoreCalculator.pgd(heldOut, 0.1, 0.025, 3)
                .scoringExportOf(null));
        assertThrows(IllegalArgumentException.class,
                () -> new SparseModelSaver<>(dir.resolve("x").toFile(), null));
    }
}
