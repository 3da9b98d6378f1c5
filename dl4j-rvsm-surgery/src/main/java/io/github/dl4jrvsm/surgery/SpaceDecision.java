package io.github.dl4jrvsm.surgery;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

/**
 * What the surgery does to one {@link ChannelSpace}.
 *
 * @param label      the producers of the space, joined with {@code +}
 * @param producers  the convolution/dense layers whose output channels these are
 * @param channels   channels before the surgery
 * @param constant   channels that are the same number for every input (zero filters; the number may be non-zero)
 * @param kept       indices of the channels the new network keeps, ascending
 * @param carrier    the constant channel kept to carry the removed constants into padded convolutions, or -1
 * @param notes      why constant channels were kept, or how the constants were handled
 */
public record SpaceDecision(String label, List<String> producers, int channels, int constant, int[] kept,
                            int carrier, List<String> notes) {

    /** Channels removed from every layer of the space. */
    public int removed() {
        return channels - kept.length;
    }

    @JsonIgnore
    public boolean changes() {
        return kept.length != channels;
    }
}
