package io.github.dl4jrvsm.adversarial.attack;

import io.github.dl4jrvsm.adversarial.model.AttackLoss;
import io.github.dl4jrvsm.adversarial.model.AttackModel;
import io.github.dl4jrvsm.adversarial.testsupport.AdvNetworks;
import io.github.dl4jrvsm.data.testsupport.FashionMnist;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

/** Analytic optimum on a linear model, black-box behaviour of NAttack, and the errors for bad input. */
class AttackContractTest {

    private static MultiLayerNetwork linear(int d, int k) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.DOUBLE)
                .updater(new Sgd(0.1)).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(d).nOut(k)
                        .activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        return net;
    }

    @Test
    void fgsmOnALinearSoftmaxModelIsTheSignOfTheAnalyticGradient() {
        int d = 12, k = 4;
        MultiLayerNetwork net = linear(d, k);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 5, d).muli(0.6).addi(0.2);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 5, k);
        for (int i = 0; i < 5; i++) {
            y.putScalar(i, i % k, 1);
        }
        double eps = 0.1;
        INDArray adv = ProjectedGradientDescent.fgsm(eps).run(AttackModel.of(net), x, y).adversarial();
        // d CE / dx = W (p - y) for z = x W + b  (W is [d, k])
        INDArray w = net.getLayer(0).getParam("W");
        INDArray p = net.output(x, false);
        INDArray grad = p.sub(y).mmul(w.transpose());
        INDArray expected = x.add(Transforms.sign(grad).muli(eps));
        expected = Perturbations.clip01(expected);
        assertEquals(0.0, adv.sub(expected).amaxNumber().doubleValue(), 1e-12);
        // the one-step optimum of the linearised loss in the ball: no other sign pattern gains more
        assertTrue(grad.mul(adv.sub(x)).sumNumber().doubleValue() > 0);
    }

    @Test
    void nattackFoolsAnUndefendedModelWithoutGradients() {
        MultiLayerNetwork net = AdvNetworks.smallCnn(11);
        net.fit(new ListDataSetIterator<>(FashionMnist.train(2000).asList(), 64));
        DataSet test = FashionMnist.test(40);
        AttackModel m = spy(AttackModel.of(net));
        boolean[] clean = Perturbations.success(m, test.getFeatures(), test.getLabels(), false);
        AttackResult r = new NAttack(0.15, 60, 60, 0.1, 0.05, 5).run(m, test.getFeatures(), test.getLabels());
        verify(m, never()).gradient(any(), any(), any(AttackLoss.class));
        int cleanWrong = 0;
        for (boolean b : clean) {
            cleanWrong += b ? 1 : 0;
        }
        assertTrue(r.successes() >= cleanWrong + (test.numExamples() - cleanWrong) / 2,
                "NAttack fooled " + r.successes() + " of " + test.numExamples() + " (" + cleanWrong + " wrong already)");
    }

    @Test
    void badInputGetsClearErrors() {
        MultiLayerNetwork net = AdvNetworks.smallCnn(1);
        AttackModel m = AttackModel.of(net);
        DataSet d = FashionMnist.test(4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProjectedGradientDescent.fgsm(-0.1));
        assertTrue(e.getMessage().contains("-0.1") && e.getMessage().contains("[0, 1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProjectedGradientDescent.pgd(1.5, 0.1, 10));
        e = assertThrows(IllegalArgumentException.class, () -> ProjectedGradientDescent.pgd(0.1, 0.01, 0));
        assertTrue(e.getMessage().contains("steps"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NAttack(0.1, 0, 10, 0.1, 0.01, 0));
        e = assertThrows(IllegalArgumentException.class, () -> ProjectedGradientDescent.fgsm(0.1)
                .run(m, d.getFeatures(), d.getLabels().get(NDArrayIndex.interval(0, 3))));
        assertTrue(e.getMessage().contains("4 examples") && e.getMessage().contains("3"), e.getMessage());
        INDArray twelve = Nd4j.zeros(DataType.FLOAT, 4, 12);
        for (int i = 0; i < 4; i++) {
            twelve.putScalar(i, 11, 1);
        }
        e = assertThrows(IllegalArgumentException.class, () -> ProjectedGradientDescent.fgsm(0.1).run(m, d.getFeatures(), twelve));
        assertTrue(e.getMessage().contains("12 classes") && e.getMessage().contains("0..9"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ProjectedGradientDescent.fgsm(0.1).run(m, d.getFeatures().mul(255), d.getLabels()));
        assertTrue(e.getMessage().contains("[0, 1]"), e.getMessage());

        // the threat model: an epsilon above 1 is an L2 budget, which L-infinity-only attacks refuse by name
        e = assertThrows(IllegalArgumentException.class, () -> new NAttack(2.0));
        assertTrue(e.getMessage().contains("2.0") && e.getMessage().contains("L2") && e.getMessage().contains("[0, 1]"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AutoPgd.ce(Norm.LINF, 0.5 * 4));
        assertTrue(e.getMessage().contains("Norm.L2") && e.getMessage().contains("2.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SquareAttack.of(Norm.L2, -0.5));
        assertTrue(e.getMessage().contains("-0.5") && e.getMessage().contains("L2 epsilon"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AutoPgd.ce(Norm.LINF, 0.1).withIterations(0));
        assertThrows(IllegalArgumentException.class, () -> AutoPgd.ce(Norm.LINF, 0.1).withRho(1.5));
        assertThrows(IllegalArgumentException.class, () -> SquareAttack.of(Norm.LINF, 0.1).withPInit(0));
        assertThrows(IllegalArgumentException.class, () -> AutoPgd.dlr(Norm.LINF, 0.1)
                .withCriterion(Criterion.TARGETED_MISCLASSIFICATION));
        for (Attack a : List.<Attack>of(AutoPgd.ce(Norm.LINF, 0.1), AutoPgdTargeted.of(Norm.L2, 0.5),
                SquareAttack.of(Norm.LINF, 0.1), FabTargeted.of(Norm.LINF, 0.1))) {
            e = assertThrows(IllegalArgumentException.class,
                    () -> a.run(m, d.getFeatures(), d.getLabels().get(NDArrayIndex.interval(0, 3))));
            assertTrue(e.getMessage().contains("4 examples") && !e.getMessage().contains("\n"), e.getMessage());
        }
        AttackModel flatModel = AttackModel.of(linear(784, 10));
        e = assertThrows(IllegalArgumentException.class, () -> SquareAttack.of(Norm.LINF, 0.1).run(flatModel,
                d.getFeatures().reshape(4, 784).castTo(DataType.DOUBLE), d.getLabels().castTo(DataType.DOUBLE)));
        assertTrue(e.getMessage().contains("[n, channels, height, width]"), e.getMessage());

        MultiLayerNetwork regression = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(784).nOut(10)
                        .activation(Activation.IDENTITY).build()).build());
        regression.init();
        INDArray flat = d.getFeatures().reshape(4, 784);
        e = assertThrows(IllegalArgumentException.class,
                () -> ProjectedGradientDescent.fgsm(0.1).run(AttackModel.of(regression), flat, d.getLabels()));
        assertTrue(e.getMessage().contains("softmax"), e.getMessage());
    }
}
