package io.github.dl4jrvsm.surgery;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The decisions of {@link SurgeryPlanner} with what the rebuild needs to look them up.
 *
 * @param graph     the analysed graph
 * @param constants the channel constants of the original network
 * @param decisions one per channel space with producers, in graph order
 * @param byNode    node name to the decision of the space its output belongs to
 */
public record SurgeryPlan(ChannelGraph graph, ChannelConstants constants, List<SpaceDecision> decisions,
                          Map<String, SpaceDecision> byNode) {

    /** The kept channels of a node's output; all {@code width} channels when its space is not decided on. */
    public int[] kept(String node, int width) {
        SpaceDecision d = byNode.get(node);
        return d == null ? IntStream.range(0, width).toArray() : d.kept();
    }

    /** The decision for a node's output space, or null. */
    public SpaceDecision decision(String node) {
        return byNode.get(node);
    }

    /** Channels removed over all spaces. */
    public int removedChannels() {
        return decisions.stream().mapToInt(SpaceDecision::removed).sum();
    }
}
