package io.github.dl4jrvsm.benchmarks.tables;

import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

/**
 * Repeats of one run with different seeds, so that a table row or a frontier point reports a mean and a spread and a
 * result that hangs on the seed shows it.
 *
 * <p>The first repeat is the command as it is: its seed is {@code rvsm train}'s default ({@value #FIRST}), and runs
 * made before repeats existed are found again by their unchanged command. The others add {@code --seed 43, 44, ...}.
 *
 * @param count how many runs per row, at least 1
 */
public record Seeds(int count) {

    /** {@code rvsm train}'s default {@code --seed}. */
    public static final long FIRST = 42;

    public Seeds {
        if (count < 1) {
            throw new IllegalArgumentException("--seeds must be >= 1 (the number of runs per row, each with its own "
                    + "seed), got " + count);
        }
    }

    /** {@code --seeds N} for picocli: a bad count becomes picocli's error, naming it. */
    public static final class Converter implements CommandLine.ITypeConverter<Seeds> {
        @Override
        public Seeds convert(String value) {
            try {
                return new Seeds(Integer.parseInt(value.trim()));
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("--seeds must be a whole number >= 1, got '" + value + "'");
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Prints only the message of a bad option and exits with 2, as {@code rvsm} does: one line naming the value. */
    public static int oneLineError(CommandLine.ParameterException e, String[] args) {
        e.getCommandLine().getErr().println(e.getMessage());
        return 2;
    }

    /**
     * What a row or point says when fewer of its seeds have finished than were asked for (" (1 of 3 seeds)"), or
     * nothing when all have: a render while another runner is still training must not pass one run off as a mean.
     */
    public static String shortfall(int finished, int asked) {
        return finished < asked ? " (" + finished + " of " + asked + " seeds)" : "";
    }

    /** The commands of the repeats of {@code command}, the first one unchanged. */
    public List<List<String>> of(List<String> command) {
        if (command.contains("--seed")) {
            throw new IllegalArgumentException("the command sets its own --seed; repeats choose the seeds: "
                    + String.join(" ", command));
        }
        List<List<String>> repeats = new ArrayList<>(List.of(List.copyOf(command)));
        for (int k = 1; k < count; k++) {
            List<String> c = new ArrayList<>(command);
            c.add("--seed");
            c.add(String.valueOf(FIRST + k));
            repeats.add(List.copyOf(c));
        }
        return repeats;
    }
}
