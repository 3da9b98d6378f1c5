package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.zoo.EnResNet;
import io.github.dl4jrvsm.zoo.InputShape;
import io.github.dl4jrvsm.zoo.LeNet5;
import io.github.dl4jrvsm.zoo.ResNet18;
import io.github.dl4jrvsm.zoo.ResNetCifar;
import io.github.dl4jrvsm.zoo.Vgg16;
import io.github.dl4jrvsm.zoo.ZooModel;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Zoo model names of the command line, and the learning-rate schedule (x0.1 at the given epochs). */
final class ModelFactory {

    static final List<String> NAMES = List.of("lenet5", "resnet20", "resnet38", "resnet56", "en2resnet20",
            "en5resnet20", "vgg16", "resnet18");

    private ModelFactory() {
    }

    static ZooModel<?> zoo(String name) {
        return switch (name) {
            case "lenet5" -> new LeNet5();
            case "resnet20" -> ResNetCifar.resnet20();
            case "resnet38" -> ResNetCifar.resnet38();
            case "resnet56" -> ResNetCifar.resnet56();
            case "en2resnet20" -> EnResNet.of(2, 20);
            case "en5resnet20" -> EnResNet.of(5, 20);
            case "vgg16" -> new Vgg16();
            case "resnet18" -> new ResNet18();
            default -> throw new IllegalArgumentException("unknown model '" + name + "'; choose one of " + NAMES);
        };
    }

    /** Default learning rate: the dissertation's 0.1 for the CIFAR networks, 0.02 for LeNet-5. */
    static double defaultLearningRate(String name) {
        return name.equals("lenet5") ? 0.02 : 0.1;
    }

    static ZooModel<?> configured(String name, InputShape shape, int classes, double lr, int[] drops, long seed,
                                  ScheduleOptions training) {
        if (!(lr > 0)) {
            throw new IllegalArgumentException("--lr must be > 0, got " + lr);
        }
        Map<Integer, Double> schedule = new HashMap<>();
        schedule.put(0, lr);
        double current = lr;
        int previous = 0;
        for (int d : drops) {
            if (d <= previous) {
                throw new IllegalArgumentException("--lr-drops must be increasing epochs > 0, got " + d + " after " + previous);
            }
            current *= 0.1;
            schedule.put(d, current);
            previous = d;
        }
        return zoo(name).withInputShape(shape).withClasses(classes).withSeed(seed)
                .withUpdater(training.optimizer.updater(new MapSchedule(ScheduleType.EPOCH, schedule), training.momentum()))
                .withL2(training.weightDecay).withInitialization(training.init.initialization);
    }
}
