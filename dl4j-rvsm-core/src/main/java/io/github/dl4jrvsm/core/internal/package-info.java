/**
 * DL4J plumbing that several packages and modules of the library share: one view of both network kinds
 * ({@link io.github.dl4jrvsm.core.internal.NetworkAdapter}), their layers by name
 * ({@link io.github.dl4jrvsm.core.internal.NamedLayer}), the finite-value guard of the training hooks and the
 * argument checks of every module ({@link io.github.dl4jrvsm.core.internal.Validate}) and rank selection by magnitude
 * ({@link io.github.dl4jrvsm.core.internal.KthLargest}). Not an API for users: it may change between versions without
 * notice.
 */
package io.github.dl4jrvsm.core.internal;
