package io.github.dl4jrvsm.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * {@code rvsm --version} from the jar manifest, so the version is the pom's and never a second copy in the code. Run
 * from a class directory (tests, an IDE) there is no manifest, and it says so instead of guessing.
 */
public final class ManifestVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[]{"dl4j-rvsm " + version(Rvsm.class.getPackage().getImplementationVersion())};
    }

    static String version(String fromManifest) {
        return fromManifest == null ? "(development build: no jar manifest)" : fromManifest;
    }
}
