package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.core.testsupport.TestNetworks;
import io.github.dl4jrvsm.pruning.SensitivityResult;
import io.github.dl4jrvsm.zoo.InputShape;
import io.github.dl4jrvsm.zoo.LeNet5;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.Sgd;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code rvsm sensitivity}: one CSV row per layer and level, a PNG, and nothing at all on bad arguments. */
class SensitivityCommandTest {

    @TempDir
    static Path dir;

    private static Path lenet;
    private static double validationAccuracy;

    /** LeNet-5 trained for one epoch on 500 examples, and its accuracy on the split the command will use. */
    @BeforeAll
    static void trainedModel() throws Exception {
        TrainingData data = TrainingData.load("fashion-mnist", null, false, 500, 64, 1, 42);
        MultiLayerNetwork net = new LeNet5().withInputShape(InputShape.FASHION_MNIST).init();
        net.fit(new ListDataSetIterator<>(data.train().asList(), 50));
        validationAccuracy = EpochValidation.accuracy(net, data.validation());
        lenet = dir.resolve("lenet.zip");
        ModelSerializer.writeModel(net, lenet.toFile(), false);
    }

    private static Object[] sensitivity(String... args) {
        String[] all = Stream.concat(Stream.of("sensitivity"), Arrays.stream(args)).toArray(String[]::new);
        return CliRun.rvsm(all);
    }

    @Test
    void writesOneRowPerLayerAndLevelAndAPlot() throws Exception {
        Path out = dir.resolve("elements");
        Object[] r = sensitivity("--in", lenet.toString(), "--examples", "64", "--levels", "0.3,0.9", "--out",
                out.toString());
        assertEquals(0, r[0], (String) r[1]);
        List<String> rows = Files.readAllLines(out.resolve(SensitivityCommand.CSV));
        assertEquals(SensitivityResult.CSV_HEADER, rows.get(0));
        List<String[]> cells = rows.subList(1, rows.size()).stream().map(l -> l.split(",")).toList();
        assertEquals(5 * 2, cells.size(), String.join("\n", rows));
        assertEquals(List.of("conv1", "conv2", "fc1", "fc2", "output"),
                cells.stream().map(c -> c[0]).distinct().toList());
        for (String[] c : cells) {
            assertEquals("elements", c[2]);
            double accuracy = Double.parseDouble(c[3]), drop = Double.parseDouble(c[4]);
            assertEquals(validationAccuracy, accuracy + drop, 2e-6, "accuracy + drop is the unpruned accuracy");
        }
        assertEquals(List.of("0.3", "0.9"), cells.subList(0, 2).stream().map(c -> c[1]).toList());
        BufferedImage png = ImageIO.read(out.resolve(SensitivityCommand.PNG).toFile());
        assertTrue(png != null && png.getWidth() == 800 && png.getHeight() == 500);
        assertEquals(Set.of(SensitivityCommand.CSV, SensitivityCommand.PNG), files(out));
        assertTrue(((String) r[1]).contains("| conv1 |"), (String) r[1]);
    }

    @Test
    void channelsOnlyPruneConvolutions() throws Exception {
        Path out = dir.resolve("channels");
        Object[] r = sensitivity("--in", lenet.toString(), "--examples", "64", "--levels", "0.5", "--structure",
                "channels", "--out", out.toString());
        assertEquals(0, r[0], (String) r[1]);
        List<String> rows = Files.readAllLines(out.resolve(SensitivityCommand.CSV));
        assertEquals(List.of("conv1,0.5,channels", "conv2,0.5,channels"),
                rows.subList(1, rows.size()).stream().map(l -> String.join(",", Arrays.copyOf(l.split(","), 3))).toList());
        assertTrue(rows.get(1).endsWith(",3,6"), "3 of conv1's 6 filters: " + rows.get(1));
    }

    @Test
    void badArgumentsExitWithTwoOneLineAndNoFiles() throws Exception {
        MultiLayerNetwork mlp = new MultiLayerNetwork(TestNetworks.mlp(784, 8, 10, new Sgd(0.1), 1));
        mlp.init();
        Path dense = dir.resolve("mlp.zip");
        ModelSerializer.writeModel(mlp, dense.toFile(), false);
        String[][] cases = {
                {"--in", lenet.toString(), "--levels", "0,0.5"},
                {"--in", lenet.toString(), "--levels", "0.5,1.5"},
                {"--in", dir.resolve("missing.zip").toString()},
                {"--in", lenet.toString(), "--layers", ""},
                {"--in", lenet.toString(), "--layers", "conv1,conv9"},
                {"--in", lenet.toString(), "--structure", "filters"},
                {"--in", lenet.toString(), "--structure", "channels", "--layers", "fc1"},
                {"--in", dense.toString(), "--structure", "channels"},
                {"--in", lenet.toString(), "--max-accuracy-drop", "2"}};
        String[] named = {"0.0", "1.5", "missing.zip", "--layers", "conv9", "filters", "'fc1'", "convolution",
                "--max-accuracy-drop"};
        for (int i = 0; i < cases.length; i++) {
            Path out = dir.resolve("bad" + i);
            List<String> args = Stream.concat(Arrays.stream(cases[i]), Stream.of("--examples", "16", "--out",
                    out.toString())).toList();
            Object[] r = sensitivity(args.toArray(String[]::new));
            String text = ((String) r[1]).trim();
            assertEquals(2, r[0], args + ": " + text);
            List<String> errors = text.lines().filter(l -> l.startsWith("error: ")).toList();
            assertEquals(1, errors.size(), args + " -> " + text);
            assertTrue(errors.get(0).contains(named[i]), args + " -> " + text);
            assertFalse(Files.exists(out), args + " wrote " + out);
        }
        assertFalse(Files.exists(dir.resolve(SensitivityCommand.CSV)), "nothing beside the input either");
    }

    private static Set<String> files(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
