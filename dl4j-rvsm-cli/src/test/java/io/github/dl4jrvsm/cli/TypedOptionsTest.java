package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.core.admm.AdmmPruning;
import io.github.dl4jrvsm.core.admm.MagnitudeProjection;
import io.github.dl4jrvsm.core.prox.ChannelGrouping;
import io.github.dl4jrvsm.core.prox.GroupL0LassoPenalty;
import io.github.dl4jrvsm.core.prox.GroupL0Penalty;
import io.github.dl4jrvsm.core.prox.GroupLassoPenalty;
import io.github.dl4jrvsm.core.prox.L0Penalty;
import io.github.dl4jrvsm.core.prox.L1Penalty;
import io.github.dl4jrvsm.core.prox.Penalty;
import io.github.dl4jrvsm.core.prox.TransformedL1Penalty;
import io.github.dl4jrvsm.core.splitting.Coupling;
import io.github.dl4jrvsm.core.splitting.RelaxedSplitting;
import io.github.dl4jrvsm.core.training.SparseTraining;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The enum-valued options of {@code rvsm train}: what picocli says about them, and what each value builds. */
class TypedOptionsTest {

    private static final String METHODS = "none, rvsm, rgsm, admm, slimming, l1-filter";
    private static final String PENALTIES = "l0, l1, tl1, group-l0-lasso, group-l0, group-lasso";

    /** The train command's options after parsing {@code args} (nothing runs). */
    private static TrainCommand parse(String... args) {
        TrainCommand train = new TrainCommand();
        Spellings.register(new CommandLine(train)).parseArgs(args);
        return train;
    }

    private static String errorLine(String... args) {
        Object[] r = CliRun.rvsm(args);
        assertEquals(2, r[0], Arrays.toString(args) + ": " + r[1]);
        return ((String) r[1]).lines().filter(l -> l.startsWith("error: ")).findFirst().orElse((String) r[1]);
    }

    @Test
    void aBadValueIsRejectedWithTheValidCandidates() {
        String method = errorLine("train", "--method", "bogus");
        assertTrue(method.contains("'bogus'") && method.contains("--method") && method.contains(METHODS), method);
        String penalty = errorLine("train", "--penalty", "l2");
        assertTrue(penalty.contains("'l2'") && penalty.contains("--penalty") && penalty.contains(PENALTIES), penalty);
        String constantName = errorLine("train", "--method", "RVSM");
        assertTrue(constantName.contains("'RVSM'") && constantName.contains("[" + METHODS + "]"), constantName);
        String layers = errorLine("train", "--sparse-layers", "dense");
        assertTrue(layers.contains("'dense'") && layers.contains("all, conv"), layers);
    }

    @Test
    void helpListsTheCandidates() {
        Object[] r = CliRun.rvsm("train", "--help");
        String help = ((String) r[1]).replaceAll("\\s+", " ");
        for (String candidates : new String[]{METHODS, PENALTIES, "element, channel", "all, conv"}) {
            assertTrue(help.contains(candidates), candidates + " in\n" + r[1]);
        }
    }

    @Test
    void theCommandLineSpellingIsWhatParsesAndWhatTheSettingsRecord() {
        TrainCommand train = parse("--method", "l1-filter", "--penalty", "group-l0-lasso");
        assertEquals(Method.L1_FILTER, train.method.method);
        assertEquals(PenaltyChoice.GROUP_L0_LASSO, train.method.penalty);
        assertEquals("l1-filter", train.method.settings().get("method"));
        assertEquals("group-l0-lasso", train.method.settings().get("penalty"));
        assertEquals("conv", parse("--sparse-layers", "conv").method.settings().get("sparseLayers"));
        assertEquals("channel", parse("--method", "admm", "--admm-structure", "channel").method.settings().get("admmStructure"));
    }

    @Test
    void eachPenaltyBuildsItsOwnPenaltyWithTheGivenWeights() {
        PenaltyWeights w = new PenaltyWeights(0.5, 0.25, 2, ChannelGrouping.INPUT);
        Map<PenaltyChoice, Penalty> expected = new EnumMap<>(Map.of(
                PenaltyChoice.L0, new L0Penalty(0.5),
                PenaltyChoice.L1, new L1Penalty(0.5),
                PenaltyChoice.TL1, new TransformedL1Penalty(0.5, 2),
                PenaltyChoice.GROUP_L0_LASSO, new GroupL0LassoPenalty(0.5, 0.25, ChannelGrouping.INPUT),
                PenaltyChoice.GROUP_L0, new GroupL0Penalty(0.5, ChannelGrouping.INPUT),
                PenaltyChoice.GROUP_LASSO, new GroupLassoPenalty(0.5, ChannelGrouping.INPUT)));
        assertEquals(Arrays.asList(PenaltyChoice.values()), List.copyOf(expected.keySet()));
        expected.forEach((choice, penalty) -> assertEquals(penalty, choice.create(w), choice.toString()));
    }

    @Test
    void eachMethodBuildsItsTrainingWithItsDefaultPenalty() {
        SparseTraining rvsm = parse("--method", "rvsm", "--penalty", "l1", "--lambda", "0.5", "--beta", "0.1")
                .method.training(1);
        assertEquals(new RelaxedSplitting(new L1Penalty(0.5), 0.1), rvsm.regularization());
        RelaxedSplitting rgsm = assertInstanceOf(RelaxedSplitting.class,
                parse("--method", "rgsm", "--lambda", "0.5", "--lasso-in", "prox").method.training(1).regularization());
        assertEquals(new GroupL0LassoPenalty(0.5, 1e-5, ChannelGrouping.OUTPUT), rgsm.getPenalty());
        assertEquals(new L0Penalty(1e-5), ((RelaxedSplitting) parse().method.training(1).regularization()).getPenalty());
        assertEquals(new AdmmPruning(MagnitudeProjection.channels(0.25, ChannelGrouping.INPUT), 1e-2, 1, 7),
                parse("--method", "admm", "--admm-structure", "channel", "--prune-fraction", "0.25", "--grouping",
                        "INPUT", "--admm-retrain").method.training(7).regularization());
        // without --admm-retrain: the authors' comparison, coupling outside the optimizer and no hard prune
        assertEquals(new AdmmPruning(MagnitudeProjection.elementwise(0.6), 1e-2, 1, Integer.MAX_VALUE)
                        .withCoupling(Coupling.BESIDE_UPDATER),
                parse("--method", "admm").method.training(7).regularization());
        for (Method none : new Method[]{Method.NONE, Method.SLIMMING, Method.L1_FILTER}) {
            assertNull(parse("--method", none.toString()).method.training(1), none.toString());
        }
        assertNull(parse("--method", "rvsm").method.pruneRetrain(8, 1));
        assertEquals(4, parse("--method", "slimming").method.pruneRetrain(8, 1).pruneEpoch());
    }

    @Test
    void aPenaltyOfTheOtherMethodIsRefusedWithTheOnesThatFit() {
        TrainCommand train = parse("--method", "rgsm", "--penalty", "l1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> train.method.training(1));
        assertEquals("--penalty 'l1' does not fit --method rgsm; choose group-l0-lasso, group-l0 or group-lasso",
                e.getMessage());
    }

    @Test
    void eachAdmmStructureProjectsItsOwnWay() {
        assertEquals(MagnitudeProjection.elementwise(0.6), AdmmStructure.ELEMENT.projection(0.6, ChannelGrouping.INPUT));
        assertEquals(MagnitudeProjection.channels(0.6, ChannelGrouping.INPUT),
                AdmmStructure.CHANNEL.projection(0.6, ChannelGrouping.INPUT));
    }
}
