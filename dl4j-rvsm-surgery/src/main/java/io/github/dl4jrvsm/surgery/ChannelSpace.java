package io.github.dl4jrvsm.surgery;

import java.util.List;

/**
 * A set of node outputs that index the same channels, so a channel is removed from all of them or from none: the
 * output of a producer, the per-channel layers after it, and everything an element-wise vertex (a residual add)
 * joins to it.
 *
 * @param members   node names whose output belongs to the space
 * @param producers the convolution/dense layers whose output channels these are
 * @param consumers the convolution/dense layers that read these channels through their weights
 * @param frozen    why no channel of the space may be removed (empty: removal allowed)
 */
public record ChannelSpace(List<String> members, List<String> producers, List<Consumer> consumers,
                           List<String> frozen) {

    /**
     * A layer reading the space through its weight.
     *
     * @param node   the consumer layer
     * @param input  the node it reads (a member of the space)
     * @param factor input entries per channel: 1, or {@code height * width} when a dense layer reads a flattened
     *               NCHW map (channel {@code c} is inputs {@code c*factor .. c*factor+factor-1})
     */
    public record Consumer(String node, String input, int factor) {
    }

    /** A short name: the producers, or the first member. */
    public String label() {
        return producers.isEmpty() ? members.get(0) : String.join("+", producers);
    }
}
