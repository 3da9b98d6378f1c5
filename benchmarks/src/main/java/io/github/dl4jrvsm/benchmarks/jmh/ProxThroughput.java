package io.github.dl4jrvsm.benchmarks.jmh;

import io.github.dl4jrvsm.nativecpu.CpuBackend;
import io.github.dl4jrvsm.core.prox.ChannelGrouping;
import io.github.dl4jrvsm.core.prox.GroupL0LassoPenalty;
import io.github.dl4jrvsm.core.prox.L0Penalty;
import io.github.dl4jrvsm.core.prox.L1Penalty;
import io.github.dl4jrvsm.core.prox.TransformedL1Penalty;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * JMH: every proximal operator against a plain copy of the same kernel, the memory-bandwidth bound of an operator
 * that reads {@code w} once and writes {@code u} once. The ratio prox/copy is what to read; the absolute times
 * depend on the machine. Kernels: ResNet20's widest (64x64x3x3) and VGG16's widest (512x512x3x3).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class ProxThroughput {

    @Param({"64", "512"})
    public int channels;

    private INDArray w;
    private final L0Penalty l0 = new L0Penalty(1e-6);
    private final L1Penalty l1 = new L1Penalty(1e-6);
    private final TransformedL1Penalty tl1 = new TransformedL1Penalty(1e-6, 1);
    private final GroupL0LassoPenalty group = new GroupL0LassoPenalty(5e-2, 1e-5, ChannelGrouping.OUTPUT);

    @Setup
    public void setUp() {
        CpuBackend.configure();
        Nd4j.getRandom().setSeed(42);
        w = Nd4j.randn(DataType.FLOAT, channels, channels, 3, 3).muli(0.05);
    }

    @Benchmark
    public INDArray copy() {
        return w.dup();
    }

    @Benchmark
    public INDArray l0() {
        return l0.prox(w, 1e-2);
    }

    @Benchmark
    public INDArray l1() {
        return l1.prox(w, 1e-2);
    }

    @Benchmark
    public INDArray transformedL1() {
        return tl1.prox(w, 1e-2);
    }

    @Benchmark
    public INDArray groupL0Lasso() {
        return group.prox(w, 1.0);
    }
}
