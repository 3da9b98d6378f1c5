package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.adversarial.evaluation.AutoAttack;

/** The values of {@code --autoattack-version}: AutoAttack's ensemble, or the one the model calls for. */
enum AutoAttackVersionChoice {
    /** {@code rand} for a model random at inference, {@code standard} otherwise (AutoAttack's own advice). */
    AUTO(null),
    STANDARD(AutoAttack.Version.STANDARD),
    RAND(AutoAttack.Version.RAND);

    private final AutoAttack.Version version;

    AutoAttackVersionChoice(AutoAttack.Version version) {
        this.version = version;
    }

    /** The version to force, or null to choose from the model. */
    AutoAttack.Version version() {
        return version;
    }

    /** The command-line spelling (see {@link Spellings}). */
    @Override
    public String toString() {
        return Spellings.of(this);
    }
}
