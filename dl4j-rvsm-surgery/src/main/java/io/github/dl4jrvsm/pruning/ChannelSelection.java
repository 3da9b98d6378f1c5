package io.github.dl4jrvsm.pruning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which output channels of which convolutions a pruning criterion removes, before anything is changed.
 *
 * <p>Why a value of its own: the two baselines differ only in how they choose channels (global |gamma| threshold,
 * per-layer filter l1 norm); masking, cutting and retraining are the same, so they take this record. Keeping it
 * separate also lets tests compare the choice against a brute-force sort.
 *
 * @param removed  convolution layer name to the output-channel indices to remove, ascending, without duplicates;
 *                 layers that lose nothing are absent; in model order
 * @param channels output channels of all convolutions the criterion considered
 * @param fraction removed channels over {@code channels} (0 when nothing was considered)
 */
public record ChannelSelection(Map<String, List<Integer>> removed, int channels, double fraction) {

    public ChannelSelection {
        Map<String, List<Integer>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> e : removed.entrySet()) {
            List<Integer> c = List.copyOf(e.getValue());
            for (int i = 0; i < c.size(); i++) {
                if (c.get(i) < 0 || (i > 0 && c.get(i) <= c.get(i - 1))) {
                    throw new IllegalArgumentException("Channels of '" + e.getKey() + "' must be ascending, distinct "
                            + "and non-negative, got " + c);
                }
            }
            if (!c.isEmpty()) {
                copy.put(e.getKey(), c);
            }
        }
        removed = Collections.unmodifiableMap(copy);
    }

    /** A selection of {@code removed} out of {@code channels} considered channels; the fraction is computed. */
    public static ChannelSelection of(Map<String, List<Integer>> removed, int channels) {
        int n = removed.values().stream().mapToInt(List::size).sum();
        if (n > channels) {
            throw new IllegalArgumentException("Selection removes " + n + " channels but only " + channels
                    + " were considered");
        }
        return new ChannelSelection(removed, channels, channels == 0 ? 0 : (double) n / channels);
    }

    /** Number of channels the selection removes. */
    public int removedChannels() {
        return removed.values().stream().mapToInt(List::size).sum();
    }

    /** The channels to remove from one layer (empty if none). */
    public List<Integer> removedFrom(String layer) {
        return removed.getOrDefault(layer, List.of());
    }

    public boolean isEmpty() {
        return removed.isEmpty();
    }
}
