package io.github.dl4jrvsm.deploy.format;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Symmetric int8 scales, one per output channel: {@code s_c = max|w| / 127} over channel {@code c}, so every value
 * maps into [-127, 127] and zero stays exactly zero. Per-channel rather than per-tensor because filters of one layer
 * differ in scale by orders of magnitude after sparse training, and one scale would round the small ones to zero.
 */
final class ChannelScales {

    private final int axis;
    private final long stride;
    private final float[] scales;

    private ChannelScales(int axis, long[] shape, float[] scales) {
        this.axis = axis;
        long s = 1;
        for (int i = axis + 1; i < shape.length; i++) {
            s *= shape[i];
        }
        this.stride = s;
        this.scales = scales;
    }

    static ChannelScales of(float[] kept, int[] positions, long[] shape, int axis) {
        if (axis < 0 || axis >= shape.length) {
            throw new IllegalArgumentException("int8 needs the output-channel axis of a tensor of rank " + shape.length
                    + ", got axis " + axis);
        }
        ChannelScales c = new ChannelScales(axis, shape, new float[(int) shape[axis]]);
        for (int i = 0; i < kept.length; i++) {
            int ch = c.channel(positions[i]);
            c.scales[ch] = Math.max(c.scales[ch], Math.abs(kept[i]));
        }
        for (int ch = 0; ch < c.scales.length; ch++) {
            c.scales[ch] /= 127f;
        }
        return c;
    }

    static ChannelScales read(DataInputStream in, long[] shape) throws IOException {
        int axis = in.readUnsignedByte();
        if (axis >= shape.length) {
            throw new IOException("int8 channel axis " + axis + " is outside a tensor of rank " + shape.length);
        }
        float[] scales = new float[(int) shape[axis]];
        for (int i = 0; i < scales.length; i++) {
            scales[i] = in.readFloat();
        }
        return new ChannelScales(axis, shape, scales);
    }

    void write(DataOutputStream out) throws IOException {
        out.writeByte(axis);
        for (float s : scales) {
            out.writeFloat(s);
        }
    }

    byte quantize(float v, int position) {
        float s = scales[channel(position)];
        return s == 0 ? 0 : (byte) Math.max(-127, Math.min(127, Math.round(v / s)));
    }

    float dequantize(byte q, int position) {
        return q * scales[channel(position)];
    }

    private int channel(int position) {
        return (int) ((position / stride) % scales.length);
    }
}
