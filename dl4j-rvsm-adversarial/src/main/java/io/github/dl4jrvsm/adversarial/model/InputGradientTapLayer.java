package io.github.dl4jrvsm.adversarial.model;

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

/** Runtime of {@link InputGradientTap}: identity forward; the backward pass copies the gradient out. */
final class InputGradientTapLayer extends ParameterFreeLayer<InputGradientTap> {

    private INDArray captured;

    InputGradientTapLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** The gradient of the last backward pass (outside any workspace), or null; reading it clears it. */
    INDArray take() {
        INDArray c = captured;
        captured = null;
        return c;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        return mgr.dup(ArrayType.ACTIVATIONS, input, input.ordering());
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            captured = epsilon.dup();
        }
        return new Pair<>(new DefaultGradient(), mgr.leverageTo(ArrayType.ACTIVATION_GRAD, epsilon));
    }
}
