package io.github.dl4jrvsm.zoo.layers;

import io.github.dl4jrvsm.core.model.ShapePreservingLayerConfig;
import io.github.dl4jrvsm.core.model.StochasticLayerConfig;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonIgnore;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * Configuration of the EnResNet noise: {@code y = x + c * std(x) * N(0, 1)}, with one unbiased standard deviation
 * over the whole activation tensor (mini-batch x channels x height x width) and the gradient flowing through it
 * (see {@link RelativeNoiseMath}).
 *
 * <p>Why a layer of its own: DL4J's {@code GaussianNoise} dropout has a fixed scale, passes the gradient straight
 * through and is switched off at inference, whereas the EnResNet defence keeps the noise on when the model is used
 * (and attacked). {@link #isNoiseAtInference()} (default {@code true}, serialised with the model) switches it off at
 * inference, for deterministic evaluation or comparison; training always adds noise.
 *
 * <p>Works in MultiLayerNetwork and ComputationGraph (typically right after an {@code ElementWiseVertex} residual
 * sum). Has no parameters. The no-argument constructor, getters and setters are there for DL4J's JSON mapper.
 */
public class RelativeGaussianNoise extends ShapePreservingLayerConfig implements StochasticLayerConfig {

    /** The authors' default noise coefficient {@code c}. */
    public static final double DEFAULT_COEFFICIENT = 0.1;

    private double coefficient = DEFAULT_COEFFICIENT;
    private boolean noiseAtInference = true;

    /** For JSON deserialisation; coefficient {@value #DEFAULT_COEFFICIENT}, noise on at inference. */
    public RelativeGaussianNoise() {
    }

    /**
     * @param coefficient      {@code c >= 0}, the noise standard deviation relative to the activations' one
     * @param noiseAtInference whether noise is also added when the network is not training
     */
    public RelativeGaussianNoise(double coefficient, boolean noiseAtInference) {
        setCoefficient(coefficient);
        this.noiseAtInference = noiseAtInference;
    }

    private RelativeGaussianNoise(Builder b) {
        super(b);
        setCoefficient(b.coefficient);
        this.noiseAtInference = b.noiseAtInference;
        initializeConstraints(b);
    }

    public double getCoefficient() {
        return coefficient;
    }

    public void setCoefficient(double coefficient) {
        this.coefficient = checkedCoefficient(coefficient);
    }

    /** {@code coefficient}, if it is a valid noise coefficient (finite, {@code >= 0}). */
    public static double checkedCoefficient(double coefficient) {
        if (!(coefficient >= 0) || Double.isInfinite(coefficient)) {
            throw new IllegalArgumentException("noise coefficient must be a finite number >= 0, got " + coefficient);
        }
        return coefficient;
    }

    public boolean isNoiseAtInference() {
        return noiseAtInference;
    }

    public void setNoiseAtInference(boolean noiseAtInference) {
        this.noiseAtInference = noiseAtInference;
    }

    @Override
    @JsonIgnore
    public boolean isStochasticAtInference() {
        return noiseAtInference && coefficient > 0;
    }

    /** Training always adds noise; without inference noise the inference pass is the identity, so c becomes 0. */
    @Override
    public org.deeplearning4j.nn.conf.layers.Layer inferenceBehaviourForTraining() {
        RelativeGaussianNoise copy = (RelativeGaussianNoise) clone();
        if (!noiseAtInference) {
            copy.setCoefficient(0);
        }
        return copy;
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
                                                       Collection<TrainingListener> listeners, int layerIndex,
                                                       INDArray paramsView, boolean initializeParams,
                                                       DataType networkDataType) {
        RelativeGaussianNoiseLayer layer = new RelativeGaussianNoiseLayer(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(paramsView);
        Map<String, INDArray> params = initializer().init(conf, paramsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        long perExample = inputType.arrayElementsPerExample();
        return new LayerMemoryReport.Builder(layerName, RelativeGaussianNoise.class, inputType, inputType)
                .standardMemory(0, 0)
                .workingMemory(0, perExample, 0, perExample)     // the noise sample
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }

    @Override
    public RelativeGaussianNoise clone() {
        return (RelativeGaussianNoise) super.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RelativeGaussianNoise r && super.equals(o) && r.coefficient == coefficient
                && r.noiseAtInference == noiseAtInference;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), coefficient, noiseAtInference);
    }

    @Override
    public String toString() {
        return "RelativeGaussianNoise(name=" + layerName + ", c=" + coefficient + ", noiseAtInference="
                + noiseAtInference + ")";
    }

    /** Builder; defaults: coefficient {@value #DEFAULT_COEFFICIENT}, noise on at inference. */
    public static class Builder extends org.deeplearning4j.nn.conf.layers.Layer.Builder<Builder> {
        private double coefficient = DEFAULT_COEFFICIENT;
        private boolean noiseAtInference = true;

        public Builder coefficient(double coefficient) {
            this.coefficient = coefficient;
            return this;
        }

        public Builder noiseAtInference(boolean noiseAtInference) {
            this.noiseAtInference = noiseAtInference;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public RelativeGaussianNoise build() {
            return new RelativeGaussianNoise(this);
        }
    }
}
