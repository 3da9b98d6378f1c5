package io.github.dl4jrvsm.nativecpu;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Runs {@link CpuBackend#configure()} when a JUnit Platform session opens, before any test class can load ND4J, so
 * that tests get the same backend as the command line. Registered as a service: having this module on a test class
 * path is enough. JUnit Platforms older than 1.8 know no session listeners and never load this class.
 */
public final class ConfigureBeforeTests implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        CpuBackend.configure();
    }
}
