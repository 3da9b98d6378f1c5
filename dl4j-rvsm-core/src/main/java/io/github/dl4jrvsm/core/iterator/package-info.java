/**
 * Iterator plumbing shared by the modules that wrap a user's {@code DataSetIterator}: delegating bases that pass on
 * everything (reset, pre-processor, labels, async support) except what the wrapper changes.
 */
package io.github.dl4jrvsm.core.iterator;
