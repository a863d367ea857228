package dev.vidgate.engine.builtin;

import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.builtin.audio.AmbientBed;
import dev.vidgate.engine.builtin.encode.AacEncoder;
import dev.vidgate.engine.builtin.encode.H264Encoder;
import dev.vidgate.engine.builtin.encode.Mp4Muxer;
import dev.vidgate.engine.builtin.encode.PacketSpool;
import dev.vidgate.engine.builtin.encode.VideoEncoder;
import dev.vidgate.engine.builtin.frame.ClipFormat;
import dev.vidgate.engine.builtin.frame.FrameBuffer;
import dev.vidgate.video.Variant;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_free;

/**
 * Renders one request into the {@code .part} files of its {@link JobFiles}: the MP4 (video and sound
 * bed), the WebP thumbnail and the JPEG spritesheet. It does not rename them into place; the caller
 * commits them once it knows the job was not cancelled meanwhile.
 *
 * <p>Work is spread over the cores without making the bytes depend on timing: {@link #RENDER_WORKERS}
 * threads draw frames (camera, scene, looks, colour conversion); the clip is cut at key frames into up
 * to {@link #ENCODERS} segments, each encoded by its own single-threaded H.264 encoder; the calling
 * thread makes and encodes the sound meanwhile; finally the packets are muxed into one MP4 in order.
 */
final class ClipRenderer {
    private static final int MAX_SIDE = 4096;
    private static final long MAX_PIXELS = 4096L * 2304;
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    static final int RENDER_WORKERS = Math.max(1, Math.min(4, CORES));
    static final int ENCODERS = Math.max(1, Math.min(4, CORES));
    /** The most frame buffers one render holds at once. */
    static final int BUFFERS_PER_RENDER = FramePipeline.bufferLimit(RENDER_WORKERS, ENCODERS);

    private final GenerationRequest request;
    private final JobFiles files;
    private final FrameBufferPool buffers;
    private final VideoEncoder.Factory encoders;
    private final BooleanSupplier cancelled;
    private final IntConsumer framesDone;
    private final AtomicInteger encoded = new AtomicInteger();
    /** The first failure of an encoder thread; the others then stop. */
    private final AtomicReference<Throwable> encoderFailure = new AtomicReference<>();

    /**
     * @param buffers    frame buffers shared with the engine's other renders (see {@link FrameBufferPool})
     * @param encoders   the H.264 encoder each segment gets
     * @param cancelled  polled before every frame; once true, rendering stops with {@link RenderCancelledException}
     * @param framesDone told the number of frames encoded so far, after each frame
     */
    ClipRenderer(GenerationRequest request, JobFiles files, FrameBufferPool buffers, VideoEncoder.Factory encoders,
                 BooleanSupplier cancelled, IntConsumer framesDone) {
        this.request = request;
        this.buffers = buffers;
        this.encoders = encoders;
        this.files = files;
        this.cancelled = cancelled;
        this.framesDone = framesDone;
    }

    static int frameCount(GenerationRequest request) {
        return ClipFormat.frameCount(request.seconds());
    }

    /** Where each encoder's segment starts: whole GOPs shared out evenly, at most {@link #ENCODERS}. */
    static int[] segmentStarts(int total) {
        int gops = (total + H264Encoder.GOP - 1) / H264Encoder.GOP;
        int segments = Math.max(1, Math.min(ENCODERS, gops));
        int[] starts = new int[segments];
        for (int s = 0; s < segments; s++) starts[s] = (int) ((long) gops * s / segments) * H264Encoder.GOP;
        return starts;
    }

    void render() throws IOException {
        int width = request.size().width();
        int height = request.size().height();
        checkSize(width, height);
        int total = frameCount(request);
        // an extension keeps its footage's frames and renders only what follows them
        int kept = request.keptFrames(ClipFormat.FPS);
        int fresh = total - kept;
        Shot shot = Shot.plan(request, fresh);
        checkCancelled();
        files.createDir();
        int[] starts = segmentStarts(fresh);
        List<Path> spools = new ArrayList<>();
        if (kept > 0) spools.add(files.dir().resolve("kept.spool"));
        for (int s = 0; s < starts.length; s++) spools.add(files.dir().resolve("segment-" + s + ".spool"));
        Path audioSpool = files.dir().resolve("audio.spool");
        Previews previews = new Previews(width, height, total, files.partFile(Variant.THUMBNAIL));
        AVCodecParameters[] video = new AVCodecParameters[1];
        AVCodecParameters audio = null;
        try {
            try (FramePipeline frames = new FramePipeline(shot::render, fresh, width, height,
                    RENDER_WORKERS, starts, buffers, "builtin-frames-" + request.jobId())) {
                List<Thread> encoders = startEncoders(shot, frames, starts, spools.subList(kept > 0 ? 1 : 0, spools.size()), previews,
                        video, width, height, kept);
                if (kept > 0) encoders.add(encodeKept(spools.getFirst(), previews, video, shot.isScene(), width, height, kept));
                try {
                    audio = encodeSound(shot, audioSpool);
                } finally {
                    joinEncoders(encoders, frames);
                }
            }
            checkCancelled();
            Mp4Muxer.write(files.partFile(Variant.VIDEO), video[0], spools, audio, audioSpool);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderCancelledException();
        } finally {
            if (video[0] != null) avcodec_parameters_free(video[0]);
            if (audio != null) avcodec_parameters_free(audio);
            for (Path p : spools) Files.deleteIfExists(p);
            Files.deleteIfExists(audioSpool);
        }
        checkCancelled();
        if (!previews.thumbnailWritten()) throw new IllegalStateException("the thumbnail frame was never encoded");
        previews.writeSpritesheet(files.partFile(Variant.SPRITESHEET));
    }

