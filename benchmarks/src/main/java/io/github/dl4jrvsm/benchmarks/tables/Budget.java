package io.github.dl4jrvsm.benchmarks.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How much data and training one table gets at one scale: the data set, how many images, epochs and where the
 * learning rate drops, and the attack settings of training and evaluation. It becomes {@code rvsm train} options.
 *
 * @param trainExamples 0 = the whole training split
 * @param testExamples  0 = the whole test set (A1 is measured on all of it)
 * @param evalExamples  test images attacked for A2..A5
 * @param attackSteps   PGD steps of adversarial training
 * @param lr            initial learning rate; null = the command line's default for the model
 */
public record Budget(String dataset, int trainExamples, int validation, int testExamples, int epochs, int[] lrDrops,
                     int batch, int evalExamples, int attackSteps, Double lr) {

    public Budget {
        if (epochs < 1 || batch < 1 || evalExamples < 1 || attackSteps < 1) {
            throw new IllegalArgumentException("epochs, batch, evalExamples and attackSteps must be >= 1, got "
                    + epochs + ", " + batch + ", " + evalExamples + ", " + attackSteps);
        }
        lrDrops = lrDrops.clone();
    }

    /** The dissertation's setting: the whole CIFAR split (45k/5k), 200 epochs, batch 128, PGD-10. */
    public static Budget full(String dataset, int... lrDrops) {
        return new Budget(dataset, 0, 5000, 0, 200, lrDrops, 128, 1000, 10, null);
    }

    public Budget withLearningRate(double learningRate) {
        return new Budget(dataset, trainExamples, validation, testExamples, epochs, lrDrops, batch, evalExamples,
                attackSteps, learningRate);
    }

    /** The training images in words: their number, or the whole split for {@code trainExamples} 0. */
    public String trainingImages() {
        return trainExamples == 0 ? "whole training split" : trainExamples + " images";
    }

    /** The budget as {@code rvsm train} options. */
    public List<String> toArgs() {
        List<String> a = new ArrayList<>(List.of("--dataset", dataset, "--train-examples", String.valueOf(trainExamples),
                "--validation", String.valueOf(validation), "--test-examples", String.valueOf(testExamples),
                "--epochs", String.valueOf(epochs), "--batch", String.valueOf(batch),
                "--eval-examples", String.valueOf(evalExamples), "--attack-steps", String.valueOf(attackSteps)));
        if (lrDrops.length > 0) {
            a.add("--lr-drops");
            a.add(Arrays.stream(lrDrops).mapToObj(String::valueOf).reduce((x, y) -> x + "," + y).orElseThrow());
        }
        if (lr != null) {
            a.add("--lr");
            a.add(String.valueOf(lr));
        }
        return a;
    }
}
