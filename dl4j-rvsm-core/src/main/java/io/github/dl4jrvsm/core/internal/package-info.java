/**
 * DL4J plumbing that several packages and modules of the library share: the running layers of either network kind by
 * name ({@link io.github.dl4jrvsm.core.internal.NamedLayer}), the finite-value guard of the training hooks and the
 * argument checks of every module ({@link io.github.dl4jrvsm.core.internal.Validate}). Not an API for users: it may
 * change between versions without notice.
 */
package io.github.dl4jrvsm.core.internal;
