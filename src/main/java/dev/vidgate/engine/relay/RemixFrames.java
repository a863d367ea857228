package dev.vidgate.engine.relay;

import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.media.Mp4Stills;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A remix the upstream cannot do itself starts from its source's first frame, as an image-to-video job. */
final class RemixFrames {
    private static final Logger log = LoggerFactory.getLogger(RemixFrames.class);

    private RemixFrames() {}

    /** The source's first frame as a PNG of the request's size, or {@code null} (then the prompt alone is generated). */
    static byte[] firstFrameOf(Path workDir, GenerationRequest.RemixSource remix, GenerationRequest request) {
        Path copy = workDir.resolve("remix-" + Downloader.safeName(request.jobId()) + "-" + System.nanoTime() + ".mp4");
        try (InputStream in = remix.video().open()) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            BufferedImage frame = Mp4Stills.firstFrame(copy);
            if (frame.getWidth() != request.size().width() || frame.getHeight() != request.size().height()) {
                throw new IOException("the source is " + frame.getWidth() + "x" + frame.getHeight());
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(frame, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            log.warn("job {}: cannot take the first frame of remix source {}: {}", request.jobId(), remix.videoId(), e.getMessage());
            return null; // generate from the prompt alone
        } finally {
            try {
                Files.deleteIfExists(copy);
            } catch (IOException ignored) {
                // scratch is emptied at the next start
            }
        }
    }
}
