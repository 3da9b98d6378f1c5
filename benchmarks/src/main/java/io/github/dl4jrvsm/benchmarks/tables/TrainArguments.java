package io.github.dl4jrvsm.benchmarks.tables;

import io.github.dl4jrvsm.core.prox.ChannelGrouping;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code rvsm train} run of one table row, as what it is rather than as flags: the row's method options (the
 * dissertation's hyper-parameters), the authors' layer and grouping setting and batch-norm handling (training's
 * running statistics for every row), the scale's budget, the training kind and the attacks measured.
 * {@link #toList()} is the one place that spells it as command-line arguments.
 *
 * <p>The spelling's order is part of a run's identity ({@link RunKey} hashes it, and finished runs are found by it),
 * so it must stay as it is for the runs already in a results directory to be read back.
 *
 * @param methodOptions    the row's {@code rvsm train} options, starting with {@code --model} and {@code --method}
 * @param convolutionsOnly sparsify convolution kernels only ({@code --sparse-layers conv})
 * @param grouping         the channel groups, or null for the command line's default
 * @param budget           data, epochs and attack settings of the table's scale
 * @param adversarial      PGD adversarial training
 * @param attacks          the attacks measured after training (A2..A5); empty: clean accuracy only
 */
record TrainArguments(List<String> methodOptions, boolean convolutionsOnly, ChannelGrouping grouping, Budget budget,
                      boolean adversarial, List<Metric> attacks) {

    /** The methods the authors' code applies to convolution kernels only. */
    private static final Set<String> SPARSE_METHODS = Set.of("rvsm", "rgsm", "admm");

    TrainArguments {
        methodOptions = List.copyOf(methodOptions);
        attacks = List.copyOf(attacks);
        if (!methodOptions.contains("--method")) {
            throw new IllegalArgumentException("the row's options must name a --method, got " + methodOptions);
        }
        for (Metric m : attacks) {
            if (!m.needsAttacks()) {
                throw new IllegalArgumentException(m + " is not an attack; choose among A2, A3, A4, A5");
            }
        }
    }

    /**
     * A row of a table at a scale, with the authors' setting: only convolution kernels are sparsified, and the groups
     * of RGSM and ADMM are input channels.
     */
    static TrainArguments of(TableSpec table, Row row, Scale scale) {
        List<String> options = row.method();
        String method = options.get(options.indexOf("--method") + 1);
        boolean sparse = SPARSE_METHODS.contains(method);
        ChannelGrouping grouping = sparse && !method.equals("rvsm") ? ChannelGrouping.INPUT : null;
        List<Metric> attacks = table.metrics().stream().filter(Metric::needsAttacks).toList();
        return new TrainArguments(options, sparse, grouping, table.budget(scale), table.adversarial(), attacks);
    }

    /** The arguments after {@code rvsm}: {@code train}, the method, the budget, the training kind, the evaluation. */
    List<String> toList() {
        List<String> c = new ArrayList<>(List.of("train"));
        c.addAll(methodOptions);
        if (convolutionsOnly) {
            c.addAll(List.of("--sparse-layers", "conv"));
        }
        if (grouping != null) {
            c.addAll(List.of("--grouping", grouping.name()));
        }
        // the authors' batch-norm handling, the same for every row (dense ones included)
        c.addAll(List.of("--batch-norm", "running"));
        c.addAll(budget.toArgs());
        if (!adversarial) {
            c.add("--no-adversarial");
        }
        if (attacks.isEmpty()) {
            c.add("--no-robustness");
        } else {
            c.addAll(List.of("--eval-attacks", attacks.stream().map(Metric::name).collect(Collectors.joining(","))));
        }
        c.add("--no-progress");
        return c;
    }
}
