package io.github.dl4jrvsm.core.internal;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the channel axis of a network's image input is. Most attacks act on each input value alone and do not care;
 * the Square attack changes square windows of pixels and must know which axes are height and width, and the command
 * line must hand its NCHW data sets to a network in the layout it reads. Networks imported from Keras
 * ({@code channels_last}) read {@code [n, height, width, channels]} (NHWC), DL4J's own default is
 * {@code [n, channels, height, width]} (NCHW).
 */
public final class ImageLayout {

    private ImageLayout() {
    }

    /**
     * Whether the network's 2-D convolution and pooling layers are NHWC. A network without them is taken as NCHW.
     *
     * @throws IllegalArgumentException when some are NHWC and others NCHW, which leaves the input layout unknown
     */
    public static boolean channelsLast(Model model) {
        List<String> nchw = new ArrayList<>(), nhwc = new ArrayList<>();
        for (NamedLayer l : NamedLayer.of(model)) {
            CNN2DFormat f = format(l.config());
            if (f == CNN2DFormat.NHWC) {
                nhwc.add(l.name());
            } else if (f == CNN2DFormat.NCHW) {
                nchw.add(l.name());
            }
        }
        if (!nchw.isEmpty() && !nhwc.isEmpty()) {
            throw new IllegalArgumentException("The network mixes NCHW layers " + nchw + " and NHWC layers " + nhwc
                    + ", so the layout of its image input is unknown; give all 2-D convolution and pooling layers "
                    + "one format");
        }
        return !nhwc.isEmpty();
    }

    private static CNN2DFormat format(Layer l) {
        if (l instanceof ConvolutionLayer c) {
            return c.getCnn2dDataFormat();
        }
        return l instanceof SubsamplingLayer s ? s.getCnn2dDataFormat() : null;
    }
}
