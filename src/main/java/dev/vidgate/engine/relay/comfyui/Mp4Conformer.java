package dev.vidgate.engine.relay.comfyui;

import dev.vidgate.media.FfmpegSupport;
import dev.vidgate.media.ImageFormat;
import dev.vidgate.media.RgbImages;
import dev.vidgate.video.Adjustment;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.Buffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

/**
 * Turns what a ComfyUI workflow saved into our MP4: H.264 + AAC, exactly the requested size (scaled),
 * {@value #FPS} fps, exactly the requested length: a shorter output is padded with its last frame, a longer one
 * trimmed, and the caller is told which (and of a scaled size) as {@link Adjustment}s: {@code output_seconds} and
 * {@code output_size}, each with what the workflow made as {@code requested} and what the video has as {@code used}. Sources: any video FFmpeg here decodes (MP4, WebM with VP8/VP9/AV1, MOV,
 * GIF) with its sound if it has any, an animated WebP (FFmpeg's WebP decoder here reads still images only, so
 * animations go through the TwelveMonkeys ImageIO reader), or a sequence of PNG/WebP/JPEG stills; stills are timed
 * at the workflow's frame rate. Frames are read one at a time; at most two are held.
 */
final class Mp4Conformer {
    static final int FPS = 24;
    private static final int SAMPLE_RATE = 48_000;
    private static final int CHANNELS = 2;
    private static final long MAX_PIXELS = 4096L * 4096;

    private Mp4Conformer() {}

    /** What the source held and what was changed of its length and size. */
    record Result(int sourceFrames, double sourceSeconds, List<Adjustment> adjustments) {}

    /** One picture after another, each with the time it is shown from. */
    private interface Pictures extends AutoCloseable {
        /** The next frame scaled to the output size (valid until the next call), or {@code null} at the end. */
        Frame next() throws IOException;

        double time();

        /** The source's frame size, {@code WIDTHxHEIGHT} (known once a frame was read). */
        String sourceSize();

        @Override
        void close() throws IOException;
    }

    /**
     * Writes {@code out} from {@code sources} (one video or animation, or several stills in order).
     *
     * @param stillFps the rate the workflow rendered stills at
     * @throws IOException when a source cannot be decoded (the message says which kind)
     */
    static Result convert(List<Path> sources, double stillFps, int width, int height, int seconds, Path out) throws IOException {
        FfmpegSupport.init();
        int frames = seconds * FPS;
        try (Pictures pictures = open(sources, stillFps, width, height);
             FFmpegFrameRecorder recorder = recorder(out, width, height)) {
            recorder.start();
            Frame shown = null;
            Frame ahead = pictures.next();
            int sourceFrames = 0;
            double lastTime = 0;
            for (int k = 0; k < frames; k++) {
                double at = k / (double) FPS + 1e-6;
                while (ahead != null && (shown == null || pictures.time() <= at)) {
                    shown = ahead.clone();
                    lastTime = pictures.time();
                    sourceFrames++;
                    ahead = pictures.next();
                }
                if (shown == null) throw new IOException("the workflow's output has no frames");
                recorder.record(shown, AV_PIX_FMT_BGR24);
            }
            while (ahead != null && sourceFrames < 100_000) { // count what was trimmed
                sourceFrames++;
                lastTime = pictures.time();
                ahead = pictures.next();
            }
            double sourceSeconds = sourceFrames <= 1 ? sourceFrames / stillFps : lastTime + (lastTime / (sourceFrames - 1));
            if (pictures instanceof VideoPictures video) video.copySound(recorder, seconds);
            padSilence(recorder, seconds, pictures instanceof VideoPictures video ? video.soundSeconds : 0);
            recorder.stop();
            return new Result(sourceFrames, sourceSeconds, adjustments(sourceSeconds, seconds, pictures.sourceSize(), width + "x" + height));
        }
    }

    /** A length off by more than half a frame, and a size other than the output's. */
    private static List<Adjustment> adjustments(double had, int wanted, String hadSize, String wantedSize) {
        List<Adjustment> adjustments = new ArrayList<>(2);
        if (Math.abs(had - wanted) > 0.5 / FPS) {
            adjustments.add(new Adjustment("output_seconds", String.format(Locale.ROOT, "%.2f", had), Integer.toString(wanted)));
        }
        if (!hadSize.equals(wantedSize)) adjustments.add(new Adjustment("output_size", hadSize, wantedSize));
        return List.copyOf(adjustments);
    }

    private static FFmpegFrameRecorder recorder(Path out, int width, int height) {
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(out.toFile(), width, height, CHANNELS);
        recorder.setFormat("mp4");
        recorder.setVideoCodec(AV_CODEC_ID_H264);
        recorder.setVideoCodecName("libopenh264");
        recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(FPS);
        recorder.setGopSize(2 * FPS);
        recorder.setVideoBitrate((int) Math.max(1_000_000, Math.min(20_000_000, 0.24 * width * height * FPS)));
        recorder.setAudioCodec(AV_CODEC_ID_AAC);
        recorder.setSampleRate(SAMPLE_RATE);
        recorder.setAudioChannels(CHANNELS);
        recorder.setAudioBitrate(128_000);
        recorder.setOption("movflags", "+faststart");
        return recorder;
    }

