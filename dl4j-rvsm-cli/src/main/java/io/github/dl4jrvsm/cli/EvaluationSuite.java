package io.github.dl4jrvsm.cli;

/** The values of {@code --suite}: which attacks measure robustness. */
enum EvaluationSuite {
    /** The dissertation's A1..A5 (FGSM, IFGSM-20, C&W, NAttack) and the robust accuracy against epsilon. */
    DISSERTATION,
    /**
     * AutoAttack (Croce and Hein 2020), the field's standard: the standard ensemble, or the rand one with EOT for
     * models random at inference (EnResNet).
     */
    AUTOATTACK,
    /** FGSM and PGD-20 with random start: a minute's sanity check, not a robustness claim. */
    QUICK;

    /** The command-line spelling (see {@link Spellings}). */
    @Override
    public String toString() {
        return Spellings.of(this);
    }
}
