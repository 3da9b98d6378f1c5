package io.github.dl4jrvsm.benchmarks.frontier;

import io.github.dl4jrvsm.benchmarks.tables.Budget;

import java.util.List;
import java.util.Map;

/**
 * The sweeps of the cpu scale: LeNet-5 and ResNet20 on Fashion-MNIST, naturally and PGD-trained. Grids span each
 * method's range from little to nearly total sparsity; the adversarial sweeps are thinner and train on fewer images
 * because every point costs eleven forward-backward passes per batch. The natural LeNet-5 sweep trains on the whole
 * training split and tests on the whole test set: on two cores that is still a few minutes per point. RGSM's grid on
 * it is dense between 0.1 and 0.3 because, with the authors' initialisation, lambda1 up to 0.1 removed no group and
 * 0.3 and above removed the classifier (one seed, 10,000 images).
 */
public final class FrontierSweeps {

    private FrontierSweeps() {
    }

    public static Map<String, FrontierSpec> all() {
        return Map.of(
                "lenet5", new FrontierSpec("lenet5", "lenet5",
                        new Budget("fashion-mnist", 0, 500, 0, 6, new int[]{4}, 64, 200, 10, null), false,
                        FrontierSpec.standardGrid(1e-2, new double[]{3e-6, 1e-5, 3e-5, 1e-4, 3e-4},
                                new double[]{0.1, 0.15, 0.2, 0.3}, new double[]{0.5, 0.7, 0.85, 0.93, 0.97})),
                "lenet5-pgd", new FrontierSpec("lenet5-pgd", "lenet5",
                        // 1,500 images and 3 epochs left the dense model at 28-52% over three seeds; this one trains it
                        new Budget("fashion-mnist", 10000, 500, 0, 6, new int[]{4}, 64, 200, 10, null), true,
                        FrontierSpec.standardGrid(1e-2, new double[]{1e-5, 1e-4, 3e-4},
                                new double[]{0.1, 0.3, 1}, new double[]{0.7, 0.9, 0.97})),
                "resnet20", new FrontierSpec("resnet20", "resnet20",
                        new Budget("fashion-mnist", 1500, 300, 2000, 2, new int[0], 64, 200, 10, null), false,
                        FrontierSpec.standardGrid(1e-2, new double[]{1e-6, 1e-5, 1e-4},
                                new double[]{0.1, 0.5, 1}, new double[]{0.6, 0.85, 0.95})),
                // the tables' PGD budget (Table 4.4/4.7 rows); RGSM gets one point, its useful lambda range being narrow
                "resnet20-pgd", new FrontierSpec("resnet20-pgd", "resnet20",
                        new Budget("fashion-mnist", 800, 200, 1000, 3, new int[]{2}, 64, 200, 5, null), true,
                        FrontierSpec.standardGrid(1e-2, new double[]{1e-5, 3e-5, 1e-4},
                                new double[]{0.5}, new double[]{0.6, 0.85, 0.95})));
    }

    public static FrontierSpec get(String name) {
        FrontierSpec s = all().get(name);
        if (s == null) {
            throw new IllegalArgumentException("no sweep '" + name + "'; choose one of " + List.copyOf(all().keySet()));
        }
        return s;
    }
}
