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
     * only), on the side the method prunes: input channels for RGSM and ADMM with input groups (the authors'
     * grouping), output channels (filters) for network slimming and l1-norm filter pruning. RGSM and ADMM count the
     * side their {@code grouping} setting names: once a whole layer dies the other side fills with zeros too (every
     * filter of a layer whose input is all zero is useless), and a larger-share rule would then count that side
     * instead. The other methods have one pruned side and none dies whole in practice, so the larger share is theirs.
     */
    static double convolutionChannelSparsity(RunReport report) {
        long in = 0, zeroIn = 0, out = 0, zeroOut = 0;
        for (var l : report.sparsity().layers()) {
            if (l.type().equals("ConvolutionLayer")) {
                in += l.inputChannels();
                zeroIn += l.zeroInputChannels();
                out += l.outputChannels();
                zeroOut += l.zeroOutputChannels();
            }
        }
        double inputShare = in == 0 ? 0 : (double) zeroIn / in, outputShare = out == 0 ? 0 : (double) zeroOut / out;
        Object method = report.settings().get("method"), grouping = report.settings().get("grouping");
        if (("rgsm".equals(method) || "admm".equals(method)) && grouping != null) {
            return "OUTPUT".equals(String.valueOf(grouping)) ? outputShare : inputShare;
        }
        return Math.max(inputShare, outputShare);
    }

    /** Whether the run must measure attacks (A2..A5) for this column. */
    public boolean needsAttacks() {
        return this == A2 || this == A3 || this == A4 || this == A5;
    }
}
