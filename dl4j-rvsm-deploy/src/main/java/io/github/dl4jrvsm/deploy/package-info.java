/**
 * Deploying sparse models. {@link io.github.dl4jrvsm.deploy.SparseModelFile} writes a network into the compressed
 * {@code .rvsmz} format, which stores only non-zero weights (bitmask or gap index, whichever is smaller) at full,
 * half or int8 precision, and loads it back into a plain DL4J network. The byte layout lives in
 * {@link io.github.dl4jrvsm.deploy.format}.
 */
package io.github.dl4jrvsm.deploy;
