package dev.vidgate.engine.builtin;

import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.builtin.encode.H264Library;
import dev.vidgate.testsupport.media.Mp4Probe;
import dev.vidgate.testsupport.media.TestImages;
import dev.vidgate.video.Variant;
import dev.vidgate.catalog.VideoSize;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-data builder for renders: a request (prompt, size, length, reference picture, remix source)
 * rendered straight through {@link ClipRenderer} into a folder, and the MP4 decoded with {@link Mp4Probe}.
 *
 * <pre>{@code
 * Mp4Probe mp4 = Clips.prompt("pan right").from(picture).render(dir);
 * }</pre>
 */
public final class Clips {
    private static final AtomicInteger IDS = new AtomicInteger();
    /** Shared by every clip the tests render, so renders also run on buffers an earlier clip drew into. */
    private static final FrameBufferPool BUFFERS = new FrameBufferPool(2 * ClipRenderer.BUFFERS_PER_RENDER);

    private String prompt = "";
    private int width = 320;
    private int height = 180;
    private int seconds = 1;
    private byte[] reference;
    private GenerationRequest.RemixSource remix;

    private Clips(String prompt) {
        this.prompt = prompt;
    }

    public static Clips prompt(String prompt) {
        return new Clips(prompt);
    }

    public Clips size(int width, int height) {
        this.width = width;
        this.height = height;
        return this;
    }

    public Clips seconds(int seconds) {
        this.seconds = seconds;
        return this;
    }

    /** Image-to-video from this picture (as a PNG). */
    public Clips from(BufferedImage picture) {
        this.reference = TestImages.png(picture);
        return this;
    }

    /** Image-to-video from these encoded bytes. */
    Clips fromBytes(byte[] encoded) {
        this.reference = encoded;
        return this;
    }

    Clips remixing(GenerationRequest.RemixSource source) {
        this.remix = source;
        return this;
    }

    GenerationRequest request() {
        return new GenerationRequest("clip_" + IDS.incrementAndGet(), "sora-2", new VideoSize(width, height), seconds, prompt,
                reference, remix);
    }

    /** Renders into {@code dir} and returns the MP4's path. */
    public Path renderFile(Path dir) {
        GenerationRequest request = request();
        JobFiles files = JobFiles.of(dir, request.jobId());
        try {
            new ClipRenderer(request, files, BUFFERS, H264Library.AUTO.encoders(), () -> false, n -> { }).render();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files.partFile(Variant.VIDEO);
    }

    /** Renders into {@code dir} and decodes the MP4. */
    public Mp4Probe render(Path dir) {
        return Mp4Probe.of(renderFile(dir));
    }
}
