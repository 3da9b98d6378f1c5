package io.github.dl4jrvsm.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * What every subcommand gets from picocli: its writers (tests read them through {@code CommandLine.setOut/setErr})
 * and which options the user actually typed, where a default depends on that.
 */
abstract class RvsmCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Whether {@code option} was on the command line; false when the command was built without parsing. */
    boolean given(String option) {
        return spec != null && spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption(option);
    }
}
