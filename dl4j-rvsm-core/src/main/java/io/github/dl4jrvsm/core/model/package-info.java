/** Contracts between the library's modules about layers: which layers are random at inference. */
package io.github.dl4jrvsm.core.model;
