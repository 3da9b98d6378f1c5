package org.nd4j.nativeblas;

import io.github.dl4jrvsm.nativecpu.CpuBackend;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Compatibility shim that turns DL4J 1.0.0-M2.1's oneDNN layer helpers back on.
 *
 * <p>{@code org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper.mklDnnEnabled()} looks up
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment#isUseMKLDNN()} by reflection. In M2.1 the native binding moved to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu} and lost that method, so the look-up always fails and every
 * convolution, pooling and batch-norm layer falls back to DL4J's much slower im2col path. This class restores the
 * name the helper looks for and answers from the live environment. It is only consulted when
 * {@code org.eclipse.deeplearning4j.helpers.disable=false}; see {@link CpuBackend}.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {
    }

    /** The environment view that {@code BaseMKLDNNHelper} asks. */
    public static final class Environment {

        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        /** True when native helpers are allowed and the loaded binary is a oneDNN build. */
        public boolean isUseMKLDNN() {
            return Nd4j.getEnvironment().helpersAllowed()
                    && CpuBackend.oneDnnBinaryLoaded();
        }
    }
}
