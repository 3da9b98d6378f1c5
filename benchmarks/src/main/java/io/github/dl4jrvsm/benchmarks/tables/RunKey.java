package io.github.dl4jrvsm.benchmarks.tables;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The directory name of one run: readable (model and method) plus a hash of every option, so that two tables asking
 * for the same run (Table 4.4's RVSM ResNet20 at beta 0.01 is Table 4.7's RVSM row) train it once, and a finished
 * run is never trained again when a table is re-run.
 */
final class RunKey {

    private RunKey() {
    }

    static String of(List<String> args) {
        String model = value(args, "--model"), method = value(args, "--method");
        String penalty = value(args, "--penalty");
        StringBuilder readable = new StringBuilder(model).append('-').append(method);
        if (!penalty.isEmpty()) {
            readable.append('-').append(penalty);
        }
        if (args.contains("--no-adversarial")) {
            readable.append("-natural");
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(String.join("\u0000", args).getBytes(StandardCharsets.UTF_8));
            return readable + "-" + HexFormat.of().formatHex(h, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String value(List<String> args, String option) {
        int i = args.indexOf(option);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : "";
    }
}
