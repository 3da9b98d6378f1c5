package io.github.dl4jrvsm.adversarial.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dl4jrvsm.adversarial.attack.ProjectedGradientDescent;
import io.github.dl4jrvsm.adversarial.model.AttackModel;
import io.github.dl4jrvsm.adversarial.testsupport.AdvNetworks;
import io.github.dl4jrvsm.data.testsupport.FashionMnist;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per attack, DL4J's Evaluation of the adversarial predictions, and the per-class table built from it. */
class EvaluationUnderAttackTest {

    private static final double EPS = 0.15;

    @Test
    void eachEntryGivesTheEvaluationOfItsOwnPredictions() {
        MultiLayerNetwork net = AdvNetworks.smallCnn(3);
        net.fit(new ListDataSetIterator<>(FashionMnist.train(600).asList(), 64));
        DataSet test = FashionMnist.test(48);
        RobustnessReport r = new RobustnessEvaluation().withAttack("A4", null).withAttack("A5", null).withEpsilons()
                .withMaxExamples(20).evaluate(net, new ListDataSetIterator<>(test.asList(), 16));

        for (RobustnessReport.Entry e : r.accuracies()) {
            Evaluation ev = e.evaluation();
            assertEquals(e.accuracy(), ev.accuracy(), 1e-12, e.key());
            assertEquals(e.examples(), ev.getNumRowCounter(), e.key());
            long diagonal = 0;
            for (int c = 0; c < 10; c++) {
                diagonal += ev.getConfusionMatrix().getCount(c, c);
            }
            assertEquals(e.correct(), diagonal, e.key());
            assertTrue(ev.stats().contains("Accuracy"), ev.stats());
        }
        // A1 against DL4J's own evaluation of the whole test set; A2 against FGSM run here on the attacked 20
        Evaluation clean = net.evaluate(new ListDataSetIterator<>(test.asList(), 48));
        assertSameConfusion(clean, r.evaluation("A1"));
        INDArray x = test.getFeatures().get(NDArrayIndex.interval(0, 20)).dup();
        INDArray y = test.getLabels().get(NDArrayIndex.interval(0, 20)).dup();
        INDArray adv = ProjectedGradientDescent.fgsm(8 / 255.0).run(AttackModel.of(net), x, y).adversarial();
        Evaluation fgsm = new Evaluation(10);
        fgsm.eval(y, net.output(adv));
        assertSameConfusion(fgsm, r.evaluation("A2"));
        assertTrue(r.accuracy("A2") < r.accuracy("A1"), "FGSM must change some predictions: " + r.toMarkdown());
        assertThrows(IllegalArgumentException.class, () -> r.evaluation("A5"));
    }

    @Test
    void evaluationFromCountsEqualsDl4jsOnTheSamePredictions() {
        Random rnd = new Random(3);
        int n = 200, classes = 4;
        int[] actual = new int[n], predicted = new int[n];
        INDArray labels = Nd4j.zeros(DataType.FLOAT, n, classes), outputs = Nd4j.zeros(DataType.FLOAT, n, classes);
        for (int i = 0; i < n; i++) {
            actual[i] = rnd.nextInt(classes);
            predicted[i] = rnd.nextDouble() < 0.6 ? actual[i] : rnd.nextInt(classes);
            labels.putScalar(i, actual[i], 1);
            outputs.putScalar(i, predicted[i], 1);
        }
        Evaluation reference = new Evaluation(classes);
        reference.eval(labels, outputs);
        Evaluation rebuilt = ConfusionCounts.of(actual, predicted, classes).toEvaluation();
        assertSameConfusion(reference, rebuilt);
        for (int c = 0; c < classes; c++) {
            assertEquals(reference.precision(c), rebuilt.precision(c), 1e-12);
            assertEquals(reference.recall(c), rebuilt.recall(c), 1e-12);
            assertEquals(reference.f1(c), rebuilt.f1(c), 1e-12);
        }
        assertEquals(reference.accuracy(), rebuilt.accuracy(), 1e-12);
    }

    /**
     * A linear model whose prediction is the largest input; FGSM with step EPS then lowers the labelled input by EPS
     * and raises every other one (the cross-entropy gradient p - y is negative only at the label), so the attacked
     * predictions are known by hand.
     */
    @Test
    void perClassTableHasTheCellsOfKnownPredictions() {
        // labels 0 0 0 1 1 2 2 2 2; clean predictions 0 0 1 1 1 2 2 2 0; FGSM flips the narrow margins (< 2 EPS)
        double[][] x = {{0.9, 0.2, 0.2}, {0.5, 0.4, 0.3}, {0.3, 0.6, 0.2}, {0.2, 0.8, 0.1}, {0.45, 0.55, 0.2},
                {0.1, 0.2, 0.9}, {0.2, 0.3, 0.8}, {0.4, 0.2, 0.5}, {0.7, 0.2, 0.3}};
        int[] labels = {0, 0, 0, 1, 1, 2, 2, 2, 2};
        RobustnessReport r = new RobustnessEvaluation().withAttack("A2", ProjectedGradientDescent.fgsm(EPS))
                .withAttack("A3", null).withAttack("A4", null).withAttack("A5", null).withEpsilons()
                .evaluate(argmaxModel(), new ListDataSetIterator<>(dataSet(x, labels).asList(), 4));
        ConfusionCounts a2 = r.accuracies().get(1).confusion();
        int[] attacked = {0, 1, 1, 1, 0, 2, 2, 0, 0};   // by hand: argmax of x - EPS at the label, + EPS elsewhere
        assertEquals(ConfusionCounts.of(labels, attacked, 3), a2);
        String table = ClassAccuracyTable.markdown(r.accuracies());
        List<String> rows = table.lines().filter(l -> l.matches("\\| \\d .*")).toList();
        assertEquals(List.of("| 0 | 3 | 3 | 66.7% | 33.3% |", "| 1 | 2 | 2 | 100.0% | 50.0% |",
                "| 2 | 4 | 4 | 75.0% | 50.0% |"), rows, table);
        assertTrue(table.contains("| class | examples | attacked | A1 clean | A2 FGSM |"), table);
        assertTrue(r.toMarkdown().contains(table), r.toMarkdown());
    }

