package dev.vidgate.engine.builtin.frame;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * One reusable frame: packed {@code 0x00RRGGBB} pixels, row by row with no padding, a
 * {@link BufferedImage} view over the same array so Java2D can draw into it without copying, the
 * frame's YUV 4:2:0 planes for the encoder, and scratch rows for whoever renders into it (a frame is
 * rendered by one thread at a time, so its scratch needs no locking).
 */
public final class FrameBuffer {
    private static final int[] MASKS = {0x00FF0000, 0x0000FF00, 0x000000FF};
    /** Scratch slots of {@link Resampler}'s vertical blend. */
    public static final int BLEND = 4;
    public static final int BLEND_OTHER = 5;
    /** Scratch slots of {@link Resampler#upscaleHalf}'s left and right neighbours. */
    static final int LEFT = 6;
    static final int RIGHT = 7;
    /** Scratch slots of {@link FinishPass}'s rows of 2x2 blocks and graded luma. */
    static final int COLUMN_LUMA = 8;
    static final int COLUMN_DENSITY = 9;
    static final int COLUMN_U = 10;
    static final int COLUMN_V = 11;
    static final int COLUMN_GRADED = 12;
    private static final int SCRATCH_ROWS = 13;

    private final int width;
    private final int height;
    private final int[] pixels;
    private final YuvPlanes planes;
    private final byte[] yuv;
    private final int[][] scratch = new int[SCRATCH_ROWS][];
    private final BufferedImage image;
    private FrameBuffer half;
    /** Whether the picture is still only in {@link #half()}, waiting to be scaled up (see {@link #pictureIsInHalf}). */
    private boolean pictureInHalf;

    public FrameBuffer(int width, int height) {
        this.width = width;
        this.height = height;
        this.pixels = new int[Math.multiplyExact(width, height)];
        this.planes = new YuvPlanes(width, height);
        this.yuv = new byte[planes.size()];
        DataBufferInt data = new DataBufferInt(pixels, pixels.length);
        WritableRaster raster = Raster.createPackedRaster(data, width, height, width, MASKS, null);
        this.image = new BufferedImage(new DirectColorModel(24, MASKS[0], MASKS[1], MASKS[2]), raster, false, null);
    }

    public int width() { return width; }

    public int height() { return height; }

    /** The pixels, {@code 0x00RRGGBB}, index {@code y * width + x}. */
    public int[] pixels() { return pixels; }

    /** The frame as YUV 4:2:0 planes laid out as {@link #planes()} says, filled by {@link FinishPass}. */
    public byte[] yuv() { return yuv; }

    /** Where the planes lie in {@link #yuv()}. */
    public YuvPlanes planes() { return planes; }

    /** A TYPE_INT_RGB image backed by {@link #pixels()}. */
    public BufferedImage image() { return image; }

    /** A buffer of half the width and height (rounded up), for soft layers drawn at lower resolution. */
    public FrameBuffer half() {
        if (half == null) half = new FrameBuffer(halfSide(width), halfSide(height));
        return half;
    }

    /**
     * Says that the whole picture of this frame is in {@link #half()} and {@link #pixels()} is stale: the
     * {@link FinishPass} then converts it at half resolution, and scales up only the luma (about half the
     * work of scaling up the colours and converting at full resolution). Anyone who draws into the full
     * pixels after this calls {@link #scaleUpPicture} first. A frame that is not exactly twice its half
     * (only the tiniest, whose half is clamped to two pixels) is scaled up at once instead.
     */
    public void pictureIsInHalf() {
        pictureInHalf = true;
        if (width != 2 * half.width() || height != 2 * half.height()) scaleUpPicture();
    }

    boolean isPictureInHalf() {
        return pictureInHalf;
    }

    /** Forgets any earlier frame's {@link #pictureIsInHalf}: called before a frame is drawn into this buffer. */
    public void startPicture() {
        pictureInHalf = false;
    }

    /** If the picture is still in {@link #half()}, scales it up into {@link #pixels()}. */
    public void scaleUpPicture() {
        if (!pictureInHalf) return;
        Resampler.upscaleHalf(half, half.height(), this, height);
        pictureInHalf = false;
    }

    /** The width or height of {@link #half()} for a frame side of {@code side} pixels. */
    public static int halfSide(int side) {
        return Math.max(2, (side + 1) / 2);
    }

    /** Scratch array {@code n} (0..12) of at least {@code length} ints; contents are undefined. */
    public int[] scratch(int n, int length) {
        if (scratch[n] == null || scratch[n].length < length) scratch[n] = new int[length];
        return scratch[n];
    }
}
