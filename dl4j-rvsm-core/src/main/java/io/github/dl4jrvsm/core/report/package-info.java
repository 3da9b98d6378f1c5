/** Sparsity reports: zero weights, zero channels, parameters and FLOPs before and after removing zero channels. */
package io.github.dl4jrvsm.core.report;
