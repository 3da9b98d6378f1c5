package io.github.dl4jrvsm.surgery;

import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups the node outputs of a {@link ChannelGraph} into {@link ChannelSpace}s with a union-find, and records which
 * spaces must keep every channel and why (network inputs and outputs, unsupported layers reading them).
 */
public final class ChannelSpaces {

    private ChannelSpaces() {
    }

    /** The spaces of the graph, in the order their first member appears. */
    public static List<ChannelSpace> of(ChannelGraph graph) {
        Map<String, String> parent = new HashMap<>();
        for (ChannelNode n : graph.nodes()) {
            parent.put(n.name(), n.name());
        }
        for (ChannelNode n : graph.nodes()) {
            switch (n.kind()) {
                case BATCH_NORM, ACTIVATION, POOLING, GLOBAL_POOLING, DROPOUT, FLATTEN -> union(parent, n.name(), n.inputs().get(0));
                case ELEMENT_WISE -> n.inputs().forEach(in -> union(parent, n.name(), in));
                default -> {
                }
            }
        }
        Map<String, Builder> spaces = new LinkedHashMap<>();
        for (ChannelNode n : graph.nodes()) {
            Builder s = spaces.computeIfAbsent(find(parent, n.name()), k -> new Builder());
            s.members.add(n.name());
            if (n.kind() == NodeKind.PRODUCER) {
                s.producers.add(n.name());
            }
            if (n.kind() == NodeKind.INPUT) {
                s.frozen.add("it is the network input '" + n.name() + "'");
            }
            if (n.kind() == NodeKind.OTHER) {
                s.frozen.add("it is produced by " + n.describe() + ": " + n.why());
            }
            if (graph.outputs().contains(n.name())) {
                s.frozen.add("it is the network output of " + n.describe());
            }
        }
        for (ChannelNode n : graph.nodes()) {
            for (String in : n.inputs()) {
                Builder s = spaces.get(find(parent, in));
                if (n.kind() == NodeKind.PRODUCER) {
                    s.consumers.add(new ChannelSpace.Consumer(n.name(), in, factor(graph, n)));
                } else if (n.kind() == NodeKind.OTHER) {
                    s.frozen.add("it is read by " + n.describe() + ": " + n.why());
                } else if (graph.node(in).kind() == NodeKind.FLATTEN) {
                    s.frozen.add("the flattened channels of " + in + " are read by " + n.describe()
                            + ", which is not a dense layer (only dense layers read a flatten vertex here)");
                }
            }
        }
        List<ChannelSpace> out = new ArrayList<>();
        for (Builder b : spaces.values()) {
            out.add(new ChannelSpace(List.copyOf(b.members), List.copyOf(b.producers), List.copyOf(b.consumers),
                    List.copyOf(b.frozen)));
        }
        return out;
    }

    private static int factor(ChannelGraph graph, ChannelNode consumer) {
        CnnToFeedForwardPreProcessor f = graph.flattening(consumer);
        return f == null ? 1 : Math.toIntExact(f.getInputHeight() * f.getInputWidth());
    }

    private static final class Builder {
        final List<String> members = new ArrayList<>();
        final List<String> producers = new ArrayList<>();
        final List<ChannelSpace.Consumer> consumers = new ArrayList<>();
        final List<String> frozen = new ArrayList<>();
    }

    private static String find(Map<String, String> parent, String x) {
        while (!parent.get(x).equals(x)) {
            parent.put(x, parent.get(parent.get(x)));
            x = parent.get(x);
        }
        return x;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a), rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(rb, ra);
        }
    }
}
