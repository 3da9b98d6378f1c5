/** Saving and restoring models together with the state of their sparse methods, atomically. */
package io.github.dl4jrvsm.core.persist;
