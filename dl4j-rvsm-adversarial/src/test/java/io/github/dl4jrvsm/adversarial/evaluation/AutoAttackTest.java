package io.github.dl4jrvsm.adversarial.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dl4jrvsm.adversarial.attack.AttackResult;
import io.github.dl4jrvsm.adversarial.attack.Norm;
import io.github.dl4jrvsm.adversarial.attack.ProjectedGradientDescent;
import io.github.dl4jrvsm.adversarial.model.AttackModel;
import io.github.dl4jrvsm.adversarial.testsupport.AdvNetworks;
import io.github.dl4jrvsm.data.testsupport.FashionMnist;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.spy;

/** The AutoAttack ensembles on a small CNN: worst case over the attacks, only robust points attacked, the report. */
class AutoAttackTest {

    private static final double EPS = 0.1;
    private static MultiLayerNetwork net;
    private static DataSet test;

    @BeforeAll
    static void train() {
        net = AdvNetworks.smallCnn(5);
        net.fit(new ListDataSetIterator<>(FashionMnist.train(2000).asList(), 64));
        test = FashionMnist.test(20);
    }

    /** The softmax saturates: cross-entropy gradients vanish while the decisions stay the same. */
    private static MultiLayerNetwork saturated() {
        MultiLayerNetwork masked = net.clone();
        masked.getLayer(masked.getnLayers() - 1).getParam("W").muli(1e4);
        masked.getLayer(masked.getnLayers() - 1).getParam("b").muli(1e4);
        return masked;
    }

    @Test
    void onAGradientMaskedModelTheEnsembleFindsWhatPgdMisses() throws Exception {
        MultiLayerNetwork masked = saturated();
        AttackModel m = AttackModel.of(masked);
        AttackResult pgd = ProjectedGradientDescent.pgd(EPS, EPS / 4, 20).run(m, test.getFeatures(), test.getLabels());
        double pgdAccuracy = pgd.failureRate();
        AutoAttack aa = AutoAttack.of(Norm.LINF, EPS).withIterations(10).withQueries(50);
        List<String> told = new ArrayList<>();
        AutoAttack.Outcome outcome = aa.withBatchSize(8).run(m, test.getFeatures(), test.getLabels(),
                (attack, stage, stages, done, attacked, left) -> told.add(attack + " " + stage + "/" + stages + " "
                        + done + "/" + attacked + " " + left));
        AutoAttackReport r = outcome.report();
        assertTrue(r.robust().accuracy() <= pgdAccuracy - 0.3, "AutoAttack " + r.robust().accuracy() + " vs PGD "
                + pgdAccuracy + "\n" + r.toMarkdown());
        assertEquals("standard", r.version());
        assertEquals(List.of("APGD-CE", "APGD-T", "FAB-T", "Square"),
                r.attacks().stream().map(AutoAttackReport.Stage::attack).toList());

        // each attack ran on exactly the examples every earlier one left correctly classified
        long robust = r.clean().correct();
        long forward = 0, backward = 0;
        for (AutoAttackReport.Stage s : r.attacks()) {
            assertEquals(robust, s.attacked(), s.attack() + " attacked other examples than the robust ones");
            robust -= s.broken();
            assertEquals(robust, s.robustAfter().correct(), s.attack());
            assertTrue(s.backwardPasses() <= (long) s.attacked() * 9 * 11, s.attack() + " " + s.backwardPasses());
            forward += s.forwardPasses();
            backward += s.backwardPasses();
        }
        assertEquals(robust, r.robust().correct());
        assertEquals(0, r.attacks().get(3).backwardPasses(), "Square reads no gradient");

        // progress: each stage starts at 0 of what it attacks and ends with the report's robust count, in batches of 8
        for (int i = 0; i < 4; i++) {
            AutoAttackReport.Stage s = r.attacks().get(i);
            String prefix = s.attack() + " " + i + "/4 ";
            List<String> mine = told.stream().filter(t -> t.startsWith(prefix)).toList();
            assertEquals(prefix + "0/" + s.attacked() + " " + s.attacked(), mine.get(0), told.toString());
            assertEquals(prefix + s.attacked() + "/" + s.attacked() + " " + s.robustAfter().correct(),
                    mine.get(mine.size() - 1), told.toString());
            assertEquals(1 + (s.attacked() + 7) / 8, mine.size(), told.toString());
        }
        assertTrue(r.forwardPasses() >= forward + test.numExamples() && r.backwardPasses() == backward);

        // the worst case is what the adversarial images show, and they stay in the ball
        int[] predicted = m.predict(outcome.adversarial());
        int[] truth = test.getLabels().argMax(1).toIntVector();
        long correct = 0;
        for (int i = 0; i < truth.length; i++) {
            correct += predicted[i] == truth[i] ? 1 : 0;
        }
        assertEquals(r.robust().correct(), correct);
        assertTrue(Transforms.abs(outcome.adversarial().sub(test.getFeatures()), false).maxNumber().doubleValue()
                <= EPS + 1e-6);

        JsonNode json = new ObjectMapper().readTree(r.toJson());
        assertEquals("Linf", json.get("threat_model").asText());
        assertEquals(String.format(Locale.ROOT, "%.2f", 100 * r.clean().accuracy()),
                json.get("clean_acc").asText());
        assertEquals(String.format(Locale.ROOT, "%.2f", 100 * r.robust().accuracy()),
                json.get("autoattack_acc").asText());
        assertEquals(20, json.get("n_examples").asInt());
        assertEquals(4, json.get("attacks").size());
        assertEquals(2, json.get("autoattack_acc_ci95").size());
        assertTrue(json.get("notes").toString().contains("reduced budget"), json.toString());
        assertTrue(r.toMarkdown().contains("| after APGD-T |"), r.toMarkdown());
    }

