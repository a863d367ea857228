package dev.vidgate.engine.builtin;

import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.builtin.encode.FfmpegSupport;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The first frame of the video a remix starts from, decoded with FFmpeg and fitted to the new size
 * (scaled to cover and centre-cropped when the sizes differ). A source that cannot be read is a
 * transient problem of storage; one that reads but does not decode is a permanent bad input.
 */
final class RemixFrame {
    private RemixFrame() {}

    static int[] firstFrame(GenerationRequest.RemixSource remix, int width, int height) {
        FfmpegSupport.init();
        BufferedImage image;
        try (InputStream in = remix.video().open()) {
            image = decodeFirst(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the video " + remix.videoId() + " that this remixes", e);
        }
        if (image == null) throw new BadInputException("the video " + remix.videoId() + " that this remixes has no frames");
        if (image.getWidth() != width || image.getHeight() != height) image = ImageScaler.cover(image, width, height);
        return ReferenceImage.toRgb(image).getRGB(0, 0, width, height, null, 0, width);
    }

    private static BufferedImage decodeFirst(InputStream in) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(in, 0);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.setFormat("mp4");
            grabber.start();
            Frame frame = grabber.grabImage();
            if (frame == null) return null;
            BufferedImage decoded = converter.convert(frame);
            BufferedImage copy = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
            copy.getGraphics().drawImage(decoded, 0, 0, null);
            return copy;
        } catch (FrameGrabber.Exception e) {
            throw new BadInputException("the video that this remixes could not be decoded", e);
        }
    }
}
