package io.github.dl4jrvsm.zoo.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import io.github.dl4jrvsm.core.model.ParameterFreeLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * The running {@link RelativeGaussianNoise} layer.
 *
 * <p>Each forward pass with noise draws a fresh sample {@code eps ~ N(0, 1)} from ND4J's random generator and keeps
 * it outside any workspace, together with the mean and standard deviation of the input, because the backward pass
 * needs all three ({@link RelativeNoiseMath} derives the gradient). {@link #lastNoise()} exposes the sample, and
 * {@link #fixNoise(INDArray)} replays a given one, so that the gradient can be checked against finite differences.
 */
public class RelativeGaussianNoiseLayer extends ParameterFreeLayer<RelativeGaussianNoise> {

    private INDArray lastNoise;
    private INDArray fixedNoise;
    private boolean noiseApplied;
    private double lastMean;
    private double lastStd;

    public RelativeGaussianNoiseLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        RelativeGaussianNoise c = layerConf();
        INDArray out = mgr.dup(ArrayType.ACTIVATIONS, input, input.ordering());
        noiseApplied = c.getCoefficient() > 0 && (training || c.isNoiseAtInference());
        if (!noiseApplied) {
            return out;
        }
        lastMean = input.meanNumber().doubleValue();
        lastStd = RelativeNoiseMath.unbiasedStd(input);
        lastNoise = sample(input);
        out.addi(lastNoise.mul(c.getCoefficient() * lastStd));
        return out;
    }

    private INDArray sample(INDArray like) {
        if (fixedNoise != null) {
            if (!Arrays.equals(fixedNoise.shape(), like.shape())) {
                throw new IllegalStateException("fixed noise of shape " + Arrays.toString(fixedNoise.shape())
                        + " does not match the input shape " + Arrays.toString(like.shape()) + " of layer '"
                        + layerConf().getLayerName() + "'");
            }
            return fixedNoise;
        }
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return Nd4j.randn(like.dataType(), like.shape());
        }
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        INDArray dx = mgr.dup(ArrayType.ACTIVATION_GRAD, epsilon, epsilon.ordering());
        if (noiseApplied) {
            RelativeNoiseMath.addStdTerm(dx, input, lastNoise, layerConf().getCoefficient(), epsilon, lastMean,
                    lastStd);
        }
        return new Pair<>(new DefaultGradient(), dx);
    }

    /**
     * The noise sample {@code eps} of the last forward pass that added noise (a detached copy), or null once the
     * network has cleared its layer states (it does so after {@code fit} and {@code output}).
     */
    public INDArray lastNoise() {
        return lastNoise == null ? null : lastNoise.dup();
    }

    /**
     * Replays {@code eps} in every following forward pass instead of drawing new noise; {@code null} returns to fresh
     * samples. Meant for gradient checks and for reproducing one particular noisy pass.
     */
    public void fixNoise(INDArray eps) {
        if (eps == null) {
            fixedNoise = null;
            return;
        }
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            fixedNoise = eps.castTo(dataType).dup();
        }
    }

    /** Also drops the stored sample: it is as large as the activations, once per noise layer. */
    @Override
    public void clear() {
        super.clear();
        lastNoise = null;
        noiseApplied = false;
    }
}
