/** Readers for the data sets the library trains on, producing DL4J data sets in pixel space [0, 1]. */
package io.github.dl4jrvsm.core.data;
