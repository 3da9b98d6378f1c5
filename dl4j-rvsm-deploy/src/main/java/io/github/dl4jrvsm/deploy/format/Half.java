package io.github.dl4jrvsm.deploy.format;

/**
 * IEEE 754 half-precision conversion. Java 17 has no {@code Float.floatToFloat16} (it came in Java 20), and ND4J's
 * HALF arrays cannot be read back as raw 16-bit words, so the bit patterns are built here.
 */
final class Half {

    private static final float SUBNORMAL_UNIT = 0x1p-24f;

    private Half() {
    }

    /** Rounds to the nearest half-precision value, ties to even; overflow gives infinity, NaN stays NaN. */
    static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int abs = bits & 0x7fffffff;
        if (abs >= 0x7f800000) {
            return (short) (sign | 0x7c00 | (abs > 0x7f800000 ? 0x200 : 0));
        }
        if (abs < 0x38800000) {
            // below fp16's smallest normal 2^-14: a multiple of 2^-24; scaling by 2^24 is exact, rint ties to even
            int m = (int) Math.rint(Float.intBitsToFloat(abs) / SUBNORMAL_UNIT);
            return (short) (sign | m);
        }
        int exponent = (abs >>> 23) - 112;
        if (exponent >= 31) {
            return (short) (sign | 0x7c00);
        }
        int mantissa = abs & 0x7fffff;
        int half = (exponent << 10) | (mantissa >>> 13);
        int rest = mantissa & 0x1fff;
        if (rest > 0x1000 || (rest == 0x1000 && (half & 1) == 1)) {
            half++;
        }
        return (short) (sign | Math.min(half, 0x7c00));
    }

    static float toFloat(short h) {
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0) {
            float v = mantissa * SUBNORMAL_UNIT;
            return sign == 0 ? v : -v;
        }
        if (exponent == 31) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
