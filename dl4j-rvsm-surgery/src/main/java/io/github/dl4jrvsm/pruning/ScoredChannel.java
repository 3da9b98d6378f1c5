package io.github.dl4jrvsm.pruning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One output channel of a convolution with its importance score (|gamma| for slimming, the filter's l1 norm for
 * Li et al.), and the one rule both criteria use to choose the least important ones.
 *
 * @param layer   the convolution's name
 * @param channel the output-channel index
 * @param score   the importance; smaller is pruned first
 */
record ScoredChannel(String layer, int channel, double score) {

    /**
     * The {@code k} lowest-scoring channels. Ties are broken by position in {@code channels} (model order, then
     * channel index), so the choice is deterministic and a tie never removes more than {@code k} channels (unlike a
     * {@code |gamma| <= threshold} mask, which removes every channel equal to the threshold).
     */
    static List<ScoredChannel> lowest(List<ScoredChannel> channels, int k) {
        List<ScoredChannel> sorted = new ArrayList<>(channels);
        sorted.sort(Comparator.comparingDouble(ScoredChannel::score));    // stable: keeps model order among ties
        return List.copyOf(sorted.subList(0, k));
    }

    /** The channels grouped by layer (in first-seen order), each layer's indices ascending. */
    static Map<String, List<Integer>> byLayer(List<ScoredChannel> channels) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        for (ScoredChannel c : channels) {
            out.computeIfAbsent(c.layer(), l -> new ArrayList<>()).add(c.channel());
        }
        out.values().forEach(l -> l.sort(Integer::compare));
        return out;
    }

    /** {@code floor(fraction * n)}, tolerant of rounding ({@code 0.29 * 100} is 29, not 28). */
    static int count(double fraction, int n) {
        return (int) Math.floor(fraction * n + 1e-9);
    }
}
