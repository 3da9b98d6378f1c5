package io.github.dl4jrvsm.zoo.surgery;

import io.github.dl4jrvsm.data.testsupport.FashionMnist;
import io.github.dl4jrvsm.surgery.ChannelSurgery;
import io.github.dl4jrvsm.surgery.SurgeryReport;
import io.github.dl4jrvsm.surgery.SurgeryResult;
import io.github.dl4jrvsm.zoo.InputShape;
import io.github.dl4jrvsm.zoo.LeNet5;
import io.github.dl4jrvsm.zoo.ResNetCifar;
import io.github.dl4jrvsm.zoo.Vgg16;
import org.deeplearning4j.nn.api.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Nesterovs;

import java.nio.file.Path;

/**
 * Not a test of timings (they depend on the machine): prints the before/after report with latency at batch 1 and
 * 128 for RGSM-pruned LeNet-5, VGG16 and ResNet20 (three of four hidden channels pre-scaled weak), and writes the
 * JSON to {@code target/surgery-latency-*.json}. Run with {@code -Dsurgery.latency=true}.
 */
@EnabledIfSystemProperty(named = "surgery.latency", matches = "true")
class SurgeryLatencyProbe {

    @Test
    void printLatencyReports() throws Exception {
        InputShape grey = InputShape.FASHION_MNIST;
        DataSet train = FashionMnist.test(16);
        Object[][] models = {
                {"lenet5", new LeNet5().withInputShape(grey).withUpdater(new Nesterovs(0.001, 0.9)).conf()},
                {"vgg16", new Vgg16().withInputShape(grey).withUpdater(new Nesterovs(0.001, 0.9)).conf()},
                {"resnet20", ResNetCifar.resnet20().withInputShape(grey).withUpdater(new Nesterovs(0.001, 0.9)).conf()}};
        for (Object[] m : models) {
            Model sparse = ZooSurgeryTest.rgsmTrained(m[1], train, -4);
            SurgeryResult r = ChannelSurgery.prune(sparse);
            SurgeryReport report = SurgeryReport.of(sparse, r, FashionMnist.test(64).getFeatures(),
                    SurgeryReport.LatencyOptions.DEFAULT, 1, 28, 28);
            System.out.println("== " + m[0] + "\n" + report.toMarkdown().lines()
                    .filter(l -> l.startsWith("|") || l.contains("removed;")).reduce("", (a, b) -> a + b + "\n"));
            report.writeJson(Path.of("target", "surgery-latency-" + m[0] + ".json"));
        }
    }
}
