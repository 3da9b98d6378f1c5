package io.github.dl4jrvsm.core.testsupport;

import io.github.dl4jrvsm.core.backend.CpuBackend;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Runs before any test class loads ND4J, so that tests use the same backend choice as the library's mains. */
public class BackendLauncherListener implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        CpuBackend.configure();
    }
}
