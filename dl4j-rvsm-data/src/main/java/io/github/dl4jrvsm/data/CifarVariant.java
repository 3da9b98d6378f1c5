package io.github.dl4jrvsm.data;

/**
 * The three ways of reading the official CIFAR binary files: which byte of a record is the label and how many classes
 * it has.
 *
 * <p>A CIFAR-10 record is 1 label byte and 3072 pixel bytes; a CIFAR-100 record is a coarse label byte (20
 * super-classes), a fine label byte (100 classes) and the same 3072 pixel bytes. Both label bytes of a CIFAR-100 record
 * are checked whichever one is used, so a file read with the wrong variant is noticed.
 */
public enum CifarVariant {

    /** {@code data_batch_1..5.bin}, {@code test_batch.bin}: 10 classes. */
    CIFAR10(1, 0, 10),
    /** {@code train.bin}, {@code test.bin} with the 100 fine labels (the usual CIFAR-100 benchmark). */
    CIFAR100_FINE(2, 1, 100),
    /** {@code train.bin}, {@code test.bin} with the 20 coarse super-class labels. */
    CIFAR100_COARSE(2, 0, 20);

    /** Pixel bytes of one image: 3 channels (R, G, B, each channel-major) of 32 x 32. */
    public static final int PIXELS = 3 * 32 * 32;

    private final int labelBytes;
    private final int labelOffset;
    private final int classes;

    CifarVariant(int labelBytes, int labelOffset, int classes) {
        this.labelBytes = labelBytes;
        this.labelOffset = labelOffset;
        this.classes = classes;
    }

    /** Bytes per record: the label byte(s) followed by the pixels. */
    public int recordSize() {
        return labelBytes + PIXELS;
    }

    public int labelBytes() {
        return labelBytes;
    }

    public int classes() {
        return classes;
    }

    /** The label this variant uses, read from a whole record. */
    int label(byte[] record) {
        return record[labelOffset] & 0xff;
    }

    /**
     * Describes the first out-of-range label byte of a record, or returns null when all label bytes are valid.
     */
    String invalidLabel(byte[] record) {
        if (this == CIFAR10) {
            int l = record[0] & 0xff;
            return l < 10 ? null : "label " + l + " (valid labels are 0..9)";
        }
        int coarse = record[0] & 0xff;
        int fine = record[1] & 0xff;
        if (coarse >= 20) {
            return "coarse label " + coarse + " (valid coarse labels are 0..19)";
        }
        return fine < 100 ? null : "fine label " + fine + " (valid fine labels are 0..99)";
    }
}
