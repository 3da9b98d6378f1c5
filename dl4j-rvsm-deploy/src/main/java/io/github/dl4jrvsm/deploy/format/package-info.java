/**
 * The byte layout of {@code .rvsmz} files: checksummed, deflated sections ({@link
 * io.github.dl4jrvsm.deploy.format.Sections}) and the sparse tensor encoding ({@link
 * io.github.dl4jrvsm.deploy.format.TensorCodec}). Changing anything here changes the file format: bump
 * {@code Sections.VERSION}.
 */
package io.github.dl4jrvsm.deploy.format;
