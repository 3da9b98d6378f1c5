package io.github.dl4jrvsm.cli;

import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.spy;

/** {@link TrainingRun#execute()} is its steps, in the order that each one's input is the one before's output. */
class TrainingRunTest {

    @Test
    void theStepsRunInOrder() throws Exception {
        TrainCommand options = new TrainCommand();
        new CommandLine(options).parseArgs();
        TrainingRun run = spy(new TrainingRun(options, new PrintWriter(new StringWriter())));
        doNothing().when(run).load();
        doNothing().when(run).build();
        doNothing().when(run).trainEpochs();
        doNothing().when(run).select();
        doNothing().when(run).export();
        doNothing().when(run).evaluate();
        doNothing().when(run).report();

        run.execute();

        InOrder order = inOrder(run);
        order.verify(run).load();
        order.verify(run).build();
        order.verify(run).trainEpochs();
        order.verify(run).select();
        order.verify(run).export();
        order.verify(run).evaluate();
        order.verify(run).report();
        order.verifyNoMoreInteractions();
    }
}
