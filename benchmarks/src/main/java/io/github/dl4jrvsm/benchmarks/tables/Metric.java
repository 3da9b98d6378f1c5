package io.github.dl4jrvsm.benchmarks.tables;

import io.github.dl4jrvsm.cli.RunReport;

/** A column of the dissertation's tables, and how it is read off a finished run's {@code report.json}. */
public enum Metric {
    ACCURACY("Accuracy"), A1("A1"), A2("A2"), A3("A3"), A4("A4"), A5("A5"),
    SPARSITY("Sparsity"), CHANNEL_SPARSITY("Ch. sparsity");

    private final String header;

    Metric(String header) {
        this.header = header;
    }

    public String header() {
        return header;
    }

    /** The value in percent, as the dissertation prints it; NaN when the run did not measure it. */
    public double percent(RunReport report) {
        return 100 * switch (this) {
            case ACCURACY, A1 -> report.robustness().accuracy("A1");
            case A2, A3, A4, A5 -> report.robustness().accuracy(name());
            case SPARSITY -> report.sparsity().sparsity();
            case CHANNEL_SPARSITY -> convolutionChannelSparsity(report);
        };
    }

    /**
     * The dissertation's channel sparsity: zero channels of the convolutions (the authors' code counts conv kernels
     * only), on the side the run's groups are: input channels for RGSM with input groups (the authors' grouping),
     * output channels (filters) otherwise, e.g. for network slimming and l1-norm filter pruning.
     */
    static double convolutionChannelSparsity(RunReport report) {
        boolean input = "INPUT".equals(String.valueOf(report.settings().get("grouping")));
        long all = 0, zero = 0;
        for (var l : report.sparsity().layers()) {
            if (l.type().equals("ConvolutionLayer")) {
                all += input ? l.inputChannels() : l.outputChannels();
                zero += input ? l.zeroInputChannels() : l.zeroOutputChannels();
            }
        }
        return all == 0 ? 0 : (double) zero / all;
    }

    /** Whether the run must measure attacks (A2..A5) for this column. */
    public boolean needsAttacks() {
        return this == A2 || this == A3 || this == A4 || this == A5;
    }
}
