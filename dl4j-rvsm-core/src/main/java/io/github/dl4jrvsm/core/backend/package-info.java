/** Selection of the fastest ND4J CPU build (oneDNN + AVX2 with layer helpers on) with a plain fallback. */
package io.github.dl4jrvsm.core.backend;
