package dev.vidgate.testsupport.media;

import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

/**
 * Test helper: decodes an MP4 (file or bytes) with FFmpeg and reports what a player would see.
 * Counts are measured by decoding every frame, not read from headers. Frame hashes are SHA-256 of
 * each decoded frame's BGR pixels, for determinism checks.
 *
 * <pre>{@code
 * Mp4Probe mp4 = Mp4Probe.of(path);
 * assertEquals("h264", mp4.videoCodec());
 * BufferedImage first = mp4.frame(0);
 * }</pre>
 */
public final class Mp4Probe {
    private final Path file;
    private final byte[] bytes;

    private String format;
    private String majorBrand;
    private List<String> topLevelBoxes;
    private String videoCodec;
    private int width;
    private int height;
    private String pixelFormat;
    private double frameRate;
    private int frameCount;
    private double durationSeconds;
    private double videoDurationSeconds;
    private boolean hasAudio;
    private String audioCodec;
    private int sampleRate;
    private int audioChannels;
    private long audioSamples;
    private double audioPeak;
    private double audioRms;
    private final List<String> frameHashes = new ArrayList<>();
    private float[][] audio = new float[0][];

    static {
        av_log_set_level(AV_LOG_ERROR);
    }

    private Mp4Probe(Path file, byte[] bytes) {
        this.file = file;
        this.bytes = bytes;
    }

    /** Probes the MP4 file at {@code file}, decoding all of it. */
    public static Mp4Probe of(Path file) {
        Mp4Probe probe = new Mp4Probe(file, null);
        probe.scan();
        return probe;
    }

    /** Probes an MP4 held in memory, decoding all of it. */
    public static Mp4Probe of(byte[] mp4) {
        Mp4Probe probe = new Mp4Probe(null, mp4.clone());
        probe.scan();
        return probe;
    }

    /** Demuxer name as FFmpeg reports it, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2}. */
    public String format() { return format; }

    /** The {@code ftyp} major brand, e.g. {@code isom}. */
    public String majorBrand() { return majorBrand; }

    /** Types of the top-level boxes in file order, e.g. {@code [ftyp, moov, free, mdat]} for faststart. */
    public List<String> topLevelBoxes() { return topLevelBoxes; }

    /** Whether {@code moov} comes before {@code mdat} (progressive playback without range requests). */
    public boolean isFastStart() {
        int moov = topLevelBoxes.indexOf("moov");
        int mdat = topLevelBoxes.indexOf("mdat");
        return moov >= 0 && mdat >= 0 && moov < mdat;
    }

    /** Codec of the first video stream, e.g. {@code h264}; null without video. */
    public String videoCodec() { return videoCodec; }

    public int width() { return width; }

    public int height() { return height; }

    /** Pixel format of the coded video, e.g. {@code yuv420p}. */
    public String pixelFormat() { return pixelFormat; }

    /** Average frame rate of the video stream. */
    public double frameRate() { return frameRate; }

    /** Video frames actually decoded. */
    public int frameCount() { return frameCount; }

    /** Container duration in seconds (the longest stream). */
    public double durationSeconds() { return durationSeconds; }

    /** Duration of the video stream alone, in seconds; NaN if the container does not say. */
    public double videoDurationSeconds() { return videoDurationSeconds; }

    public boolean hasAudio() { return hasAudio; }

    /** Codec of the first audio stream, e.g. {@code aac}; null without audio. */
    public String audioCodec() { return audioCodec; }

    public int sampleRate() { return sampleRate; }

    public int audioChannels() { return audioChannels; }

    /** Decoded audio samples per channel. */
    public long audioSamples() { return audioSamples; }

    /** Largest absolute decoded sample, 0..1 (1 = full scale). */
    public double audioPeak() { return audioPeak; }

    /** Root mean square of all decoded samples, 0..1. */
    public double audioRms() { return audioRms; }

    /** The decoded audio, one array per channel (kept for clips of up to a minute). */
    public float[][] audio() { return audio; }

    /** Integrated loudness of the decoded audio in LUFS (ITU-R BS.1770-4), see {@link Loudness}. */
    public double loudness() {
        return Loudness.integrated(audio, sampleRate);
    }

