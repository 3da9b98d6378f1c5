package io.github.dl4jrvsm.pruning;

import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.regularization.L1Regularization;

import java.util.ArrayList;
import java.util.List;

/**
 * The network-slimming sparsity term {@code s * sum |gamma|} over every batch-norm scale, added to the gradient
 * before the updater: {@code dL/dgamma += s * sign(gamma)}, exactly what the authors' PyTorch code does
 * ({@code m.weight.grad.add_(s * torch.sign(m.weight))}) and what DL4J's own {@link L1Regularization} computes.
 *
 * <p>Why a training listener and not DL4J's regularization setting: DL4J's
 * {@link BatchNormalization#getRegularizationByParam(String)} returns {@code null} for every parameter (checked in
 * the 1.0.0-M2.1 sources: "Don't regularize batch norm params"), so an {@code l1(...)} set on the layer or network
 * never reaches gamma. A subclass of the layer configuration that overrides it would work for training, but every
 * tool that recognises batch norm by its class (the channel surgery, this package) would no longer see one, and
 * saved models would carry a foreign class. The listener instead runs DL4J's {@link L1Regularization#apply} on gamma
 * in {@code onGradientCalculation}, after back-propagation and before the updater, so momentum and Adam see the
 * penalty like any other gradient.
 *
 * <p>One detail: at that point DL4J's gradient is still the sum over the minibatch; the updater divides it by the
 * batch size afterwards (mini-batch mode, the default). The coefficient is multiplied by the batch size first, so
 * the effective penalty is {@code s}, as when DL4J applies an l1 itself. Not serialised with the model: attach it
 * again after restoring a checkpoint.
 */
public final class GammaL1Penalty extends BaseTrainingListener {

    private final double sparsity;

    /** @param sparsity the coefficient {@code s} (paper default {@link NetworkSlimming#PAPER_SPARSITY}) */
    public GammaL1Penalty(double sparsity) {
        if (!(sparsity >= 0) || Double.isInfinite(sparsity)) {
            throw new IllegalArgumentException("Slimming sparsity s must be finite and >= 0 (paper: 1e-4), got "
                    + sparsity);
        }
        this.sparsity = sparsity;
    }

    public double sparsity() {
        return sparsity;
    }

    @Override
    public void onGradientCalculation(Model model) {
        double scale = model.conf().isMiniBatch() ? model.batchSize() : 1;
        L1Regularization l1 = new L1Regularization(sparsity * scale);
        for (Layer layer : batchNormLayers(model)) {
            INDArray gamma = layer.getParam(BatchNormalizationParamInitializer.GAMMA);
            INDArray gradient = BatchNormalizationParamInitializer.getInstance()
                    .getGradientsFromFlattened(layer.conf(), layer.getGradientsViewArray())
                    .get(BatchNormalizationParamInitializer.GAMMA);
            l1.apply(gamma.reshape(gamma.length()), gradient, 0, 0, 0);
        }
    }

    /** Adds this penalty to the model's listeners. */
    void attachTo(Model model) {
        NetworkAdapter.of(model).addListeners(this);
    }

    /** @throws IllegalArgumentException if the model has no batch norm with trainable gamma */
    void requireBatchNorm(Model model) {
        if (batchNormLayers(model).isEmpty()) {
            throw new IllegalArgumentException("Network slimming needs batch-norm layers with trainable gamma, but "
                    + "the model has none");
        }
    }

    /** The live batch-norm layers whose gamma trains (gamma/beta not locked). */
    static List<Layer> batchNormLayers(Model model) {
        Layer[] layers = NetworkAdapter.of(model).runtimeLayers();
        List<Layer> out = new ArrayList<>();
        for (Layer l : layers) {
            if (l.conf().getLayer() instanceof BatchNormalization bn && !bn.isLockGammaBeta()) {
                out.add(l);
            }
        }
        return out;
    }
}
