package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.pruning.PruningStructure;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The command-line spelling of the enum-valued options ({@code --method}, {@code --penalty}, ...): the constant's
 * name in lower case with dashes ({@code L1_FILTER} is {@code l1-filter}). Those enums return it from
 * {@code toString()}, so that help ({@code ${COMPLETION-CANDIDATES}}), errors and run settings all show it.
 *
 * <p>picocli's own enum conversion also accepts the Java constant names and lists both in its errors
 * ({@code [NONE, none, RVSM, rvsm, ...]}); {@link #register} replaces it, so that a user sees one name per choice.
 */
final class Spellings {

    /** The enums whose options are spelled by {@code toString()}. */
    static final List<Class<? extends Enum<?>>> TYPES = List.of(Method.class, PenaltyChoice.class,
            AdmmStructure.class, SparseLayers.class, QuantizationChoice.class, OptimizerChoice.class,
            InitializationChoice.class, LassoPlacement.class, BatchNormHandling.class, EvaluationSuite.class,
            NormChoice.class, AutoAttackVersionChoice.class, PruningStructure.class);

    private Spellings() {
    }

    /** {@code L1_FILTER} -> {@code l1-filter}. */
    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Registers the spelling converter of every type in {@link #TYPES} with {@code cli} and its subcommands. */
    static CommandLine register(CommandLine cli) {
        for (Class<? extends Enum<?>> type : TYPES) {
            registerOne(cli, type);
        }
        return cli;
    }

    private static <E> void registerOne(CommandLine cli, Class<E> type) {
        cli.registerConverter(type, value -> parse(type, value));
    }

    /** The constant of {@code type} spelled {@code value}; the error lists the valid spellings as picocli's does. */
    static <E> E parse(Class<E> type, String value) {
        E[] constants = type.getEnumConstants();
        for (E c : constants) {
            if (c.toString().equals(value)) {
                return c;
            }
        }
        throw new TypeConversionException("expected one of " + Arrays.toString(constants) + " but was '" + value + "'");
    }
}
