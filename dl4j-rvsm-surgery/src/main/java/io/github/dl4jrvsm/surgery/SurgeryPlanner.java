package io.github.dl4jrvsm.surgery;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Decides, for every {@link ChannelSpace}, which constant channels are removed and how their constants reach the
 * consumers exactly.
 *
 * <p>A removed channel that is a non-zero constant {@code k} still contributes to each consumer. A dense consumer,
 * or a convolution without padding, sees {@code k} at every tap, so the contribution is a bias:
 * {@code b[o] += k * sum(W[o, c, :, :])} ("fold"). A convolution with zero padding does not: near the border some
 * taps read the padding, so the contribution varies with the position and no bias reproduces it. There, one
 * constant channel is kept as a carrier and every removed constant is merged into its kernel,
 * {@code W'[o, car] = sum_c (k_c / k_car) W[o, c]}, which is exact because a convolution of constant maps is linear
 * in the constant. If no channel can carry (its constant is 0 where one is needed), the channels whose constant
 * reaches a padded convolution are kept and the note says so.
 */
public final class SurgeryPlanner {

    private SurgeryPlanner() {
    }

    /** One decision per space that has producers; the plan also maps every member node to its decision. */
    public static SurgeryPlan plan(ChannelGraph graph, List<ChannelSpace> spaces, ChannelConstants constants) {
        List<SpaceDecision> out = new ArrayList<>();
        Map<String, SpaceDecision> byNode = new HashMap<>();
        for (ChannelSpace s : spaces) {
            if (!s.producers().isEmpty()) {
                SpaceDecision d = decide(graph, s, constants);
                out.add(d);
                s.members().forEach(m -> byNode.put(m, d));
            }
        }
        return new SurgeryPlan(graph, constants, List.copyOf(out), Map.copyOf(byNode));
    }

    private static SpaceDecision decide(ChannelGraph graph, ChannelSpace s, ChannelConstants constants) {
        int channels = Math.toIntExact(((FeedForwardLayer) graph.node(s.producers().get(0)).layer()).getNOut());
        int[] all = IntStream.range(0, channels).toArray();
        List<String> notes = new ArrayList<>();
        int zeroFilters = countFinite(channels, s.producers(), constants);
        List<Integer> candidates = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            if (constantEverywhere(c, s.members(), constants)) {
                candidates.add(c);
            }
        }
        if (!s.frozen().isEmpty()) {
            if (zeroFilters > 0) {
                notes.add(zeroFilters + " channel(s) with zero filters kept because " + String.join("; ", s.frozen()));
            }
            return new SpaceDecision(s.label(), s.producers(), channels, zeroFilters, all, -1, notes);
        }
        if (zeroFilters > candidates.size()) {
            notes.add((zeroFilters - candidates.size()) + " channel(s) with zero filters are not constant further on "
                    + "(average or p-norm pooling with padding, sum pooling, a non-element-wise activation) and are kept");
        }
        if (candidates.isEmpty()) {
            return new SpaceDecision(s.label(), s.producers(), channels, zeroFilters, all, -1, notes);
        }
        List<ChannelSpace.Consumer> padded = s.consumers().stream().filter(c -> padded(graph.node(c.node()))).toList();
        List<ChannelSpace.Consumer> needy = s.consumers().stream()
                .filter(c -> anyNonZero(candidates, constants.of(c.input()))).toList();
        boolean needCarrier = padded.stream().anyMatch(needy::contains);
        List<Integer> removed = new ArrayList<>(candidates);
        int carrier = -1;
        if (needCarrier) {
            carrier = chooseCarrier(candidates, needy, constants);
            if (carrier >= 0 && candidates.size() == 1) {
                notes.add("1 constant channel (" + carrier + ") kept: its non-zero constant reaches the zero padding "
                        + "of " + names(padded) + ", where it is not a constant, so no bias can replace it");
                removed.clear();
            } else if (carrier >= 0) {
                removed.remove(Integer.valueOf(carrier));
                notes.add("channel " + carrier + " kept as the carrier of " + removed.size() + " removed constant "
                        + "channel(s) into padded convolution(s) " + names(padded));
            } else {
                List<Integer> blocked = new ArrayList<>();
                for (ChannelSpace.Consumer c : padded) {
                    double[] k = constants.of(c.input());
                    candidates.stream().filter(ch -> k[ch] != 0 && !blocked.contains(ch)).forEach(blocked::add);
                }
                removed.removeAll(blocked);
                notes.add(blocked.size() + " constant channel(s) kept: their non-zero constant reaches the zero "
                        + "padding of " + names(padded) + " (not a constant there, so no bias reproduces it) and no "
                        + "channel is non-zero at every consumer to carry it");
            }
        }
        if (removed.size() == channels) {
            notes.add("every channel is constant; channel " + removed.get(0) + " is kept so the layers stay valid");
            removed.remove(0);
        }
        int[] kept = Arrays.stream(all).filter(c -> !removed.contains(c)).toArray();
        return new SpaceDecision(s.label(), s.producers(), channels, zeroFilters, kept, carrier, notes);
    }

    /** Whether a consumer's zero padding makes a constant input map non-constant in its output. */
    static boolean padded(ChannelNode consumer) {
        return consumer.layer() instanceof ConvolutionLayer c && (c.getConvolutionMode() == ConvolutionMode.Same
                || Arrays.stream(c.getPadding()).anyMatch(p -> p != 0));
    }

    /** The candidate whose smallest |constant| over the consumers that need one is largest, or -1. */
    private static int chooseCarrier(List<Integer> candidates, List<ChannelSpace.Consumer> needy, ChannelConstants k) {
        int best = -1;
        double bestMin = 0;
        for (int c : candidates) {
            double min = Double.POSITIVE_INFINITY;
            for (ChannelSpace.Consumer u : needy) {
                min = Math.min(min, Math.abs(k.of(u.input())[c]));
            }
            if (min > bestMin) {
                best = c;
                bestMin = min;
            }
        }
        return best;
    }

    private static boolean anyNonZero(List<Integer> channels, double[] k) {
        return channels.stream().anyMatch(c -> k[c] != 0);
    }

    private static boolean constantEverywhere(int c, List<String> members, ChannelConstants constants) {
        for (String m : members) {
            double[] k = constants.of(m);
            if (k == null || c >= k.length || !Double.isFinite(k[c])) {
                return false;
            }
        }
        return true;
    }

    private static int countFinite(int channels, List<String> producers, ChannelConstants constants) {
        int n = 0;
        for (int c = 0; c < channels; c++) {
            if (constantEverywhere(c, producers, constants)) {
                n++;
            }
        }
        return n;
    }

    private static String names(List<ChannelSpace.Consumer> cs) {
        return cs.stream().map(ChannelSpace.Consumer::node).distinct().toList().toString();
    }
}
