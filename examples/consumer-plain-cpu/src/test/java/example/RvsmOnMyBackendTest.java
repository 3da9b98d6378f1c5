package example;

import io.github.dl4jrvsm.core.prox.L0Penalty;
import io.github.dl4jrvsm.core.training.SparseExport;
import io.github.dl4jrvsm.core.training.SparseTraining;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * dl4j-rvsm-core on a backend the application chose: RVSM trains, the export is exactly sparse, and nothing of the
 * library's own backend module is on the class path.
 */
class RvsmOnMyBackendTest {

    @Test
    void libraryBroughtNoBackendOfItsOwn() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.github.dl4jrvsm.nativecpu.CpuBackend"));
        String backend = Nd4j.getBackend().getClass().getName();
        assertEquals("org.nd4j.linalg.cpu.nativecpu.CpuBackend", backend);
        String ext = System.getProperty("org.bytedeco.javacpp.platform.extension", "");
        assertTrue(ext.isEmpty(), "the plain build, not the library's oneDNN choice: " + ext);
    }

    @Test
    void rvsmTrainsAndExportsExactZeros() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(1e-2))
                .weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().nIn(20).nOut(64).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(64).nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = SparseTraining.rvsm(new L0Penalty(3e-3), 1e-1).network(conf);
        DataSet data = twoClasses(512);
        for (int i = 0; i < 200; i++) {
            net.fit(data);
        }
        MultiLayerNetwork sparse = SparseExport.sparseCopy(net, null);
        INDArray w = sparse.getLayer(0).getParam("W");
        double zeros = w.eq(0).castTo(DataType.INT32).sumNumber().doubleValue() / w.length();
        Evaluation eval = sparse.evaluate(new org.nd4j.linalg.dataset.adapter.SingletonDataSetIterator(data));
        System.out.printf("zeros %.3f, accuracy %.3f%n", zeros, eval.accuracy());
        assertTrue(zeros > 0.6, "exact zeros in the export: " + zeros);
        assertTrue(eval.accuracy() > 0.9, "accuracy of the sparse export: " + eval.accuracy());
    }

    /** Two Gaussian blobs in 20 dimensions; only the first five features carry the class. */
    private static DataSet twoClasses(int n) {
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.randn(DataType.FLOAT, n, 20);
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, 2);
        for (int i = 0; i < n; i++) {
            int c = i % 2;
            y.putScalar(i, c, 1f);
            for (int j = 0; j < 5; j++) {
                x.putScalar(i, j, x.getFloat(i, j) + (c == 0 ? -1.5f : 1.5f));
            }
        }
        return new DataSet(x, y);
    }
}
