/**
 * The sparse inference runtime. {@link io.github.dl4jrvsm.deploy.runtime.SparseRuntime} compiles a DL4J network
 * ({@code Lowering}: one op per layer or vertex, everything unsupported refused by name), merges batch norm and
 * activations into the ops before them ({@code Fusion}) and runs the ops on buffers planned once per batch size
 * ({@code Plan}). Convolution and dense ops keep their weights as per-channel lists, holding only the non-zeros
 * where a layer is mostly zeros, so their work follows the number of non-zero weights.
 */
package io.github.dl4jrvsm.deploy.runtime;
