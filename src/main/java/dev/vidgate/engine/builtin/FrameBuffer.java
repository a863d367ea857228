package dev.vidgate.engine.builtin;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * One reusable frame: packed {@code 0x00RRGGBB} pixels, row by row with no padding, plus a
 * {@link BufferedImage} view over the same array so Java2D can draw into it without copying.
 */
final class FrameBuffer {
    private static final int[] MASKS = {0x00FF0000, 0x0000FF00, 0x000000FF};

    private final int width;
    private final int height;
    private final int[] pixels;
    private final BufferedImage image;

    FrameBuffer(int width, int height) {
        this.width = width;
        this.height = height;
        this.pixels = new int[Math.multiplyExact(width, height)];
        DataBufferInt data = new DataBufferInt(pixels, pixels.length);
        WritableRaster raster = Raster.createPackedRaster(data, width, height, width, MASKS, null);
        this.image = new BufferedImage(new DirectColorModel(24, MASKS[0], MASKS[1], MASKS[2]), raster, false, null);
    }

    int width() { return width; }

    int height() { return height; }

    /** The pixels, {@code 0x00RRGGBB}, index {@code y * width + x}. */
    int[] pixels() { return pixels; }

    /** A TYPE_INT_RGB image backed by {@link #pixels()}. */
    BufferedImage image() { return image; }
}
