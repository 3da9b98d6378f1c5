package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.core.prox.ChannelGrouping;
import io.github.dl4jrvsm.core.prox.GroupL0LassoPenalty;
import io.github.dl4jrvsm.core.splitting.GroupLassoLoss;
import io.github.dl4jrvsm.core.splitting.RelaxedSplitting;
import io.github.dl4jrvsm.core.training.SparseTraining;
import io.github.dl4jrvsm.zoo.Initialization;
import io.github.dl4jrvsm.zoo.InputShape;
import io.github.dl4jrvsm.zoo.ZooModel;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import picocli.CommandLine;

import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --optimizer}, {@code --momentum}, {@code --weight-decay} and {@code --init} reach the zoo model. */
class TrainingOptionsTest {

    private static ScheduleOptions parse(String... args) {
        TrainCommand train = new TrainCommand();
        Spellings.register(new CommandLine(train)).parseArgs(args);
        train.schedule.validate();
        return train.schedule;
    }

    private static ZooModel<?> model(ScheduleOptions s) {
        return ModelFactory.configured("lenet5", InputShape.FASHION_MNIST, 10, 0.05, new int[0], 1, s);
    }

    @Test
    void theOptionsBuildTheUpdaterTheDecayAndTheInitialisation() {
        ZooModel<?> defaults = model(parse());
        Nesterovs nesterov = assertInstanceOf(Nesterovs.class, defaults.updater());
        assertEquals(0.9, nesterov.getMomentum(), 0);
        assertEquals(0.0, defaults.l2(), 0);
        assertEquals(Initialization.AUTHORS, defaults.initialization());

        assertEquals(0.5, ((Nesterovs) model(parse("--momentum", "0.5")).updater()).getMomentum(), 0);
        assertInstanceOf(Sgd.class, model(parse("--optimizer", "sgd")).updater());
        assertInstanceOf(Adam.class, model(parse("--optimizer", "adam")).updater());
        assertEquals(5e-4, model(parse("--weight-decay", "5e-4")).l2(), 0);
        assertEquals(Initialization.LIBRARY, model(parse("--init", "library")).initialization());
    }

    @Test
    void contradictionsGetOneLineErrors() {
        for (String[] args : new String[][]{{"--optimizer", "sgd", "--momentum", "0.9"}, {"--momentum", "1.5"},
                {"--weight-decay", "-1e-4"}}) {
            Object[] r = CliRun.rvsm(concat("train", args));
            assertEquals(2, r[0], Arrays.toString(args) + ": " + r[1]);
            String line = ((String) r[1]).lines().filter(l -> l.startsWith("error: ")).findFirst().orElse("");
            assertTrue(line.contains(args[args.length - 2]), line);
        }
        Object[] r = CliRun.rvsm("train", "--init", "xavier");
        assertTrue(((String) r[1]).contains("[authors, library]"), (String) r[1]);
    }

    @Test
    void rgsmPutsTheGroupLassoInTheLossAsTheAuthorsOrInTheProxWhenAsked() {
        TrainCommand authors = new TrainCommand();
        Spellings.register(new CommandLine(authors)).parseArgs("--method", "rgsm", "--lambda2", "2e-5");
        SparseTraining t = authors.method.training(1);
        assertEquals(new GroupLassoLoss(2e-5, ChannelGrouping.OUTPUT), t.lossTerm());
        assertEquals("group-l0", ((RelaxedSplitting) t.regularization()).getPenalty().name());
        TrainCommand formula = new TrainCommand();
        Spellings.register(new CommandLine(formula)).parseArgs("--method", "rgsm", "--lasso-in", "prox");
        SparseTraining p = formula.method.training(1);
        assertEquals(null, p.lossTerm());
        assertInstanceOf(GroupL0LassoPenalty.class, ((RelaxedSplitting) p.regularization()).getPenalty());
    }

    @Test
    void aReportRebuildsTheInitialisationItsRunUsed() {
        ScheduleOptions old = ScheduleOptions.of(Map.of("seed", 3));
        assertEquals(InitializationChoice.LIBRARY, old.init);
        ScheduleOptions recorded = ScheduleOptions.of(Map.of("seed", 3, "optimizer", "adam", "init", "authors",
                "weightDecay", 1e-4));
        assertEquals(OptimizerChoice.ADAM, recorded.optimizer);
        assertEquals(1e-4, recorded.weightDecay, 0);
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
