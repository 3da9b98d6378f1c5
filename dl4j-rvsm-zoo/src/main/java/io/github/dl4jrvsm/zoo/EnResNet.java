package io.github.dl4jrvsm.zoo;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import io.github.dl4jrvsm.zoo.layers.RelativeGaussianNoise;

import java.util.List;

/**
 * EnResNet (Wang et al., NeurIPS 2019): an ensemble of pre-activation CIFAR ResNets trained jointly in one
 * {@link ComputationGraph}, with Gaussian noise {@code c * std(out) * N(0, 1)} added after every residual sum
 * ({@link io.github.dl4jrvsm.zoo.layers.RelativeGaussianNoise}).
 *
 * <p>Every member reads the same input and ends in its own logits (a dense layer with identity activation,
 * {@code memberK.logits}); the logits are averaged ({@code ensemble.average}) and a softmax with cross-entropy
 * ({@code output}, a {@link LossLayer}) turns them into probabilities, so one loss trains all members, as in the
 * reference code, and {@code output(...)} / {@code evaluate(...)} work as for any classifier.
 *
 * <p>Defaults: 2 members of depth 20 (En2ResNet20), {@code c = 0.1}, noise on at inference (the defence: the noise
 * is part of the model, also under attack); {@link #withNoiseAtInference(boolean)} switches it off for deterministic
 * evaluation, and the switch is saved with the configuration. Every member is the {@link ResNetCifar} this model
 * holds, so depth and noise are checked and described in one place.
 */
public final class EnResNet extends GraphZooModel<EnResNet> {

    private int members = 2;
    private ResNetCifar member = ResNetCifar.resnet20().withNoise(RelativeGaussianNoise.DEFAULT_COEFFICIENT);

    /** En{members}ResNet{depth}, e.g. {@code EnResNet.of(5, 20)} for En5ResNet20. */
    public static EnResNet of(int members, int depth) {
        return new EnResNet().withMembers(members).withDepth(depth);
    }

    public int members() {
        return members;
    }

    public EnResNet withMembers(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("an ensemble needs >= 1 members, got " + n);
        }
        return copy(m -> m.members = n);
    }

    /** A copy whose members have depth {@code 6n + 2}. */
    public EnResNet withDepth(int depth) {
        ResNetCifar deeper = member.withDepth(depth);
        return copy(m -> m.member = deeper);
    }

    /** A copy with noise coefficient {@code c >= 0}; 0 gives a plain ensemble without noise layers. */
    public EnResNet withNoise(double coefficient) {
        ResNetCifar noisy = member.withNoise(coefficient);
        return copy(m -> m.member = noisy);
    }

    /** A copy whose noise is on (default) or off at inference. */
    public EnResNet withNoiseAtInference(boolean on) {
        ResNetCifar switched = member.withNoiseAtInference(on);
        return copy(m -> m.member = switched);
    }

    /** The authors' ResNets initialise every convolution with He normal scaled by the fan-out. */
    @Override
    protected boolean authorsUseFanOutConvolutions() {
        return true;
    }

    @Override
    protected List<Object> architecture() {
        return List.of(members, member);
    }

    @Override
    public ComputationGraphConfiguration conf() {
        GraphBuilder g = base().graphBuilder().addInputs("input");
        ResNetBody body = member.body();
        Layers layers = layers();
        String[] logits = new String[members];
        for (int m = 0; m < members; m++) {
            String prefix = "member" + (m + 1) + ".";
            String features = body.addTo(g, layers, prefix, "input");
            logits[m] = prefix + "logits";
            g.addLayer(logits[m], Layers.dense(classes(), Activation.IDENTITY), features);
        }
        String averaged = logits[0];
        if (members > 1) {
            averaged = "ensemble.average";
            g.addVertex(averaged, new ElementWiseVertex(ElementWiseVertex.Op.Average), logits);
        }
        LossLayer output = new LossLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                .build();
        output.setNOut(classes());          // the builder refuses nOut; without it DL4J infers an output size of 0
        g.addLayer("output", output, averaged);
        return g.setOutputs("output").setInputTypes(inputShape().inputType()).build();
    }
}
