package dev.vidgate.engine.builtin;

import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.video.Variant;

import java.io.IOException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Renders one request into the {@code .part} files of its {@link JobFiles}: the MP4 (video and audio
 * bed, streamed frame by frame), the WebP thumbnail and the JPEG spritesheet. It does not rename them
 * into place; the caller commits them once it knows the job was not cancelled meanwhile.
 *
 * <p>Frames are drawn by {@link #RENDER_WORKERS} threads (camera, scene, looks and colour conversion)
 * while the calling thread encodes them in order, so both cores stay busy and the bytes do not depend
 * on thread timing.
 */
final class ClipRenderer {
    private static final int MAX_SIDE = 4096;
    private static final long MAX_PIXELS = 4096L * 2304;
    static final int RENDER_WORKERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private final GenerationRequest request;
    private final JobFiles files;
    private final BooleanSupplier cancelled;
    private final IntConsumer framesDone;

    /**
     * @param cancelled  polled before every frame; once true, rendering stops with {@link RenderCancelledException}
     * @param framesDone told the number of frames encoded so far, after each frame
     */
    ClipRenderer(GenerationRequest request, JobFiles files, BooleanSupplier cancelled, IntConsumer framesDone) {
        this.request = request;
        this.files = files;
        this.cancelled = cancelled;
        this.framesDone = framesDone;
    }

    static int frameCount(GenerationRequest request) {
        return ClipFormat.frameCount(request.seconds());
    }

    void render() throws IOException {
        int width = request.size().width();
        int height = request.size().height();
        checkSize(width, height);
        int total = frameCount(request);
        Shot shot = Shot.plan(request, total);
        checkCancelled();
        files.createDir();

        Previews previews = new Previews(width, height, total);
        float[] samples = new float[ClipFormat.SAMPLES_PER_FRAME * ClipFormat.AUDIO_CHANNELS];
        try (FramePipeline frames = new FramePipeline((i, f) -> shot.render(i, f, previews.wants(i)), total, width, height,
                     RENDER_WORKERS, "builtin-frames-" + request.jobId());
             Mp4Writer mp4 = new Mp4Writer(files.partFile(Variant.VIDEO), width, height)) {
            // measuring the sound bed's loudness takes a moment: the workers render the first frames meanwhile
            AmbientBed audio = shot.audio();
            int encoded = 0;
            FrameBuffer frame;
            while ((frame = frames.next()) != null) {
                checkCancelled();
                mp4.writeFrame(frame.yuv());
                if (previews.wants(encoded)) previews.accept(encoded, frame);
                frames.recycle(frame);
                mp4.writeAudio(samples, audio.next(samples, ClipFormat.SAMPLES_PER_FRAME));
                framesDone.accept(++encoded);
            }
            if (encoded != total) throw new IllegalStateException("rendered " + encoded + " of " + total + " frames");
            checkCancelled();
            mp4.finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderCancelledException();
        }
        checkCancelled();
        previews.writeThumbnail(files.partFile(Variant.THUMBNAIL));
        previews.writeSpritesheet(files.partFile(Variant.SPRITESHEET));
    }

    private static void checkSize(int width, int height) {
        if (width % 2 != 0 || height % 2 != 0) {
            throw new BadInputException("the size " + width + "x" + height + " must have an even width and height");
        }
        if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
            throw new BadInputException("the size " + width + "x" + height + " is too large for the built-in engine");
        }
    }

    private void checkCancelled() {
        if (cancelled.getAsBoolean()) throw new RenderCancelledException();
    }
}
