package io.github.dl4jrvsm.deploy.format;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HalfTest {

    @Test
    void everyHalfValueSurvivesTheRoundTrip() {
        for (int bits = 0; bits < 1 << 16; bits++) {
            float f = Half.toFloat((short) bits);
            if (Float.isNaN(f)) {
                assertTrue(Float.isNaN(Half.toFloat(Half.fromFloat(f))));
            } else {
                assertEquals((short) bits, Half.fromFloat(f), "half bits " + Integer.toHexString(bits));
            }
        }
    }

    @Test
    void roundingAgreesWithNd4jsHalfCast() {
        // ND4J's cast is an independent implementation of the same IEEE rounding
        Random r = new Random(3);
        float[] v = new float[20_000];
        for (int i = 0; i < v.length; i++) {
            double magnitude = Math.pow(2, -26 + 44 * r.nextDouble());
            v[i] = (float) ((r.nextBoolean() ? 1 : -1) * magnitude);
        }
        float[] nd4j = Nd4j.createFromArray(v).castTo(DataType.HALF).castTo(DataType.FLOAT).toFloatVector();
        for (int i = 0; i < v.length; i++) {
            assertEquals(nd4j[i], Half.toFloat(Half.fromFloat(v[i])), 0f, "value " + v[i]);
        }
    }

    @Test
    void tiesGoToEvenAndOverflowGoesToInfinity() {
        assertEquals(1f, Half.toFloat(Half.fromFloat(1f + 0x1p-11f)), 0f);
        assertEquals(1f + 0x1p-9f, Half.toFloat(Half.fromFloat(1f + 0x1.8p-10f)), 0f);
        assertEquals(Float.POSITIVE_INFINITY, Half.toFloat(Half.fromFloat(70_000f)), 0f);
        assertEquals(65504f, Half.toFloat(Half.fromFloat(65504f)), 0f);
        assertEquals(0x1p-24f, Half.toFloat(Half.fromFloat(0x1.8p-25f)), 0f);
    }
}
