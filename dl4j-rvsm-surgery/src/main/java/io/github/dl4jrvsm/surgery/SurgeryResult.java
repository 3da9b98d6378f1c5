package io.github.dl4jrvsm.surgery;

import org.deeplearning4j.nn.api.Model;

import java.util.List;

/**
 * The new network and what was done to each channel space.
 *
 * @param network   the smaller network (same class as the input)
 * @param decisions one per channel space with producers
 */
public record SurgeryResult(Model network, List<SpaceDecision> decisions) {

    public int removedChannels() {
        return decisions.stream().mapToInt(SpaceDecision::removed).sum();
    }

    /** Every note of every space, prefixed with the space's label. */
    public List<String> notes() {
        return decisions.stream().flatMap(d -> d.notes().stream().map(n -> d.label() + ": " + n)).toList();
    }
}
