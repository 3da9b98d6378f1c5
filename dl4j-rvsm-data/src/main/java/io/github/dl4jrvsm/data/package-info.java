/**
 * Readers for the data sets the library trains on, producing DL4J data sets in pixel space [0, 1] (NCHW, one-hot).
 *
 * <ul>
 *   <li>{@link io.github.dl4jrvsm.data.Datasets#load(DataSetName, LoadOptions)}: the entry point, returning
 *       train / validation / test {@link io.github.dl4jrvsm.data.DataSplits};</li>
 *   <li>{@link io.github.dl4jrvsm.data.MnistFormat} and {@link io.github.dl4jrvsm.data.CifarFormat}: the
 *       file formats;</li>
 *   <li>{@link io.github.dl4jrvsm.data.DataSetLocator}: where the files are (explicit directory, DL4J's
 *       directory, Debian's Fashion-MNIST, optional verified download);</li>
 *   <li>{@link io.github.dl4jrvsm.data.VerifiedDownload} and
 *       {@link io.github.dl4jrvsm.data.SafeTarExtractor}: SHA-256-checked downloads and archive extraction that
 *       cannot write outside its directory;</li>
 *   <li>{@link io.github.dl4jrvsm.data.TrainValidationSplit}: the seeded validation hold-out;</li>
 *   <li>{@link io.github.dl4jrvsm.data.RandomCropFlip}: the authors' CIFAR augmentation.</li>
 * </ul>
 */
package io.github.dl4jrvsm.data;
