package io.github.dl4jrvsm.core.model;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.NoParamLayer;
import org.deeplearning4j.nn.params.EmptyParamInitializer;

/**
 * Configuration base of the library's parameter-free layers whose output has the shape of their input (EnResNet's
 * noise, the attacks' input-gradient tap): no parameters, no preprocessor, output type = input type.
 */
public abstract class ShapePreservingLayerConfig extends NoParamLayer {

    protected ShapePreservingLayerConfig() {
    }

    protected ShapePreservingLayerConfig(Builder<?> builder) {
        super(builder);
    }

    @Override
    public ParamInitializer initializer() {
        return EmptyParamInitializer.getInstance();
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (inputType == null) {
            throw new IllegalStateException("Invalid input type: null for layer '" + getLayerName() + "'");
        }
        return inputType;
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }
}
