package io.github.dl4jrvsm.spark;

import io.github.dl4jrvsm.adversarial.attack.ProjectedGradientDescent;
import io.github.dl4jrvsm.adversarial.training.AdversarialBatches;
import io.github.dl4jrvsm.core.testsupport.TestData;
import io.github.dl4jrvsm.core.testsupport.TestNetworks;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hook on its own, as DL4J's worker calls it: what it puts into the minibatch, for which model, and back. */
class AdversarialTrainingHookTest {

    private static final DataSet PIXELS = new DataSet(Transforms.sigmoid(TestData.blobs(64, 20, 4, 1).getFeatures()),
            TestData.blobs(64, 20, 4, 1).getLabels());

    private static MultiLayerNetwork mlp(long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(TestNetworks.mlp(20, 16, 4, new Nesterovs(0.05, 0.9), seed));
        net.init();
        return net;
    }

    @Test
    void preUpdateSwapsInExamplesInTheBallAndPostUpdatePutsTheCleanOnesBack() {
        MultiLayerNetwork net = mlp(1);
        DataSet batch = PIXELS.copy();
        INDArray clean = batch.getFeatures();
        AdversarialTrainingHook hook = AdversarialTrainingHook.pgdDefaults().withAttack(ProjectedGradientDescent.pgd(0.1, 0.03, 3));
        hook.preUpdate(batch, net);
        INDArray adv = batch.getFeatures();
        double distance = Transforms.abs(adv.sub(clean)).maxNumber().doubleValue();
        assertTrue(distance > 0.05 && distance <= 0.1 + 1e-6, "adversarial examples in the 0.1 ball: " + distance);
        assertTrue(adv.minNumber().doubleValue() >= 0 && adv.maxNumber().doubleValue() <= 1, "pixels stay in [0, 1]");
        assertTrue(net.score(batch) > net.score(PIXELS), "the loss on the swapped-in batch is higher");
        hook.postUpdate(batch, net);
        assertSame(clean, batch.getFeatures(), "the clean features are back after the step");
        assertEquals(PIXELS.getFeatures(), clean, "and were never written into");
    }

    @Test
    void eachWorkerModelIsAttackedAsItIsAfterJavaSerialization() throws Exception {
        AdversarialTrainingHook hook = AdversarialTrainingHook.pgdDefaults().withAttack(ProjectedGradientDescent.fgsm(0.1));
        MultiLayerNetwork first = mlp(1), second = mlp(2);
        hook.preUpdate(PIXELS.copy(), first);
        AdversarialTrainingHook copy = roundTrip(hook);
        for (AdversarialTrainingHook h : new AdversarialTrainingHook[]{hook, copy}) {
            DataSet batch = PIXELS.copy();
            h.preUpdate(batch, second);
            INDArray expected = AdversarialBatches.pgdDefaults(second).withAttack(ProjectedGradientDescent.fgsm(0.1))
                    .perturb(PIXELS.getFeatures(), PIXELS.getLabels());
            assertEquals(expected, batch.getFeatures(), "FGSM against the model handed in, not a cached one");
        }
        second.fit(PIXELS);
        DataSet batch = PIXELS.copy();
        hook.preUpdate(batch, second);
        INDArray expected = AdversarialBatches.pgdDefaults(second).withAttack(ProjectedGradientDescent.fgsm(0.1))
                .perturb(PIXELS.getFeatures(), PIXELS.getLabels());
        assertEquals(expected, batch.getFeatures(), "the cached attack model follows the worker's training");
    }

    @Test
    void graphsGetTheirMultiDataSetPerturbedAndRestored() {
        DataSet images = TestData.images(16, 2, 6, 3, 4);
        INDArray clean = Transforms.sigmoid(images.getFeatures());
        ComputationGraph g = new ComputationGraph(TestNetworks.residualGraph(2, 6, 3, new Nesterovs(0.05, 0.9), 5));
        g.init();
        MultiDataSet batch = new MultiDataSet(clean, images.getLabels());
        AdversarialTrainingHook hook = AdversarialTrainingHook.pgdDefaults().withFraction(0.5);
        hook.preUpdate(batch, g);
        assertNotEquals(clean, batch.getFeatures(0), "half of the examples are adversarial");
        hook.postUpdate(batch, g);
        assertSame(clean, batch.getFeatures(0));

        MultiDataSet twoInputs = new MultiDataSet(new INDArray[]{clean, clean}, new INDArray[]{images.getLabels()});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> hook.preUpdate(twoInputs, g));
        assertTrue(e.getMessage().contains("2 inputs"), e.getMessage());
    }

    @Test
    void badSettingsAreRefusedOnTheDriverNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdversarialTrainingHook.pgdDefaults().withFraction(1.5));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AdversarialTrainingHook.pgdDefaults().withAttack(null));
        assertThrows(IllegalArgumentException.class, () -> AdversarialTrainingHook.pgdDefaults().withMode(null));
    }

    private static AdversarialTrainingHook roundTrip(AdversarialTrainingHook hook) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(hook);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (AdversarialTrainingHook) in.readObject();
        }
    }
}
