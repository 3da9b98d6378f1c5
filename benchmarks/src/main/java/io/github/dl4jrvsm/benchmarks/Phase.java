package io.github.dl4jrvsm.benchmarks;

import jdk.jfr.consumer.RecordedFrame;

import java.util.List;

/**
 * Names the part of a DL4J training step a stack sample belongs to, from the innermost frame that says so: a layer
 * helper (oneDNN), a layer's own forward or backward code, the updater, workspaces, or else the surrounding Java code.
 * Used by {@link BackendProfile}.
 */
final class Phase {

    private Phase() {
    }

    static String of(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            String method = f.getMethod().getName();
            String simple = type.substring(type.lastIndexOf('.') + 1);
            if (type.contains(".memory.") || simple.contains("Workspace")) {
                return "workspaces";
            }
            if (type.startsWith("org.deeplearning4j.nn.layers.mkldnn.")) {
                return simple + (method.startsWith("backprop") ? " backward" : " forward");
            }
            if (type.startsWith("org.deeplearning4j.nn.updater.") || type.startsWith("org.nd4j.linalg.learning.")) {
                return "updater (" + simple + ")";
            }
            if (type.startsWith("org.deeplearning4j.nn.layers.") || type.startsWith("org.deeplearning4j.nn.graph.vertex.")) {
                boolean backward = method.startsWith("backprop") || method.equals("doBackward");
                boolean forward = method.startsWith("activate") || method.startsWith("preOutput")
                        || method.equals("doForward") || method.equals("computeScore");
                if (backward || forward) {
                    return simple + (backward ? " backward" : " forward");
                }
            }
        }
        return "other (graph bookkeeping, score, listeners)";
    }
}
