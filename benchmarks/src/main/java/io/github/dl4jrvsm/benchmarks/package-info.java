/**
 * Reproduction of the dissertation's tables and the speed benchmarks (JMH and benchmark mains that print ratios
 * measured in one run). The quick-start job moved to the {@code rvsm} command line ({@code dl4j-rvsm-cli}).
 */
package io.github.dl4jrvsm.benchmarks;
