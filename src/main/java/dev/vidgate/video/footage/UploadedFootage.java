package dev.vidgate.video.footage;

import dev.vidgate.media.BoundedImageWork;
import dev.vidgate.media.FfmpegSupport;
import dev.vidgate.media.UnreadableImageException;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Checks an uploaded clip ({@code video} of an edit, an extension or a character) the way reference images are
 * checked, cheapest first: its encoded size; its container, sniffed from the first bytes (labels and names are never
 * trusted); then, off the request thread and within {@link BoundedImageWork}'s CPU limit, FFmpeg opens it: it must hold
 * a video stream whose declared size and length are within the limits, and its first and last frames must decode
 * (the last is found by seeking near the end, so a long clip is not decoded whole). Every refusal is a 400 (413 for
 * the size) naming {@code video}; nothing here answers 5xx for a bad file. The clip's frames then go through the
 * {@link FrameCheck}.
 */
public final class UploadedFootage {
    /** How far before the end the search for the last frame starts, in microseconds. */
    private static final long TAIL_MICROS = 1_500_000;

    private final FootageLimits limits;
    private final BoundedImageWork work;
    private final FrameCheck frames;

    public UploadedFootage(FootageLimits limits, BoundedImageWork work, FrameCheck frames) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.work = Objects.requireNonNull(work, "work");
        this.frames = Objects.requireNonNull(frames, "frames");
    }

    /**
     * As {@link #check(byte[])}, then {@code screen} (the content policy's, for this caller) on its end frames, on the pool
     * within its own time limit; a screen that cannot get a turn in time is a 503 to retry, never a verdict.
     */
    public Footage check(byte[] bytes, FrameCheck screen) {
        Footage footage = check(bytes);
        if (screen != FrameCheck.NONE) work.screen("video", () -> screen.check(footage));
        return footage;
    }

    /** The clip's facts and its end frames, or the 400 that says what is wrong with it. */
    public Footage check(byte[] bytes) {
        if (bytes.length > limits.maxBytes()) throw FootageErrors.tooLarge(limits.maxBytes());
        if (!ClipFormat.isIsoMedia(bytes)) throw FootageErrors.invalidFormat("these bytes are not one");
        Footage footage;
        try {
            footage = work.call(() -> read(bytes));
        } catch (UnreadableImageException e) {
            throw FootageErrors.invalidFormat("it " + e.reason());
        }
        frames.check(footage);
        return footage;
    }

    /** Opens {@code bytes} with FFmpeg, from a temporary file (an MP4's index may be at its end). */
    private Footage read(byte[] bytes) {
        FfmpegSupport.init();
        Path file = null;
        try {
            file = Files.createTempFile("footage-", ".mp4");
            Files.write(file, bytes);
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the uploaded video", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file; the OS cleans its temp directory
                }
            }
        }
    }

    private Footage read(Path file) {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            try {
                grabber.start();
            } catch (FFmpegFrameGrabber.Exception e) {
                throw FootageErrors.invalidFormat("it could not be opened");
            }
            int width = grabber.getImageWidth();
            int height = grabber.getImageHeight();
            if (grabber.getVideoStream() < 0 || width <= 0 || height <= 0) throw FootageErrors.invalidFormat("it holds no video stream");
            if (Math.max(width, height) > limits.maxSide()) throw FootageErrors.tooBig(width, height, limits.maxSide());
            double declared = grabber.getLengthInTime() / 1e6;
            if (declared > limits.maxSeconds()) throw FootageErrors.tooLong(declared, limits.maxSeconds());
            BufferedImage first = copy(converter, nextImage(grabber));
            if (first == null) throw FootageErrors.invalidFormat("it has no frames that decode");
            long end = grabber.getLengthInTime();
            if (end > TAIL_MICROS) grabber.setVideoTimestamp(end - TAIL_MICROS);
            BufferedImage last = first;
            long lastAt = grabber.getTimestamp();
            Frame frame;
            while ((frame = nextImage(grabber)) != null) {
                last = copy(converter, frame);
                lastAt = grabber.getTimestamp();
            }
            double seconds = Math.max(declared, lastAt / 1e6);
            if (seconds > limits.maxSeconds()) throw FootageErrors.tooLong(seconds, limits.maxSeconds());
            if (seconds <= 0) throw FootageErrors.invalidFormat("it has no length");
            return new Footage(width, height, seconds, first, last);
        } catch (FrameGrabber.Exception e) {
            throw FootageErrors.invalidFormat("its frames could not be decoded");
        }
    }

    /** The next decoded picture; stops once the pool interrupted this work (it used up its CPU time). */
    private static Frame nextImage(FFmpegFrameGrabber grabber) throws FFmpegFrameGrabber.Exception {
        if (Thread.currentThread().isInterrupted()) throw FootageErrors.invalidFormat("it was not decoded in time");
        return grabber.grabImage();
    }

    private static BufferedImage copy(Java2DFrameConverter converter, Frame frame) {
        if (frame == null) return null;
        BufferedImage decoded = converter.convert(frame);
        if (decoded == null) return null;
        BufferedImage copy = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = copy.createGraphics();
        g.drawImage(decoded, 0, 0, null);
        g.dispose();
        return copy;
    }
}