    @Test
    void theRandVersionIsChosenForARandomisedModelUnlessOverridden() {
        DataSet few = new DataSet(test.getFeatures().get(NDArrayIndex.interval(0, 4)).dup(),
                test.getLabels().get(NDArrayIndex.interval(0, 4)).dup());
        AttackModel m = spy(AttackModel.of(net));
        doReturn(true).when(m).isRandomized();
        AutoAttack aa = AutoAttack.of(Norm.LINF, 8 / 255.0).withIterations(1).withQueries(2);
        AutoAttackReport rand = aa.run(m, few.getFeatures(), few.getLabels()).report();
        assertEquals("rand", rand.version());
        assertTrue(rand.versionChosenAutomatically());
        assertEquals(20, rand.eotSamples());
        assertEquals("8/255", rand.epsilonLabel());
        assertEquals(List.of("APGD-CE", "APGD-DLR"), rand.attacks().stream().map(AutoAttackReport.Stage::attack).toList());
        AutoAttackReport.Stage first = rand.attacks().get(0);
        // EOT: every gradient is 20 backward passes; a start and 1 iteration per attacked example
        assertEquals(first.attacked() * 20L * 2, first.backwardPasses());
        // rand runs no Square: its reduced-budget note must not claim a Square budget
        assertTrue(rand.notes().stream().anyMatch(n -> n.startsWith("reduced budget (1 iterations;")), rand.notes().toString());
        assertTrue(rand.notes().stream().noneMatch(n -> n.contains("Square")), rand.notes().toString());

        AutoAttackReport forced = aa.withVersion(AutoAttack.Version.STANDARD).run(m, few.getFeatures(), few.getLabels())
                .report();
        assertEquals("standard", forced.version());
        assertTrue(forced.notes().stream().anyMatch(n -> n.contains("rand version")), forced.notes().toString());
    }

    @Test
    void badInputGetsOneLineErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AutoAttack.of(Norm.LINF, 1.5));
        assertTrue(e.getMessage().contains("1.5") && e.getMessage().contains("L2") && !e.getMessage().contains("\n"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AutoAttack.of(Norm.L2, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> AutoAttack.of(Norm.LINF, 0.1).withIterations(0));
        e = assertThrows(IllegalArgumentException.class, () -> AutoAttack.of(Norm.LINF, 0.1).evaluate(net,
                test.getFeatures(), test.getLabels().get(NDArrayIndex.interval(0, 5))));
        assertTrue(e.getMessage().contains("20") && e.getMessage().contains("5"), e.getMessage());
    }
}
