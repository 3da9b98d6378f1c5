package io.github.dl4jrvsm.core.splitting;

/**
 * Where the splitting term {@code beta*(w - u)} enters the weight update.
 *
 * <p>{@link #BESIDE_UPDATER} (the default, as in the authors' reference code) adds {@code lr*beta*(w - u)} to the
 * update after the base updater has run, so momentum or Adam moments never see it. {@link #THROUGH_UPDATER} adds
 * {@code beta*(w - u)} to the gradient before the base updater, as an older version of that code did, so it is
 * carried by momentum and rescaled by adaptive updaters.
 */
public enum Coupling {
    BESIDE_UPDATER,
    THROUGH_UPDATER
}
