package dev.vidgate.media;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_INFO;
import static org.bytedeco.ffmpeg.global.avutil.av_log_get_level;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

/**
 * Reads an existing MP4: what it contains ({@link #probe}), and the still renditions made from its
 * frames ({@link #writeStills}): a WebP thumbnail of the middle frame (longer side at most
 * {@value #THUMBNAIL_MAX} px) and a JPEG spritesheet of {@value #GRID}x{@value #GRID} evenly spaced
 * frames, {@value #TILE_WIDTH} px wide each. Frames are decoded one at a time; only scaled copies are kept.
 */
public final class Mp4Stills {
    public static final int THUMBNAIL_MAX = 640;
    public static final int GRID = 5;
    public static final int TILE_WIDTH = 160;
    private static final long MAX_PIXELS = 4096L * 4096;

    static {
        if (av_log_get_level() == AV_LOG_INFO) av_log_set_level(AV_LOG_ERROR);
    }

    private Mp4Stills() {}

    /** What a player would find in the file. */
    public record Facts(int width, int height, double seconds) {}

    /** Opens the file's headers; throws when it holds no decodable video stream. */
    public static Facts probe(Path mp4) throws IOException {
        try (FFmpegFrameGrabber grabber = open(mp4)) {
            return new Facts(grabber.getImageWidth(), grabber.getImageHeight(), grabber.getLengthInTime() / 1e6);
        }
    }

    /** Decodes the video once and writes both still renditions. */
    public static void writeStills(Path mp4, Path thumbnailWebp, Path spritesheetJpeg) throws IOException {
        try (FFmpegFrameGrabber grabber = open(mp4); Java2DFrameConverter converter = new Java2DFrameConverter()) {
            int width = grabber.getImageWidth();
            int height = grabber.getImageHeight();
            long length = Math.max(1, grabber.getLengthInTime());
            long[] tileAt = new long[GRID * GRID];
            for (int k = 0; k < tileAt.length; k++) tileAt[k] = Math.round(k * (length * 0.96) / (tileAt.length - 1));
            int tileHeight = Math.max(1, Math.round(TILE_WIDTH * height / (float) width));
            BufferedImage sheet = new BufferedImage(GRID * TILE_WIDTH, GRID * tileHeight, BufferedImage.TYPE_INT_RGB);
            double shrink = Math.min(1, THUMBNAIL_MAX / (double) Math.max(width, height));
            BufferedImage thumbnail = null;
            BufferedImage last = null;
            int nextTile = 0;
            Frame frame;
            while ((nextTile < tileAt.length || thumbnail == null) && (frame = grabber.grabImage()) != null) {
                long at = grabber.getTimestamp();
                BufferedImage image = converter.convert(frame);
                if (image == null) continue;
                last = image; // the converter reuses this buffer: it holds the latest frame
                if (thumbnail == null && at >= length / 2) thumbnail = scaled(image, even(width * shrink), even(height * shrink));
                BufferedImage tile = null;
                while (nextTile < tileAt.length && at >= tileAt[nextTile]) {
                    if (tile == null) tile = scaled(image, TILE_WIDTH, tileHeight);
                    place(sheet, tile, nextTile++, tileHeight);
                }
            }
            if (last == null) throw new IOException("the video has no frames");
            // a stream shorter than its header said: its last frame fills what is left
            if (nextTile < tileAt.length) {
                BufferedImage tile = scaled(last, TILE_WIDTH, tileHeight);
                while (nextTile < tileAt.length) place(sheet, tile, nextTile++, tileHeight);
            }
            if (thumbnail == null) thumbnail = scaled(last, even(width * shrink), even(height * shrink));
            WebpWriter.write(thumbnail, thumbnailWebp);
            if (!ImageIO.write(sheet, "jpg", spritesheetJpeg.toFile())) throw new IOException("no JPEG writer available");
        }
    }

    /** The first frame, as decoded (for a remix that starts from its source's first frame). */
    public static BufferedImage firstFrame(Path mp4) throws IOException {
        try (FFmpegFrameGrabber grabber = open(mp4); Java2DFrameConverter converter = new Java2DFrameConverter()) {
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                BufferedImage image = converter.convert(frame);
                if (image != null) return scaled(image, image.getWidth(), image.getHeight());
            }
            throw new IOException("the video has no frames");
        }
    }

    private static FFmpegFrameGrabber open(Path mp4) throws IOException {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(mp4.toFile());
        try {
            grabber.setFormat("mp4");
            grabber.start();
            long pixels = (long) grabber.getImageWidth() * grabber.getImageHeight();
            if (grabber.getVideoStream() < 0 || pixels <= 0) throw new IOException("the file has no video stream");
            if (pixels > MAX_PIXELS) throw new IOException("the video's frames are unusually large");
            return grabber;
        } catch (IOException | RuntimeException e) {
            grabber.close();
            throw e instanceof IOException io ? io : new IOException("the file is not a readable MP4", e);
        }
    }

    private static void place(BufferedImage sheet, BufferedImage tile, int index, int tileHeight) {
        Graphics2D g = sheet.createGraphics();
        try {
            g.drawImage(tile, (index % GRID) * TILE_WIDTH, (index / GRID) * tileHeight, null);
        } finally {
            g.dispose();
        }
    }

    private static BufferedImage scaled(BufferedImage source, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        RgbImages.drawScaled(source, out, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        return out;
    }

    private static int even(double v) {
        return Math.max(2, 2 * (int) Math.round(v / 2));
    }
}