    /** Decodes every video frame again, in order, as TYPE_INT_RGB images (for short clips). */
    public List<BufferedImage> frames() {
        return withSource(path -> {
            List<BufferedImage> frames = new ArrayList<>();
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(path.toFile())) {
                grabber.start();
                Frame frame;
                while ((frame = grabber.grabImage()) != null) frames.add(toImage(frame));
            }
            return frames;
        });
    }

    /** SHA-256 (hex) of every decoded video frame's pixels, in order. */
    public List<String> frameHashes() { return List.copyOf(frameHashes); }

    /** Decodes again and returns video frame {@code n} (0-based) as a TYPE_INT_RGB image. */
    public BufferedImage frame(int n) {
        if (n < 0 || n >= frameCount) throw new IndexOutOfBoundsException("frame " + n + " of " + frameCount);
        return withSource(path -> {
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(path.toFile())) {
                grabber.start();
                int index = 0;
                Frame frame;
                while ((frame = grabber.grabImage()) != null) {
                    if (index++ == n) return toImage(frame);
                }
                throw new IllegalStateException("the video ended before frame " + n);
            }
        });
    }

    /**
     * Mean absolute difference per channel (0..255) between two images of the same size; 0 means equal.
     */
    public static double meanAbsDifference(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new IllegalArgumentException("sizes differ: " + a.getWidth() + "x" + a.getHeight()
                    + " vs " + b.getWidth() + "x" + b.getHeight());
        }
        int w = a.getWidth();
        int h = a.getHeight();
        int[] rowA = new int[w];
        int[] rowB = new int[w];
        long sum = 0;
        for (int y = 0; y < h; y++) {
            a.getRGB(0, y, w, 1, rowA, 0, w);
            b.getRGB(0, y, w, 1, rowB, 0, w);
            for (int x = 0; x < w; x++) {
                int p = rowA[x];
                int q = rowB[x];
                sum += Math.abs(((p >> 16) & 0xFF) - ((q >> 16) & 0xFF))
                        + Math.abs(((p >> 8) & 0xFF) - ((q >> 8) & 0xFF))
                        + Math.abs((p & 0xFF) - (q & 0xFF));
            }
        }
        return sum / (3.0 * w * h);
    }

    private interface Decode<T> {
        T apply(Path path) throws Exception;
    }

    private <T> T withSource(Decode<T> decode) {
        Path temp = null;
        try {
            Path path = file;
            if (path == null) {
                temp = Files.createTempFile("mp4probe-", ".mp4");
                Files.write(temp, bytes);
                path = temp;
            }
            return decode.apply(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not decode the MP4", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    private void scan() {
        withSource(path -> {
            topLevelBoxes = Mp4Boxes.topLevel(path);
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(path.toFile())) {
                grabber.setSampleMode(FrameGrabber.SampleMode.FLOAT);
                grabber.start();
                format = grabber.getFormat();
                majorBrand = grabber.getMetadata("major_brand");
                durationSeconds = grabber.getLengthInTime() / 1_000_000.0;
                readStreams(grabber.getFormatContext());
                decodeAll(grabber);
            }
            return null;
        });
    }

    private void readStreams(AVFormatContext context) {
        for (int i = 0; i < context.nb_streams(); i++) {
            AVStream stream = context.streams(i);
            AVCodecParameters par = stream.codecpar();
            if (par.codec_type() == AVMEDIA_TYPE_VIDEO && videoCodec == null) {
                videoCodec = avcodec_get_name(par.codec_id()).getString();
                width = par.width();
                height = par.height();
                BytePointer name = av_get_pix_fmt_name(par.format());
                pixelFormat = name == null || name.isNull() ? null : name.getString();
                if (stream.avg_frame_rate().den() != 0) {
                    frameRate = stream.avg_frame_rate().num() / (double) stream.avg_frame_rate().den();
                }
                videoDurationSeconds = stream.duration() == AV_NOPTS_VALUE ? Double.NaN
                        : stream.duration() * stream.time_base().num() / (double) stream.time_base().den();
            } else if (par.codec_type() == AVMEDIA_TYPE_AUDIO && audioCodec == null) {
                hasAudio = true;
                audioCodec = avcodec_get_name(par.codec_id()).getString();
                sampleRate = par.sample_rate();
                audioChannels = par.ch_layout().nb_channels();
            }
        }
    }

    private void decodeAll(FFmpegFrameGrabber grabber) throws Exception {
        MessageDigest sha = sha256();
        double sumSquares = 0;
        long values = 0;
        int channels = Math.max(1, audioChannels);
        List<float[]> chunks = new ArrayList<>(); // per decoded frame: interleaved samples
        Frame frame;
        while ((frame = grabber.grabFrame(true, true, true, false)) != null) {
            if (frame.image != null) {
                frameCount++;
                frameHashes.add(hash(sha, frame));
            }
            if (frame.samples != null) {
                float[] interleaved = interleave(frame.samples, channels);
                chunks.add(interleaved);
                for (float v : interleaved) {
                    audioPeak = Math.max(audioPeak, Math.abs(v));
                    sumSquares += v * v;
                    values++;
                }
            }
        }
        audioSamples = audioChannels == 0 ? 0 : values / audioChannels;
        audioRms = values == 0 ? 0 : Math.sqrt(sumSquares / values);
        if (audioChannels > 0 && audioSamples <= 60L * Math.max(1, sampleRate)) {
            audio = new float[audioChannels][(int) audioSamples];
            int at = 0;
            for (float[] chunk : chunks) {
                for (int i = 0; i + audioChannels <= chunk.length; i += audioChannels, at++) {
                    for (int c = 0; c < audioChannels; c++) audio[c][at] = chunk[i + c];
                }
            }
        }
    }

    /** The samples of one decoded audio frame, interleaved, whether FFmpeg gave them planar or packed. */
    private static float[] interleave(Buffer[] buffers, int channels) {
        if (buffers.length == 1) {
            FloatBuffer f = asFloats(buffers[0]);
            float[] out = new float[f.remaining()];
            f.get(out);
            return out;
        }
        FloatBuffer[] planes = new FloatBuffer[buffers.length];
        for (int c = 0; c < buffers.length; c++) planes[c] = asFloats(buffers[c]);
        int n = planes[0].remaining();
        float[] out = new float[n * buffers.length];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < buffers.length; c++) out[i * buffers.length + c] = planes[c].get(planes[c].position() + i);
        }
        return out;
    }

    private static FloatBuffer asFloats(Buffer buffer) {
        if (buffer instanceof FloatBuffer f) return f.duplicate();
        if (buffer instanceof ShortBuffer s) {
            ShortBuffer d = s.duplicate();
            FloatBuffer out = FloatBuffer.allocate(d.remaining());
            while (d.hasRemaining()) out.put(d.get() / 32768f);
            return out.flip();
        }
        throw new IllegalStateException("unexpected sample buffer " + buffer.getClass());
    }

    private static String hash(MessageDigest sha, Frame frame) {
        ByteBuffer data = ((ByteBuffer) frame.image[0]).duplicate();
        int rowBytes = frame.imageWidth * frame.imageChannels;
        byte[] row = new byte[rowBytes];
        for (int y = 0; y < frame.imageHeight; y++) {
            data.position(y * frame.imageStride);
            data.get(row);
            sha.update(row);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static BufferedImage toImage(Frame frame) {
        if (frame.imageChannels != 3) throw new IllegalStateException("expected BGR frames, got " + frame.imageChannels + " channels");
        ByteBuffer data = ((ByteBuffer) frame.image[0]).duplicate();
        int w = frame.imageWidth;
        int h = frame.imageHeight;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            int base = y * frame.imageStride;
            for (int x = 0; x < w; x++) {
                int b = data.get(base + 3 * x) & 0xFF;
                int g = data.get(base + 3 * x + 1) & 0xFF;
                int r = data.get(base + 3 * x + 2) & 0xFF;
                row[x] = (r << 16) | (g << 8) | b;
            }
            image.setRGB(0, y, w, 1, row, 0, w);
        }
        return image;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
