package io.github.dl4jrvsm.cli;

import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * The values of {@code --optimizer}: the DL4J updater each one builds from the learning-rate schedule. DL4J has no
 * heavy-ball momentum (PyTorch's {@code SGD(momentum=m, nesterov=False)}); momentum here is Nesterov's, which is what
 * the dissertation and the authors' code train with.
 */
enum OptimizerChoice {
    /** Plain stochastic gradient descent. */
    SGD {
        @Override
        IUpdater updater(ISchedule lr, double momentum) {
            return new Sgd(lr);
        }
    },
    /** SGD with Nesterov momentum (the default, as in the dissertation). */
    NESTEROV {
        @Override
        IUpdater updater(ISchedule lr, double momentum) {
            return new Nesterovs(lr, momentum);
        }
    },
    /** Adam with its default moment decays (0.9, 0.999). */
    ADAM {
        @Override
        IUpdater updater(ISchedule lr, double momentum) {
            return new Adam(lr);
        }
    };

    abstract IUpdater updater(ISchedule lr, double momentum);

    /** Whether {@code --momentum} means anything for this optimizer. */
    boolean usesMomentum() {
        return this == NESTEROV;
    }

    /** The command-line spelling (see {@link Spellings}). */
    @Override
    public String toString() {
        return Spellings.of(this);
    }
}