    /** Silence from {@code from} seconds to the end, so that the sound lasts exactly as long as the picture. */
    private static void padSilence(FFmpegFrameRecorder recorder, int seconds, double from) throws IOException {
        long missing = Math.round((seconds - from) * SAMPLE_RATE);
        int chunk = 1024;
        FloatBuffer zeros = FloatBuffer.allocate(chunk * CHANNELS);
        while (missing > 0) {
            int n = (int) Math.min(chunk, missing);
            zeros.clear().limit(n * CHANNELS);
            recorder.recordSamples(SAMPLE_RATE, CHANNELS, zeros);
            missing -= n;
        }
    }

    private static Pictures open(List<Path> sources, double stillFps, int width, int height) throws IOException {
        if (sources.isEmpty()) throw new IOException("the workflow's output has no files");
        Optional<ImageFormat> first = ImageFormat.detect(head(sources.getFirst()));
        if (sources.size() == 1 && first.isEmpty()) return new VideoPictures(sources.getFirst(), width, height);
        if (first.isEmpty()) throw new IOException("the workflow's output mixes videos and images");
        return new StillPictures(sources, stillFps, width, height);
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(64);
        }
    }

    /** A video file, decoded by FFmpeg and scaled by it; its sound is kept for the second pass. */
    private static final class VideoPictures implements Pictures {
        private final FFmpegFrameGrabber grabber;
        private final Path file;
        private String sourceSize;
        double soundSeconds;

        VideoPictures(Path file, int width, int height) throws IOException {
            this.file = file;
            grabber = new FFmpegFrameGrabber(file.toFile());
            try {
                grabber.start();
                long pixels = (long) grabber.getImageWidth() * grabber.getImageHeight();
                if (grabber.getVideoStream() < 0 || pixels <= 0) throw new IOException("the workflow's output has no video stream");
                if (pixels > MAX_PIXELS) throw new IOException("the workflow's output has unusually large frames");
                sourceSize = grabber.getImageWidth() + "x" + grabber.getImageHeight();
                grabber.stop();
                grabber.setImageWidth(width);
                grabber.setImageHeight(height);
                grabber.setPixelFormat(AV_PIX_FMT_BGR24);
                grabber.start();
            } catch (FrameGrabber.Exception e) {
                grabber.close();
                throw new IOException("the workflow's output (" + extension(file) + ") cannot be decoded here", e);
            } catch (IOException e) {
                grabber.close();
                throw e;
            }
        }

        @Override
        public Frame next() throws IOException {
            return grabber.grabImage();
        }

        @Override
        public double time() {
            return grabber.getTimestamp() / 1e6;
        }

        @Override
        public String sourceSize() {
            return sourceSize;
        }

        /** Copies the source's sound, up to {@code seconds}. */
        void copySound(FFmpegFrameRecorder recorder, int seconds) throws IOException {
            try (FFmpegFrameGrabber sound = new FFmpegFrameGrabber(file.toFile())) {
                sound.start();
                if (sound.getAudioStream() < 0 || sound.getAudioChannels() < 1) return;
                Frame frame;
                while (soundSeconds < seconds && (frame = sound.grabSamples()) != null) {
                    Buffer[] samples = frame.samples;
                    if (samples == null || samples.length == 0 || frame.sampleRate <= 0) continue;
                    int perChannel = samples.length > 1 ? samples[0].limit() : samples[0].limit() / Math.max(1, frame.audioChannels);
                    recorder.recordSamples(frame.sampleRate, frame.audioChannels, samples);
                    soundSeconds += perChannel / (double) frame.sampleRate;
                }
            }
        }

        @Override
        public void close() throws IOException {
            grabber.close();
        }
    }

    /** Stills (each file one picture, or the frames of one animated WebP), scaled with Java2D. */
    private static final class StillPictures implements Pictures {
        private final Iterator<Path> files;
        private final double fps;
        private final Java2DFrameConverter converter = new Java2DFrameConverter();
        private final BufferedImage canvas;
        private ImageReader animation;
        private ImageInputStream animationInput;
        private int animationFrame;
        private int index = -1;
        private String sourceSize = "";

        StillPictures(List<Path> files, double fps, int width, int height) {
            this.files = files.iterator();
            this.fps = fps;
            this.canvas = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        }

        @Override
        public Frame next() throws IOException {
            BufferedImage image = nextImage();
            if (image == null) return null;
            if ((long) image.getWidth() * image.getHeight() > MAX_PIXELS) throw new IOException("the workflow's output has unusually large frames");
            if (index++ < 0) sourceSize = image.getWidth() + "x" + image.getHeight();
            RgbImages.drawScaled(image, canvas, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            return converter.convert(canvas);
        }

        private BufferedImage nextImage() throws IOException {
            while (true) {
                if (animation != null) {
                    if (animationFrame < animation.getNumImages(true)) return animation.read(animationFrame++);
                    closeAnimation();
                }
                if (!files.hasNext()) return null;
                Path file = files.next();
                animationInput = ImageIO.createImageInputStream(file.toFile());
                Iterator<ImageReader> readers = animationInput == null ? null : ImageIO.getImageReaders(animationInput);
                if (readers == null || !readers.hasNext()) {
                    closeAnimation();
                    throw new IOException("the workflow's output (" + extension(file) + ") cannot be decoded here");
                }
                animation = readers.next();
                animation.setInput(animationInput);
                animationFrame = 0;
            }
        }

        private void closeAnimation() throws IOException {
            if (animation != null) animation.dispose();
            animation = null;
            if (animationInput != null) animationInput.close();
            animationInput = null;
        }

        @Override
        public double time() {
            return index / fps;
        }

        @Override
        public String sourceSize() {
            return sourceSize;
        }

        @Override
        public void close() throws IOException {
            closeAnimation();
            converter.close();
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "no extension" : name.substring(dot + 1);
    }
}
