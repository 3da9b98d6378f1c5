package io.github.dl4jrvsm.benchmarks;

import io.github.dl4jrvsm.nativecpu.CpuBackend;
import io.github.dl4jrvsm.pruning.L1FilterPruning;
import io.github.dl4jrvsm.core.report.LayerSparsity;
import io.github.dl4jrvsm.core.report.SparsityReport;
import io.github.dl4jrvsm.zoo.InputShape;
import io.github.dl4jrvsm.zoo.LeNet5;
import io.github.dl4jrvsm.zoo.Vgg16;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the inference time of a sequential network goes, layer by layer, before and after channel surgery: each
 * layer's forward pass is timed alone on the activations the network feeds it (median of interleaved repetitions,
 * workspaces off, so the sum exceeds the network's own latency). It shows which layers follow their FLOPs and which
 * cost the same whatever the channels, which the whole-network ratio of {@link SurgeryLatencyBenchmark} cannot.
 * Usage: {@code LayerLatencyBreakdown [network: lenet5|vgg16] [batch] [repetitions] [rates, e.g. 0.5,0.75]}.
 */
public final class LayerLatencyBreakdown {

    private LayerLatencyBreakdown() {
    }

    public static void main(String[] args) {
        CpuBackend.configure();
        BenchmarkArgs arguments = new BenchmarkArgs(args);
        String name = arguments.text(0, "lenet5");
        int batch = arguments.integer(1, 128);
        int reps = arguments.integer(2, 200);
        double[] rates = arguments.numbers(3, 0.5, 0.75);
        if (batch < 1 || reps < 1) {
            throw new IllegalArgumentException("batch and repetitions must be >= 1, got " + batch + " and " + reps);
        }
        MultiLayerNetwork before = switch (name) {
            case "lenet5" -> new LeNet5().withInputShape(InputShape.FASHION_MNIST).init();
            case "vgg16" -> new Vgg16().withInputShape(InputShape.FASHION_MNIST).init();
            default -> throw new IllegalArgumentException("network must be lenet5 or vgg16, got '" + name + "'");
        };
        List<MultiLayerNetwork> nets = new ArrayList<>(List.of(before));
        for (double r : rates) {
            nets.add((MultiLayerNetwork) L1FilterPruning.prune(before, r).network());
        }
        double[][] micros = time(nets, SurgeryLatencyBenchmark.input(batch), reps);
        List<Map<String, Long>> flops = nets.stream().map(LayerLatencyBreakdown::flopsByLayer).toList();

        System.out.printf(Locale.ROOT, "LayerLatencyBreakdown: %s, batch %d, %d repetitions, %s, OMP_NUM_THREADS=%s%n%n",
                name, batch, reps, CpuBackend.describe(), System.getenv("OMP_NUM_THREADS"));
        StringBuilder head = new StringBuilder("| layer | before (us) |");
        StringBuilder rule = new StringBuilder("|---|---:|");
        for (double r : rates) {
            head.append(String.format(Locale.ROOT, " rate %.2f: us | latency / FLOPs speed-up |", r));
            rule.append("---:|---:|");
        }
        System.out.println(head);
        System.out.println(rule);
        double[] sums = new double[nets.size()];
        for (int i = 0; i < before.getnLayers(); i++) {
            String layer = layerName(before, i);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %.0f |", layer, micros[0][i]));
            for (int n = 1; n < nets.size(); n++) {
                Long f0 = flops.get(0).get(layer), f1 = flops.get(n).get(layer);
                String flopSpeedUp = f0 == null || f1 == null || f1 == 0 ? "-" : String.format(Locale.ROOT, "%.2fx", (double) f0 / f1);
                row.append(String.format(Locale.ROOT, " %.0f | %.2fx / %s |", micros[n][i], micros[0][i] / micros[n][i], flopSpeedUp));
            }
            System.out.println(row);
            for (int n = 0; n < nets.size(); n++) {
                sums[n] += micros[n][i];
            }
        }
        StringBuilder total = new StringBuilder(String.format(Locale.ROOT, "| sum | %.0f |", sums[0]));
        long allFlops = flops.get(0).values().stream().mapToLong(Long::longValue).sum();
        for (int n = 1; n < nets.size(); n++) {
            long f = flops.get(n).values().stream().mapToLong(Long::longValue).sum();
            total.append(String.format(Locale.ROOT, " %.0f | %.2fx / %.2fx |", sums[n], sums[0] / sums[n], (double) allFlops / f));
        }
        System.out.println(total);
    }

    /** Median microseconds per layer and network; the networks take turns at every layer ({@link Interleaved}). */
    private static double[][] time(List<MultiLayerNetwork> nets, INDArray x, int reps) {
        List<List<INDArray>> inputs = new ArrayList<>();
        for (MultiLayerNetwork net : nets) {
            inputs.add(layerInputs(net, x));
        }
        int layers = nets.get(0).getnLayers();
        double[][] micros = new double[nets.size()][layers];
        for (int i = 0; i < layers; i++) {
            Interleaved turns = new Interleaved();
            for (int n = 0; n < nets.size(); n++) {
                Layer l = nets.get(n).getLayer(i);
                INDArray in = inputs.get(n).get(i);
                turns.add(String.valueOf(n), () -> l.activate(in, false, LayerWorkspaceMgr.noWorkspaces()));
            }
            turns.run(Math.max(3, reps / 10), reps);
            for (int n = 0; n < nets.size(); n++) {
                micros[n][i] = turns.median(String.valueOf(n)) * 1e3;
            }
        }
        return micros;
    }

    /** The input each layer sees in the network's own forward pass, after its preprocessor. */
    private static List<INDArray> layerInputs(MultiLayerNetwork net, INDArray x) {
        List<INDArray> acts = net.feedForward(x, false);
        List<INDArray> in = new ArrayList<>();
        for (int i = 0; i < net.getnLayers(); i++) {
            InputPreProcessor p = net.getLayerWiseConfigurations().getInputPreProcess(i);
            in.add(p == null ? acts.get(i) : p.preProcess(acts.get(i), (int) x.size(0), LayerWorkspaceMgr.noWorkspaces()));
        }
        return in;
    }

    private static Map<String, Long> flopsByLayer(MultiLayerNetwork net) {
        Map<String, Long> m = new HashMap<>();
        for (LayerSparsity l : SparsityReport.of(net, SurgeryLatencyBenchmark.SHAPE).layers()) {
            m.put(l.name(), l.flops());
        }
        return m;
    }

    private static String layerName(MultiLayerNetwork net, int i) {
        String n = net.getLayer(i).conf().getLayer().getLayerName();
        return n == null ? "layer" + i : n;
    }
}
