/**
 * The relaxed variable splitting method (RVSM) and its group version (RGSM) as a DL4J weight regularization: each
 * iteration adds {@code beta*(w - prox(w))} to the update of the base updater.
 */
package io.github.dl4jrvsm.core.splitting;
