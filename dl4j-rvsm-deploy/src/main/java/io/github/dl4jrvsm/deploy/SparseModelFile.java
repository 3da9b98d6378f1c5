package io.github.dl4jrvsm.deploy;

import io.github.dl4jrvsm.core.internal.NamedLayer;
import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import io.github.dl4jrvsm.core.persist.AtomicFiles;
import io.github.dl4jrvsm.core.prox.ChannelGrouping;
import io.github.dl4jrvsm.core.training.LayerSelection;
import io.github.dl4jrvsm.deploy.format.Sections;
import io.github.dl4jrvsm.deploy.format.Sections.Section;
import io.github.dl4jrvsm.deploy.format.TensorCodec;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the compressed sparse model format ({@code .rvsmz}): the network configuration as DL4J's JSON,
 * then every parameter tensor with only its non-zeros stored (see {@link TensorCodec}), each section deflated and
 * checksummed ({@link Sections}).
 *
 * <pre>{@code
 * SparseModelFile.write(sparseNet, Path.of("model.rvsmz"), Quantization.INT8);
 * MultiLayerNetwork back = (MultiLayerNetwork) SparseModelFile.read(Path.of("model.rvsmz"));
 * }</pre>
 *
 * <p>The file is for inference: it holds no updater state (DL4J's {@code ModelSerializer} zip stays the format to
 * resume training from). Quantization applies to the weights of convolution and dense layers only.
 */
public final class SparseModelFile {

    static final int SEQUENTIAL_CONFIG = 0;
    static final int GRAPH_CONFIG = 1;
    static final int TENSOR = 2;

    private SparseModelFile() {
    }

    /** Writes through a temporary file and an atomic move, so {@code file} is never left half-written. */
    public static void write(Model model, Path file, Quantization quantization) throws IOException {
        AtomicFiles.write(file, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(model, out, quantization);
            }
        });
    }

    public static void write(Model model, OutputStream out, Quantization quantization) throws IOException {
        if (quantization == null) {
            throw new IllegalArgumentException("quantization must be one of " + Arrays.toString(Quantization.values())
                    + ", got null");
        }
        NetworkAdapter network = NetworkAdapter.of(model);
        List<Section> sections = new ArrayList<>();
        sections.add(network.match(
                m -> new Section(SEQUENTIAL_CONFIG, "configuration", utf8(m.getLayerWiseConfigurations().toJson())),
                g -> new Section(GRAPH_CONFIG, "configuration", utf8(g.getConfiguration().toJson()))));
        for (Map.Entry<String, ParamRef> e : params(network).entrySet()) {
            INDArray p = e.getValue().array();
            if (p.dataType() != DataType.FLOAT) {
                throw new IllegalArgumentException("parameter " + e.getKey() + " is " + p.dataType() + "; the .rvsmz "
                        + "format stores FLOAT networks: convert with convertDataType(DataType.FLOAT) first");
            }
            Quantization q = e.getValue().quantizable() ? quantization : Quantization.NONE;
            int axis = e.getValue().quantizable() ? ChannelGrouping.OUTPUT.groupAxis(p) : -1;
            float[] values = p.dup('c').data().asFloat();
            sections.add(new Section(TENSOR, e.getKey(), TensorCodec.encode(p.shape(), values, q, axis)));
        }
        Sections.write(sections, out);
    }

    public static byte[] toBytes(Model model, Quantization quantization) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(model, out, quantization);
        return out.toByteArray();
    }

    public static Model read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    public static Model fromBytes(byte[] bytes) throws IOException {
        return read(new ByteArrayInputStream(bytes));
    }

    /** A complete, initialised network, or an exception: parameters are filled into a network nobody else holds. */
    public static Model read(InputStream in) throws IOException {
        List<Section> sections = Sections.read(in);
        if (sections.isEmpty() || sections.get(0).kind() == TENSOR) {
            throw new IOException("the file holds no network configuration");
        }
        String json = new String(sections.get(0).content(), StandardCharsets.UTF_8);
        Model model;
        if (sections.get(0).kind() == SEQUENTIAL_CONFIG) {
            MultiLayerNetwork net = new MultiLayerNetwork(MultiLayerConfiguration.fromJson(json));
            net.init();
            model = net;
        } else {
            ComputationGraph net = new ComputationGraph(ComputationGraphConfiguration.fromJson(json));
            net.init();
            model = net;
        }
        Map<String, ParamRef> params = params(NetworkAdapter.of(model));
        for (Section s : sections.subList(1, sections.size())) {
            ParamRef target = params.remove(s.name());
            if (s.kind() != TENSOR || target == null) {
                throw new IOException("section '" + s.name() + "' matches no parameter of the network");
            }
            TensorCodec.Tensor t = TensorCodec.decode(s.content());
            if (!Arrays.equals(t.shape(), target.array().shape())) {
                throw new IOException("tensor '" + s.name() + "' has shape " + Arrays.toString(t.shape())
                        + " but the network's parameter has " + Arrays.toString(target.array().shape()));
            }
            target.array().assign(Nd4j.create(t.values(), t.shape(), 'c'));
        }
        if (!params.isEmpty()) {
            throw new IOException("the file has no values for parameters " + params.keySet());
        }
        return model;
    }

    /** A live parameter and whether quantization may touch it (convolution and dense weights only). */
    private record ParamRef(INDArray array, boolean quantizable) {
    }

    private static Map<String, ParamRef> params(NetworkAdapter network) {
        Map<String, ParamRef> out = new LinkedHashMap<>();
        for (NamedLayer l : network.layers()) {
            for (Map.Entry<String, INDArray> p : network.layer(l).paramTable().entrySet()) {
                boolean weights = p.getKey().equals("W") && LayerSelection.isSupported(l.config());
                out.put(l.name() + "/" + p.getKey(), new ParamRef(p.getValue(), weights));
            }
        }
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
