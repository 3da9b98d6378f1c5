/**
 * The relaxed variable splitting method (RVSM) and its group version (RGSM) as a DL4J weight regularization: each
 * iteration adds {@code lr*beta*(w - prox(w))} after the base updater (the authors' placement, outside momentum), or
 * {@code beta*(w - prox(w))} to the gradient with {@code Coupling.THROUGH_UPDATER}.
 */
package io.github.dl4jrvsm.core.splitting;
