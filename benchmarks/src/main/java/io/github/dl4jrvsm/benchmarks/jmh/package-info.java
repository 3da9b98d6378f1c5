/**
 * JMH microbenchmarks (run with {@code org.openjdk.jmh.Main}, see docs/PERFORMANCE.md): the proximal operators
 * against a plain copy of the same array.
 */
package io.github.dl4jrvsm.benchmarks.jmh;
