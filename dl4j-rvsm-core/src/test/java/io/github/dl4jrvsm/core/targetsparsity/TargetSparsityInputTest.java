package io.github.dl4jrvsm.core.targetsparsity;

import io.github.dl4jrvsm.core.admm.AdmmPruning;
import io.github.dl4jrvsm.core.admm.MagnitudeProjection;
import io.github.dl4jrvsm.core.prox.L0Penalty;
import io.github.dl4jrvsm.core.splitting.RelaxedSplitting;
import io.github.dl4jrvsm.core.testsupport.TestNetworks;
import io.github.dl4jrvsm.core.training.SparseTraining;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.FixedSchedule;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every wrong request is refused when it is made, with one message that names the bad value. */
class TargetSparsityInputTest {

    private static final SparsitySchedule RAMP = SparsitySchedule.epochs(0, 3);
    private static final SparseTraining RVSM = SparseTraining.rvsm(new L0Penalty(1e-4), 0.05);

    private static String refused(Executable e) {
        String message = assertThrows(IllegalArgumentException.class, e).getMessage();
        assertTrue(!message.contains("\n"), "one line: " + message);
        return message;
    }

    private static MultiLayerNetwork mlp(SparseTraining t) {
        return t.network(TestNetworks.mlp(12, 16, 3, new Sgd(0.1), 1));
    }

    @Test
    void aTargetOutsideZeroToOneIsRefusedWithItsValue() {
        for (double bad : new double[]{0, 1, -0.1, 1.5, Double.NaN}) {
            assertEquals("target sparsity must be in (0, 1), got " + bad,
                    refused(() -> TargetSparsity.global(bad, RAMP)));
        }
        assertEquals("target sparsity of layer 'hidden' must be in (0, 1), got 1.0",
                refused(() -> TargetSparsity.perLayer(Map.of("hidden", 1.0), RAMP)));
        assertTrue(refused(() -> RVSM.withTargetSparsity(1.2, 3)).contains("got 1.2"));
    }

    @Test
    void requestsTheScheduleOrTheLayersCannotMeetAreRefused() {
        assertTrue(refused(() -> TargetSparsity.global(0.3, RAMP.withInitialSparsity(0.5)))
                .contains("initial sparsity 0.5 exceeds the target sparsity 0.3"));
        assertTrue(refused(() -> TargetSparsity.perLayer(Map.of("*", 0.5, "hidden", 0.5), RAMP))
                .contains("cannot be combined"));
        String unknown = refused(() -> mlp(RVSM.withTargetSparsity(TargetSparsity.perLayer(Map.of("fc9", 0.5), RAMP))));
        assertTrue(unknown.contains("'fc9'") && unknown.contains("[hidden, out]"), unknown);
    }

    @Test
    void aMethodWithoutLambdaOrWithItsOwnLambdaScheduleIsRefused() {
        SparseTraining admm = SparseTraining.with(new AdmmPruning(MagnitudeProjection.elementwise(0.5), 1e-2, 1, 10));
        assertTrue(refused(() -> admm.withTargetSparsity(0.5, 3)).contains("has no lambda"));
        SparseTraining scheduled = SparseTraining.with(new RelaxedSplitting(new L0Penalty(1e-4), 0.05)
                .withLambdaScale(new FixedSchedule(2)));
        assertTrue(refused(() -> scheduled.withTargetSparsity(0.5, 3)).contains("lambda schedule"));
    }

    @Test
    void oneSharedLambdaNeedsOneBeta() {
        MultiLayerNetwork net = mlp(SparseTraining.rvsm(new L0Penalty(1e-4), 0.05).withLayers("hidden"));
        String message = refused(() -> SparseTraining.rvsm(new L0Penalty(1e-4), 0.5).withLayers("out")
                .withTargetSparsity(0.5, 3).attach(net));
        assertTrue(message.contains("beta 0.05") && message.contains("0.5"), message);
    }

    @Test
    void aModelWithoutControllerSaysWhatWouldAddOne() {
        assertTrue(refused(() -> LambdaController.of(mlp(RVSM))).contains("withTargetSparsity"));
    }
}
