package io.github.dl4jrvsm.adversarial.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dl4jrvsm.adversarial.attack.NAttack;
import io.github.dl4jrvsm.adversarial.attack.ProjectedGradientDescent;
import io.github.dl4jrvsm.adversarial.testsupport.AdvNetworks;
import io.github.dl4jrvsm.data.testsupport.FashionMnist;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RobustnessEvaluationTest {

    @TempDir
    Path dir;

    private static MultiLayerNetwork net;
    private static DataSet test;

    @BeforeAll
    static void train() {
        net = AdvNetworks.smallCnn(3);
        net.fit(new ListDataSetIterator<>(FashionMnist.train(2000).asList(), 64));
        test = FashionMnist.test(48);
    }

    private static RobustnessEvaluation quick() {
        return new RobustnessEvaluation().withAttack("A5", new NAttack(8 / 255.0, 30, 20, 0.1, 0.02, 0))
                .withEpsilons(0, 0.02, 0.05, 0.1).withCurveSteps(10).withSparsityFor(1, 28, 28);
    }

    @Test
    void reportsA1ToA5TheEpsilonCurveAndSparsity() throws Exception {
        RobustnessReport r = quick().evaluate(net, new ListDataSetIterator<>(test.asList(), 24));
        assertEquals(48, r.examples());
        assertEquals(List.of("A1", "A2", "A3", "A4", "A5"), r.accuracies().stream().map(RobustnessReport.Entry::key).toList());
        double a1 = r.accuracy("A1");
        assertEquals(net.evaluate(new ListDataSetIterator<>(test.asList(), 48)).accuracy(), a1, 1e-9);
        assertTrue(r.accuracy("A3") <= r.accuracy("A2") + 1.0 / 48, "IFGSM-20 is at least as strong as FGSM");
        assertEquals(a1, r.epsilonCurve().get(0).accuracy(), 1e-9, "epsilon 0 is the clean accuracy");
        assertEquals(1.0, r.epsilonCurve().get(r.epsilonCurve().size() - 1).epsilon());
        assertTrue(r.warnings().isEmpty(), "an undefended CNN passes the masking checks: " + r.warnings());
        assertFalse(r.randomized());
        assertTrue(r.sparsity() != null && r.sparsity().layers().size() == 4);
        Path f = dir.resolve("robustness.json");
        r.writeJson(f);
        JsonNode json = new ObjectMapper().readTree(Files.readString(f));
        assertEquals("IFGSM-20", json.get("accuracies").get(2).get("attack").asText());
        assertEquals(20, json.get("accuracies").get(2).get("settings").get("steps").asInt());
        assertTrue(r.toMarkdown().contains("| A3 | IFGSM-20 |"), r.toMarkdown());
    }

    @Test
    void aSaturatedModelIsFlaggedForGradientMasking() {
        MultiLayerNetwork masked = net.clone();
        masked.getLayer(masked.getnLayers() - 1).getParam("W").muli(1e4);   // softmax saturates: CE gradients vanish
        RobustnessReport r = new RobustnessEvaluation().withAttack("A4", null).withAttack("A5", null).withEpsilons(0, 0.05)
                .withCurveSteps(5).evaluate(masked, new ListDataSetIterator<>(test.asList(), 48));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("epsilon 1")), r.warnings().toString());
    }

    @Test
    void withoutEpsilonsOnlyTheAccuraciesAreMeasured() {
        RobustnessReport r = new RobustnessEvaluation().withAttack("A2", null).withAttack("A3", null).withAttack("A4", null)
                .withAttack("A5", null).withEpsilons().evaluate(net, new ListDataSetIterator<>(test.asList(), 48));
        assertEquals(1, r.accuracies().size());
        assertTrue(r.epsilonCurve().isEmpty());
        assertEquals(net.evaluate(new ListDataSetIterator<>(test.asList(), 48)).accuracy(), r.accuracy("A1"), 1e-12);
    }

    @Test
    void cleanAccuracyCoversEveryExampleWhileAttacksStopAtMaxExamples() {
        RobustnessReport r = new RobustnessEvaluation().withAttack("A3", null).withAttack("A4", null)
                .withAttack("A5", null).withEpsilons(0.02).withMaxExamples(10)
                .evaluate(net, new ListDataSetIterator<>(test.asList(), 16));
        RobustnessReport.Entry a1 = r.accuracies().get(0), a2 = r.accuracies().get(1);
        assertEquals(48, a1.examples());
        assertEquals(net.evaluate(new ListDataSetIterator<>(test.asList(), 48)).accuracy(), a1.accuracy(), 1e-12);
        assertEquals(10, a2.examples());
        assertEquals(10, r.examples());
        assertEquals(10, r.epsilonCurve().get(0).examples());
        assertEquals(a2.correct() / 10.0, a2.accuracy(), 1e-12);
        assertTrue(a1.low() <= a1.accuracy() && a1.accuracy() <= a1.high(), a1.toString());
        assertTrue(r.toMarkdown().contains(a1.correct() + " / 48"), r.toMarkdown());
    }

    @Test
    void wilsonIntervalsMatchTheirClosedForm() {
        // reference values of the 95% Wilson score interval
        assertEquals(0.4038, WilsonInterval.low(50, 100), 1e-4);
        assertEquals(0.5962, WilsonInterval.high(50, 100), 1e-4);
        assertEquals(0.0, WilsonInterval.low(0, 10), 1e-12);
        assertEquals(0.2775, WilsonInterval.high(0, 10), 1e-4);
        assertEquals(0.7225, WilsonInterval.low(10, 10), 1e-4);
        assertEquals(1.0, WilsonInterval.high(10, 10), 1e-12);
        assertTrue(Double.isNaN(WilsonInterval.low(0, 0)));
    }

    @Test
    void badOptionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RobustnessEvaluation().withAttack("A7", ProjectedGradientDescent.fgsm(0.1)));
        assertThrows(IllegalArgumentException.class, () -> new RobustnessEvaluation().withEpsilons(0.1, 2));
        assertThrows(IllegalArgumentException.class, () -> new RobustnessEvaluation().withEotSamples(0));
    }
}
