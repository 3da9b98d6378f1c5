package io.github.dl4jrvsm.zoo.surgery;

import io.github.dl4jrvsm.data.testsupport.FashionMnist;
import io.github.dl4jrvsm.surgery.BatchNormFold;
import io.github.dl4jrvsm.surgery.BatchNormFolding;
import io.github.dl4jrvsm.surgery.FoldedModel;
import io.github.dl4jrvsm.surgery.SurgeryOutputs;
import io.github.dl4jrvsm.zoo.Initialization;
import io.github.dl4jrvsm.zoo.InputShape;
import io.github.dl4jrvsm.zoo.ResNetCifar;
import io.github.dl4jrvsm.zoo.Vgg16;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Nesterovs;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Batch-norm folding of the zoo's VGG16 and ResNet20 after a few SGD steps on Fashion-MNIST (so the running
 * statistics are not the initial 0 and 1): same outputs within 1e-4 on held-out images, fewer layers, and for the
 * pre-activation ResNet the batch norms that read a residual sum (or a convolution the shortcut also reads) stay.
 */
class FoldZooTest {

    private static DataSet trainOn(Object net) throws IOException {
        DataSet train = FashionMnist.test(32);
        Nd4j.getRandom().setSeed(7);
        for (DataSet batch : train.batchBy(8)) {
            if (net instanceof MultiLayerNetwork m) {
                m.fit(batch);
            } else {
                ((ComputationGraph) net).fit(batch);
            }
        }
        return train;
    }

    private static INDArray heldOut() throws IOException {
        return FashionMnist.test(96).getFeatures().get(NDArrayIndex.interval(32, 96)).dup();
    }

    @Test
    void vgg16FoldsEveryBatchNorm() throws IOException {
        // He-scaled convolutions: with PyTorch's default uniform an untrained 13-convolution stack in inference mode
        // shrinks every input to almost the same output, and the comparison of the folded network would be weak
        MultiLayerNetwork vgg = new Vgg16().withInputShape(InputShape.FASHION_MNIST).withUpdater(new Nesterovs(0.01, 0.9))
                .withInitialization(Initialization.LIBRARY).init();
        trainOn(vgg);
        INDArray x = heldOut();

        FoldedModel<MultiLayerNetwork> r = BatchNormFolding.foldWithDecisions(vgg);

        assertEquals(13, r.folded().size(), r.decisions().toString());
        assertTrue(r.kept().isEmpty(), r.kept().toString());
        assertEquals("block1.bn1 -> block1.conv1 (block1.relu1 fused)", r.decisions().get(0).describe());
        assertEquals(vgg.getnLayers() - 26, r.network().getnLayers(), "13 batch norms and their 13 ReLU layers gone");
        double d = SurgeryOutputs.maxAbsDifference(vgg, r.network(), x);
        assertTrue(d < 1e-4, "max abs difference " + d);
        double spread = ZooSurgeryChecks.outputSpread(vgg, x);
        assertTrue(spread > 1e-4, "outputs hardly depend on the input (" + spread + "), the comparison is weak");
    }

    @Test
    void resnet20FoldsTheInnerBatchNormsOnly() throws IOException {
        ComputationGraph net = ResNetCifar.resnet20().withInputShape(InputShape.FASHION_MNIST)
                .withUpdater(new Nesterovs(0.01, 0.9)).init();
        trainOn(net);
        INDArray x = heldOut();

        FoldedModel<ComputationGraph> r = BatchNormFolding.foldWithDecisions(net);
        r.decisions().forEach(d -> System.out.println(d.describe()));

        assertEquals(9, r.folded().size(), r.decisions().toString());
        assertTrue(r.folded().stream().allMatch(d -> d.batchNorm().endsWith("bn2")), r.folded().toString());
        assertEquals(10, r.kept().size());
        BatchNormFold first = r.kept().get(0);
        assertEquals("stage1.block1.bn1", first.batchNorm());
        assertTrue(first.why().contains("stem.conv is also read by stage1.block1.add"), first.why());
        assertTrue(r.kept().stream().filter(d -> !d.equals(first))
                .allMatch(d -> d.why().contains("(ElementWiseVertex), not a convolution")), r.kept().toString());
        assertEquals(net.getLayers().length - 18, r.network().getLayers().length, "9 bn2 and their relu2 gone");
        double d = SurgeryOutputs.maxAbsDifference(net, r.network(), x);
        assertTrue(d < 1e-4, "max abs difference " + d);
        double spread = ZooSurgeryChecks.outputSpread(net, x);
        assertTrue(spread > 1e-4, "outputs hardly depend on the input (" + spread + "), the comparison is weak");
    }
}
