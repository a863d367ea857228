package dev.vidgate.engine.builtin;

import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.builtin.encode.VideoEncoder;
import dev.vidgate.engine.builtin.frame.ClipFormat;
import dev.vidgate.engine.builtin.frame.FinishPass;
import dev.vidgate.engine.builtin.frame.FrameBuffer;
import dev.vidgate.engine.builtin.frame.Grade;
import dev.vidgate.media.FfmpegSupport;
import dev.vidgate.media.RgbImages;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.BooleanSupplier;

/**
 * The footage of an edit or an extension, decoded with FFmpeg from a temporary copy (an uploaded MP4's index may be at
 * its end): its first frame (where an edit starts), its last frame (where an extension continues), and, for an
 * extension, the kept part re-encoded frame by frame at the clip's frame rate and size, so the new part joins it in one
 * MP4. Pictures of another size are scaled to cover the frame and centre-cropped. A source that cannot be read is a
 * transient problem of storage; one that reads but does not decode is a permanent bad input.
 */
final class SourceFrames implements AutoCloseable {
    private final Path file;
    private final String jobId;

    private SourceFrames(Path file, String jobId) {
        this.file = file;
        this.jobId = jobId;
    }

    static SourceFrames open(GenerationRequest request) {
        FfmpegSupport.init();
        try {
            Path file = Files.createTempFile("footage-" + request.jobId() + "-", ".mp4");
            try (InputStream in = request.footage().video().open()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return new SourceFrames(file, request.jobId());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the footage of " + request.jobId(), e);
        }
    }

    /** The picture an edit starts from (the first frame) or an extension continues from (the last), as packed pixels. */
    static int[] startingPicture(GenerationRequest request, int width, int height) {
        try (SourceFrames frames = open(request)) {
            return frames.picture(request.footage().extension(), width, height);
        }
    }

    int[] picture(boolean last, int width, int height) {
        BufferedImage found = null;
        try (FFmpegFrameGrabber grabber = grabber(); Java2DFrameConverter converter = new Java2DFrameConverter()) {
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                BufferedImage image = converter.convert(frame);
                if (image == null) continue;
                found = fitted(image, width, height);
                if (!last) break;
            }
        } catch (FrameGrabber.Exception e) {
            throw new BadInputException("the footage of " + jobId + " could not be decoded", e);
        }
        if (found == null) throw new BadInputException("the footage of " + jobId + " has no frames");
        return found.getRGB(0, 0, width, height, null, 0, width);
    }

    /**
     * Encodes the first {@code frames} frames of the footage at {@link ClipFormat#FPS}: frame {@code i} shows the picture
     * the footage shows at {@code i / FPS} seconds (its last one once it ended). Each is handed to {@code preview} too.
     */
    void encode(VideoEncoder encoder, int frames, FrameBuffer buffer, PreviewSink preview, BooleanSupplier cancelled)
            throws IOException {
        int width = buffer.width();
        int height = buffer.height();
        try (FFmpegFrameGrabber grabber = grabber(); Java2DFrameConverter converter = new Java2DFrameConverter()) {
            int[] shown = null;
            Frame next = grabber.grabImage();
            long nextAt = grabber.getTimestamp();
            for (int i = 0; i < frames; i++) {
                if (cancelled.getAsBoolean()) throw new RenderCancelledException();
                long at = Math.round(i * 1e6 / ClipFormat.FPS);
                while (next != null && (shown == null || nextAt <= at)) {
                    BufferedImage image = converter.convert(next);
                    if (image != null) shown = fitted(image, width, height).getRGB(0, 0, width, height, null, 0, width);
                    next = grabber.grabImage();
                    nextAt = grabber.getTimestamp();
                }
                if (shown == null) throw new BadInputException("the footage of " + jobId + " has no frames");
                buffer.startPicture();
                System.arraycopy(shown, 0, buffer.pixels(), 0, shown.length);
                FinishPass.apply(buffer, Grade.NEUTRAL, null);
                encoder.encode(buffer.yuv(), i == 0);
                preview.accept(i, buffer);
            }
        } catch (FrameGrabber.Exception e) {
            throw new BadInputException("the footage of " + jobId + " could not be decoded", e);
        }
    }

    /** Where the kept frames go besides the encoder (the thumbnail and spritesheet). */
    @FunctionalInterface
    interface PreviewSink {
        void accept(int index, FrameBuffer frame) throws IOException;
    }

    private FFmpegFrameGrabber grabber() throws FrameGrabber.Exception {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.start();
        return grabber;
    }

    private static BufferedImage fitted(BufferedImage image, int width, int height) {
        BufferedImage rgb = image.getWidth() == width && image.getHeight() == height ? image : ImageScaler.cover(image, width, height);
        return RgbImages.toRgb(rgb);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
