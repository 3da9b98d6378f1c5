package io.github.dl4jrvsm.adversarial.attack;

import io.github.dl4jrvsm.adversarial.model.AttackModel;
import io.github.dl4jrvsm.core.internal.ImageLayout;
import io.github.dl4jrvsm.core.testsupport.KerasModels;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Square attack on an NHWC network (a Keras {@code channels_last} import) proposes the same windows over height
 * and width as on the same network written NCHW: with one seed, both runs give the same adversarial images up to the
 * transpose of the layout.
 */
class SquareAttackLayoutTest {

    /** The NCHW network computing what {@code nhwc} computes on the transposed input. */
    private static MultiLayerNetwork nchwCopy(MultiLayerNetwork nhwc) {
        MultiLayerConfiguration conf = nhwc.getLayerWiseConfigurations().clone();
        for (NeuralNetConfiguration c : conf.getConfs()) {
            if (c.getLayer() instanceof ConvolutionLayer l) {
                l.setCnn2dDataFormat(CNN2DFormat.NCHW);
            } else if (c.getLayer() instanceof SubsamplingLayer l) {
                l.setCnn2dDataFormat(CNN2DFormat.NCHW);
            }
        }
        CnnToFeedForwardPreProcessor flatten = (CnnToFeedForwardPreProcessor) conf.getInputPreProcess(2);
        flatten.setFormat(CNN2DFormat.NCHW);
        MultiLayerNetwork nchw = new MultiLayerNetwork(conf);
        nchw.init();
        nchw.setParams(nhwc.params());
        // the dense rows after flattening are (h, w, c) in NHWC and (c, h, w) in NCHW
        INDArray w = nhwc.getLayer(2).getParam("W");
        long hw = flatten.getInputHeight() * flatten.getInputWidth(), c = flatten.getNumChannels();
        nchw.getLayer(2).getParam("W").assign(w.reshape('c', hw, c, w.size(1)).permute(1, 0, 2).dup('c')
                .reshape('c', w.size(0), w.size(1)));
        return nchw;
    }

    @Test
    void windowsAreOverHeightAndWidthInBothLayouts() {
        MultiLayerNetwork nhwc = KerasModels.sequential(KerasModels.LENET, true, 3, DataType.DOUBLE);
        MultiLayerNetwork nchw = nchwCopy(nhwc);
        DataSet d = KerasModels.images(4, 9, DataType.DOUBLE);
        INDArray x = d.getFeatures(), xNchw = x.permute(0, 3, 1, 2).dup('c');
        assertEquals(0, nhwc.output(x).sub(nchw.output(xNchw)).amaxNumber().doubleValue(), 1e-10);
        // labels the network gets right, so that every example is searched
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 4, KerasModels.CLASSES);
        int[] predicted = nhwc.output(x).argMax(1).toIntVector();
        for (int i = 0; i < 4; i++) {
            y.putScalar(i, predicted[i], 1.0);
        }
        for (Norm norm : Norm.values()) {
            double eps = norm == Norm.LINF ? 0.05 : 0.5;
            SquareAttack attack = SquareAttack.of(norm, eps).withQueries(40).withSeed(5);
            INDArray advNhwc = attack.run(AttackModel.of(nhwc), x, y).adversarial();
            INDArray advNchw = attack.run(AttackModel.of(nchw), xNchw, y).adversarial();
            assertTrue(advNhwc.sub(x).amaxNumber().doubleValue() > 0, norm + ": the attack changed nothing");
            assertEquals(0, advNhwc.permute(0, 3, 1, 2).sub(advNchw).amaxNumber().doubleValue(), 1e-9, norm.toString());
        }
    }

    @Test
    void aNetworkMixingLayoutsIsRefused() {
        MultiLayerNetwork nhwc = KerasModels.sequential(KerasModels.LENET, true, 3, DataType.FLOAT);
        MultiLayerConfiguration conf = nhwc.getLayerWiseConfigurations().clone();
        ((SubsamplingLayer) conf.getConf(1).getLayer()).setCnn2dDataFormat(CNN2DFormat.NCHW);
        MultiLayerNetwork mixed = new MultiLayerNetwork(conf);
        mixed.init();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageLayout.channelsLast(mixed));
        assertTrue(e.getMessage().contains("pool1") && e.getMessage().contains("conv1"), e.getMessage());
    }
}