    /**
     * Encodes the {@code kept} frames of an extension's footage as the clip's first segment (its codec parameters are
     * the MP4's), on a thread of its own while the new frames render.
     */
    private Thread encodeKept(Path spoolFile, Previews previews, AVCodecParameters[] video, boolean scene, int width, int height,
                              int kept) {
        return encoderThread(() -> {
            try (SourceFrames source = SourceFrames.open(request);
                 PacketSpool spool = new PacketSpool(spoolFile);
                 VideoEncoder encoder = encoders.open(width, height, 0, scene, spool)) {
                FrameBuffer buffer = new FrameBuffer(width, height);
                source.encode(encoder, kept, buffer, (index, frame) -> {
                    if (previews.wants(index)) previews.accept(index, frame);
                    framesDone.accept(encoded.incrementAndGet());
                }, cancelled);
                video[0] = encoder.finish();
            }
        }, "builtin-encode-" + request.jobId() + "-kept");
    }

    private interface EncoderWork {
        void run() throws Exception;
    }

    /** A started daemon thread running {@code work}; its failure stops the other encoders. */
    private Thread encoderThread(EncoderWork work, String name) {
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (Throwable e) {
                encoderFailure.compareAndSet(null, e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private List<Thread> startEncoders(Shot shot, FramePipeline frames, int[] starts, List<Path> spools, Previews previews,
                                       AVCodecParameters[] video, int width, int height, int kept) {
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < starts.length; s++) {
            int segment = s;
            Thread t = new Thread(() -> {
                try {
                    AVCodecParameters parameters = encodeSegment(shot, frames, segment, starts[segment], spools.get(segment), previews,
                            width, height, kept);
                    if (segment == 0 && kept == 0) video[0] = parameters;
                    else avcodec_parameters_free(parameters);
                } catch (Throwable e) {
                    encoderFailure.compareAndSet(null, e);
                    try {
                        frames.close(); // wakes the other encoders
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    }
                }
            }, "builtin-encode-" + request.jobId() + "-" + (s + 1));
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        return threads;
    }

    /** Encodes one segment of the new frames; they follow the {@code kept} frames of an extension's footage. */
    private AVCodecParameters encodeSegment(Shot shot, FramePipeline frames, int segment, int first, Path spoolFile, Previews previews,
                                            int width, int height, int kept) throws IOException, InterruptedException {
        try (PacketSpool spool = new PacketSpool(spoolFile);
             VideoEncoder encoder = encoders.open(width, height, kept + first, shot.isScene(), spool)) {
            int index = first;
            FrameBuffer frame;
            while ((frame = frames.next(segment)) != null) {
                checkCancelled();
                encoder.encode(frame.yuv(), shot.wantsKeyFrame(index));
                if (previews.wants(kept + index)) previews.accept(kept + index, frame);
                frames.recycle(frame);
                index++;
                framesDone.accept(encoded.incrementAndGet());
            }
            return encoder.finish();
        }
    }

    private void joinEncoders(List<Thread> encoders, FramePipeline frames) throws InterruptedException {
        try {
            for (Thread t : encoders) t.join();
        } catch (InterruptedException e) {
            frames.close();
            for (Thread t : encoders) t.join();
            throw e;
        }
        Throwable failure = encoderFailure.get();
        if (failure == null) return;
        if (failure instanceof RuntimeException r) throw r;
        if (failure instanceof IOException io) throw new UncheckedIOException(io);
        if (failure instanceof Error err) throw err;
        throw new IllegalStateException("encoding failed", failure);
    }

    /** Synthesises the sound bed and encodes it, while the video encoders work. */
    private AVCodecParameters encodeSound(Shot shot, Path spoolFile) throws IOException {
        AmbientBed bed = shot.audio();
        float[] samples = new float[ClipFormat.SAMPLES_PER_FRAME * ClipFormat.AUDIO_CHANNELS];
        try (PacketSpool spool = new PacketSpool(spoolFile); AacEncoder aac = new AacEncoder(spool)) {
            int n;
            while ((n = bed.next(samples, ClipFormat.SAMPLES_PER_FRAME)) > 0) {
                if (encoderFailure.get() != null || cancelled.getAsBoolean()) return aac.finish();
                aac.encode(samples, n);
            }
            return aac.finish();
        }
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
