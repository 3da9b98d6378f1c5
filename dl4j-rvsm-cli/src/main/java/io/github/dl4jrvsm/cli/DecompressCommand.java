package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.core.persist.AtomicFiles;
import io.github.dl4jrvsm.deploy.SparseModelFile;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.util.ModelSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code rvsm decompress}: a {@code .rvsmz} file back to a DL4J model zip, for tools that read only those. */
@Command(name = "decompress", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Turn a .rvsmz file back into a DL4J model zip (without updater state).")
final class DecompressCommand extends RvsmCommand {

    @Option(names = "--in", required = true, description = "the .rvsmz file") Path in;

    @Option(names = "--out", required = true, description = "the model zip to write") Path out;

    @Override
    public Integer call() throws Exception {
        InputModel.requireFile(in, "a .rvsmz file written by rvsm compress");
        Model model = SparseModelFile.read(in);
        AtomicFiles.write(out, tmp -> ModelSerializer.writeModel(model, tmp.toFile(), false));
        out().println("written: " + out);
        return 0;
    }
}
