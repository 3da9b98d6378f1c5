/** Runnable examples and, later, the reproduction of the dissertation's tables and the speed benchmarks. */
package io.github.dl4jrvsm.benchmarks;
