package dev.vidgate.engine.builtin;

import dev.vidgate.engine.builtin.frame.FrameBuffer;
import dev.vidgate.media.WebpWriter;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Collects the still renditions while frames stream past: a thumbnail (the middle frame, longer side
 * at most {@value #THUMBNAIL_MAX} px) and a spritesheet ({@value #COLUMNS}x{@value #ROWS} evenly spaced
 * frames, {@value #TILE_WIDTH} px wide each). They are made from the frames' YUV planes, which are what
 * the video shows. Only the scaled-down copies are kept. The thumbnail is written as soon as its frame
 * arrives, while the clip is still being encoded, rather than after it.
 */
final class Previews {
    static final int COLUMNS = 5;
    static final int ROWS = 5;
    static final int TILE_WIDTH = 160;
    static final int THUMBNAIL_MAX = 640;
    private static final float JPEG_QUALITY = 0.85f;

    private final int thumbnailIndex;
    private final int[] tileFrames = new int[COLUMNS * ROWS];
    private final int thumbnailWidth;
    private final int thumbnailHeight;
    private final int tileHeight;
    private final BufferedImage sheet;
    /** Where a frame's planes are turned back into colours, at half size when that still covers every rendition. */
    private final BufferedImage picture;
    private final boolean pictureAtHalf;
    private final Path thumbnailFile;
    private boolean thumbnailWritten;

    /** @param thumbnailFile where the thumbnail goes (WebP), written by {@link #accept} */
    Previews(int width, int height, int frameCount, Path thumbnailFile) {
        this.thumbnailFile = thumbnailFile;
        this.thumbnailIndex = frameCount / 2;
        for (int k = 0; k < tileFrames.length; k++) {
            tileFrames[k] = (int) Math.round(k * (frameCount - 1) / (double) (tileFrames.length - 1));
        }
        double shrink = Math.min(1, THUMBNAIL_MAX / (double) Math.max(width, height));
        this.thumbnailWidth = even(width * shrink);
        this.thumbnailHeight = even(height * shrink);
        this.tileHeight = Math.max(1, (int) Math.round(TILE_WIDTH * height / (double) width));
        this.sheet = new BufferedImage(COLUMNS * TILE_WIDTH, ROWS * tileHeight, BufferedImage.TYPE_INT_RGB);
        this.pictureAtHalf = width / 2 >= Math.max(thumbnailWidth, TILE_WIDTH) && height / 2 >= Math.max(thumbnailHeight, tileHeight);
        this.picture = pictureAtHalf ? new BufferedImage(width / 2, height / 2, BufferedImage.TYPE_INT_RGB)
                : new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    private static int even(double v) {
        return Math.max(2, 2 * (int) Math.round(v / 2));
    }

    /** Whether frame {@code index} is used by a rendition (so the caller may skip {@link #accept}). */
    boolean wants(int index) {
        if (index == thumbnailIndex) return true;
        for (int f : tileFrames) if (f == index) return true;
        return false;
    }

    /**
     * Takes what it needs from frame {@code index}'s planes (see {@link FrameBuffer#yuv()}); the buffer is
     * not kept. Encoders call it from several threads.
     */
    void accept(int index, FrameBuffer frame) throws IOException {
        BufferedImage thumbnail = take(index, frame);
        if (thumbnail == null) return;
        WebpWriter.write(thumbnail, thumbnailFile); // outside the lock: the other encoders' tiles need not wait
        synchronized (this) {
            thumbnailWritten = true;
        }
    }

    /** Draws frame {@code index}'s tiles into the sheet; returns its thumbnail if it is the thumbnail's frame. */
    private synchronized BufferedImage take(int index, FrameBuffer frame) {
        if (!wants(index)) return null;
        int[] pixels = ((DataBufferInt) picture.getRaster().getDataBuffer()).getData();
        if (pictureAtHalf) PlanesToRgb.half(frame.yuv(), frame.planes(), pixels);
        else PlanesToRgb.full(frame.yuv(), frame.planes(), pixels);
        BufferedImage thumbnail = index == thumbnailIndex ? ImageScaler.resize(picture, thumbnailWidth, thumbnailHeight) : null;
        BufferedImage tile = null;
        for (int k = 0; k < tileFrames.length; k++) {
            if (tileFrames[k] != index) continue;
            if (tile == null) tile = ImageScaler.resize(picture, TILE_WIDTH, tileHeight);
            Graphics2D g = sheet.createGraphics();
            try {
                g.drawImage(tile, (k % COLUMNS) * TILE_WIDTH, (k / COLUMNS) * tileHeight, null);
            } finally {
                g.dispose();
            }
        }
        return thumbnail;
    }

    /** Whether the thumbnail has been written: a finished clip has always passed its frame. */
    synchronized boolean thumbnailWritten() {
        return thumbnailWritten;
    }

    synchronized void writeSpritesheet(Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (OutputStream os = Files.newOutputStream(file); ImageOutputStream out = new MemoryCacheImageOutputStream(os)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.setOutput(out);
            writer.write(null, new IIOImage(sheet, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
