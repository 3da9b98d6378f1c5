package io.github.dl4jrvsm.cli.plots;

import io.github.dl4jrvsm.adversarial.evaluation.RobustnessReport.EpsilonPoint;
import io.github.dl4jrvsm.cli.plots.TrainingCurvesPlot.EpochRecord;
import io.github.dl4jrvsm.core.testsupport.TestNetworks;
import io.github.dl4jrvsm.nativecpu.CpuBackend;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Writes sample plots from synthetic data to a directory (default /tmp/plots-review) for a human to look at. */
final class ReviewSamples {

    private ReviewSamples() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/plots-review");
        Random rnd = new Random(7);
        double[] dense = new double[20_000];
        double[] sparse = new double[dense.length];
        for (int i = 0; i < dense.length; i++) {
            dense[i] = rnd.nextGaussian() * 0.05;
            sparse[i] = Math.abs(dense[i]) < 0.045 ? 0 : dense[i];
        }
        new WeightHistogramPlot().add("before export", dense).add("sparse (RVSM-l0)", sparse)
                .write(dir.resolve("weights.png"));

        double[] rgsm = new double[300];
        double[] admm = new double[300];
        for (int i = 0; i < rgsm.length; i++) {
            rgsm[i] = i % 3 == 0 ? 0 : 0.6 + Math.abs(rnd.nextGaussian()) * 0.5;
            admm[i] = Math.abs(0.4 + rnd.nextGaussian() * 0.3);
        }
        new ChannelNormHistogramPlot().add("RGSM", rgsm).add("ADMM", admm).write(dir.resolve("channel-norms.png"));

        List<EpochRecord> records = new ArrayList<>();
        for (int e = 1; e <= 30; e++) {
            double loss = 2.2 * Math.exp(-e / 8.0) + 0.3;
            double clean = 0.9 - 0.6 * Math.exp(-e / 5.0);
            double robust = e % 5 == 0 ? 0.5 - 0.4 * Math.exp(-e / 6.0) : Double.NaN;
            double sparsity = 0.85 * (1 - Math.exp(-e / 7.0));
            records.add(new EpochRecord(e, loss, clean, robust, sparsity));
        }
        new TrainingCurvesPlot(records).write(dir.resolve("training.png"));

        double[] eps = {0, 2, 4, 8, 16, 255};
        double[] accDense = {0.91, 0.71, 0.52, 0.31, 0.08, 0.0};
        double[] accSparse = {0.89, 0.70, 0.50, 0.29, 0.07, 0.0};
        List<EpsilonPoint> d = new ArrayList<>(), s = new ArrayList<>();
        for (int i = 0; i < eps.length; i++) {
            d.add(new EpsilonPoint(eps[i] / 255, accDense[i]));
            s.add(new EpsilonPoint(eps[i] / 255, accSparse[i]));
        }
        new RobustnessCurvePlot().add("dense", d).add("sparse (RVSM)", s).write(dir.resolve("robustness.png"));
        new TrainingCurvesPlot(List.of(EpochRecord.withoutRobust(1, 1.2, 0.6, 0.1)))
                .write(dir.resolve("training-one-epoch.png"));
        new WeightHistogramPlot().add("pruned", new double[]{0, 0, 0}).write(dir.resolve("weights-all-zero.png"));

        // a real (untrained) network: the dense model against a copy with small weights and two filters zeroed
        CpuBackend.configure();
        var net = new MultiLayerNetwork(
                TestNetworks.convBn(3, 16, 10,
                        new Sgd(0.1), 5));
        net.init();
        var sparseNet = net.clone();
        for (var l : sparseNet.getLayers()) {
            var w = l.paramTable().get("W");
            if (w != null) {
                w.muli(Transforms.abs(w).gt(0.15).castTo(w.dataType()));
            }
        }
        sparseNet.getLayer(0).getParam("W").get(NDArrayIndex.interval(0, 2)).assign(0);
        new WeightHistogramPlot().add("before export", net).add("sparse copy", sparseNet)
                .write(dir.resolve("weights-model.png"));
        new WeightHistogramPlot().add("before export", net, "conv2").add("sparse copy", sparseNet, "conv2")
                .write(dir.resolve("weights-conv2.png"));
        new ChannelNormHistogramPlot().add("before export", net).add("sparse copy", sparseNet)
                .write(dir.resolve("channel-norms-model.png"));
        System.out.println("Wrote samples to " + dir);
    }
}
