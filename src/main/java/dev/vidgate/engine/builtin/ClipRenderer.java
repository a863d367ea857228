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
 */
final class ClipRenderer {
    private static final int MAX_SIDE = 4096;
    private static final long MAX_PIXELS = 4096L * 2304;

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
        FrameSource source = sourceFor(request, total);
        checkCancelled();
        files.createDir();

        Previews previews = new Previews(width, height, total);
        AudioBed audio = new AudioBed(request.prompt(), ClipFormat.SAMPLE_RATE, (long) request.seconds() * ClipFormat.SAMPLE_RATE);
        float[] samples = new float[ClipFormat.SAMPLES_PER_FRAME * ClipFormat.AUDIO_CHANNELS];
        try (Mp4Writer mp4 = new Mp4Writer(files.partFile(Variant.VIDEO), width, height);
             FramePipeline frames = new FramePipeline(source, total, previews, "builtin-frames-" + request.jobId())) {
            int encoded = 0;
            FrameBuffer frame;
            while ((frame = frames.next()) != null) {
                checkCancelled();
                mp4.writeFrame(frame.pixels());
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

    private static FrameSource sourceFor(GenerationRequest request, int total) {
        int width = request.size().width();
        int height = request.size().height();
        if (request.hasReference()) {
            int[] reference = ReferenceImage.decode(request.referenceImage(), width, height);
            return new PushInSource(reference, width, height, total, request.prompt());
        }
        return new ProceduralScene(width, height, request.prompt());
    }

    private void checkCancelled() {
        if (cancelled.getAsBoolean()) throw new RenderCancelledException();
    }
}
