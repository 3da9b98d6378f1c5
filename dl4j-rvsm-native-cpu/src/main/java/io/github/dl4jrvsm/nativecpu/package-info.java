/**
 * The fast ND4J CPU backend as an opt-in: this module brings {@code nd4j-native} (the oneDNN + AVX2 build beside the
 * plain one) and {@link io.github.dl4jrvsm.nativecpu.CpuBackend#configure()}, which picks the build and switches
 * DL4J's oneDNN layer helpers on. The library modules depend on no backend, so an application chooses its own; the
 * command line, the benchmarks and the tests use this one.
 */
package io.github.dl4jrvsm.nativecpu;