    @Test
    void aClassWithoutExamplesHasNoCellAndOldEntriesNoTable() {
        ConfusionCounts clean = new ConfusionCounts(new long[][]{{4, 1, 0}, {0, 0, 0}, {1, 0, 2}});
        ConfusionCounts fgsm = new ConfusionCounts(new long[][]{{1, 1, 0}, {0, 0, 0}, {1, 1, 0}});
        String table = ClassAccuracyTable.markdown(List.of(RobustnessReport.Entry.of("A1", "clean", clean, Map.of()),
                RobustnessReport.Entry.of("A2", "FGSM", fgsm, Map.of())));
        assertTrue(table.contains("| 0 | 5 | 2 | 80.0% | 50.0% |"), table);
        assertTrue(table.contains("| 1 | 0 | 0 | - | - |"), table);
        assertTrue(table.contains("| 2 | 3 | 2 | 66.7% | 0.0% |"), table);
        assertEquals("", ClassAccuracyTable.markdown(List.of(RobustnessReport.Entry.of("A1", "clean", 5, 8, Map.of()))));
    }

    @Test
    void reportsWithAndWithoutCountsReadBack() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ConfusionCounts counts = new ConfusionCounts(new long[][]{{3, 1}, {0, 4}});
        RobustnessReport written = new RobustnessReport(8, false, 1,
                List.of(RobustnessReport.Entry.of("A1", "clean", counts, Map.of())), List.of(), null, List.of(), 1.0);
        RobustnessReport read = json.readValue(written.toJson(), RobustnessReport.class);
        assertEquals(counts, read.accuracies().get(0).confusion());
        assertEquals(7.0 / 8, read.evaluation("A1").accuracy(), 1e-12);

        String old = """
                {"examples":8,"randomized":false,"eotSamples":1,"accuracies":[{"key":"A1","attack":"clean",
                "accuracy":0.875,"settings":{},"correct":7,"examples":8,"low":0.5,"high":0.98}],"epsilonCurve":[],
                "sparsity":null,"warnings":[],"seconds":1.0}""";
        RobustnessReport before = json.readValue(old, RobustnessReport.class);
        assertNull(before.accuracies().get(0).confusion());
        assertEquals(0.875, before.accuracy("A1"));
        assertTrue(assertThrows(IllegalStateException.class, () -> before.evaluation("A1")).getMessage()
                .contains("per-class counts"));
        assertTrue(before.toMarkdown().contains("| A1 | clean | 87.50% | 7 / 8 |"), before.toMarkdown());
    }

    @Test
    void badCountsAreRefusedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ConfusionCounts(new long[][]{{1, 2}, {3}}))
                .getMessage().contains("row 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ConfusionCounts(new long[][]{{1, -2}, {0, 0}}))
                .getMessage().contains("-2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConfusionCounts.of(new int[]{0, 3}, new int[]{0, 1}, 3))
                .getMessage().contains("actual 3"));
    }

    private static void assertSameConfusion(Evaluation expected, Evaluation actual) {
        int classes = expected.getConfusionMatrix().getClasses().size();
        for (int a = 0; a < classes; a++) {
            for (int p = 0; p < classes; p++) {
                assertEquals(expected.getConfusionMatrix().getCount(a, p), actual.getConfusionMatrix().getCount(a, p),
                        "actual " + a + ", predicted " + p);
            }
        }
    }

    /** softmax(x): the identity map to the logits. */
    private static MultiLayerNetwork argmaxModel() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE)
                .list().layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(3).nOut(3)
                        .activation(Activation.SOFTMAX).build()).build());
        net.init();
        net.getLayer(0).getParam("W").assign(Nd4j.eye(3));
        net.getLayer(0).getParam("b").assign(0);
        return net;
    }

    private static DataSet dataSet(double[][] x, int[] labels) {
        INDArray y = Nd4j.zeros(DataType.DOUBLE, labels.length, 3);
        for (int i = 0; i < labels.length; i++) {
            y.putScalar(i, labels[i], 1);
        }
        return new DataSet(Nd4j.create(x), y);
    }
}
