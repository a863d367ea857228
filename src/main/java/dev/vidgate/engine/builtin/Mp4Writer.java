package dev.vidgate.engine.builtin;

import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

/**
 * Streams frames and audio into a browser-playable MP4: H.264 (OpenH264, constrained baseline,
 * yuv420p, BT.601 matrix tagged as such), exactly {@link ClipFormat#FPS} fps, AAC-LC 48 kHz stereo,
 * {@code moov} at the front ({@code +faststart}). Frames arrive already in YUV 4:2:0 (converted by
 * {@link FinishPass} on the render threads), so the encoder thread does no colour conversion. One
 * instance per file; not thread-safe.
 */
final class Mp4Writer implements AutoCloseable {
    /** Bits per pixel per frame; ~5.3 Mbit/s at 1280x720, enough for frame 0 to match its source closely. */
    private static final double BITS_PER_PIXEL = 0.24;
    private static final int MIN_BITRATE = 1_000_000;
    private static final int AUDIO_BITRATE = 128_000;

    private final FFmpegFrameRecorder recorder;
    private final int width;
    private final int height;
    private final ByteBuffer frameBytes;
    private boolean finished;

    Mp4Writer(Path file, int width, int height) throws FrameRecorder.Exception {
        FfmpegSupport.init();
        this.width = width;
        this.height = height;
        this.frameBytes = ByteBuffer.allocateDirect(Math.multiplyExact(width, height) * 3 / 2).order(ByteOrder.nativeOrder());

        recorder = new FFmpegFrameRecorder(file.toFile(), width, height, ClipFormat.AUDIO_CHANNELS);
        recorder.setFormat("mp4");
        recorder.setVideoCodec(AV_CODEC_ID_H264);
        recorder.setVideoCodecName("libopenh264");
        recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(ClipFormat.FPS);
        recorder.setGopSize(2 * ClipFormat.FPS);
        recorder.setVideoBitrate(videoBitrate(width, height));
        recorder.setVideoOption("allow_skip_frames", "0");
        // one encoder thread: OpenH264's multi-threaded slicing balances slices by measured time,
        // which makes the bitstream differ from run to run; frames are rendered on another thread anyway
        recorder.setVideoOption("threads", "1");
        recorder.setVideoOption("colorspace", "smpte170m");
        recorder.setVideoOption("color_primaries", "bt709");
        recorder.setVideoOption("color_trc", "bt709");
        recorder.setVideoOption("color_range", "tv");

        recorder.setAudioCodec(AV_CODEC_ID_AAC);
        recorder.setAudioCodecName("aac");
        recorder.setSampleRate(ClipFormat.SAMPLE_RATE);
        recorder.setAudioChannels(ClipFormat.AUDIO_CHANNELS);
        recorder.setAudioBitrate(AUDIO_BITRATE);

        recorder.setOption("movflags", "+faststart");
        try {
            recorder.start();
        } catch (FrameRecorder.Exception | RuntimeException e) {
            recorder.release();
            throw e;
        }
    }

    static int videoBitrate(int width, int height) {
        return (int) Math.max(MIN_BITRATE, Math.min(50_000_000, BITS_PER_PIXEL * width * height * ClipFormat.FPS));
    }

    /** Encodes the next video frame from its YUV 4:2:0 planes (see {@link FrameBuffer#yuv()}). */
    void writeFrame(byte[] yuv420p) throws FrameRecorder.Exception {
        frameBytes.clear();
        frameBytes.put(yuv420p, 0, frameBytes.capacity());
        frameBytes.clear();
        recorder.recordImage(width, height, Frame.DEPTH_UBYTE, 1, width, AV_PIX_FMT_YUV420P, frameBytes);
    }

    /** Encodes the next {@code frames} stereo sample pairs from interleaved floats in [-1, 1]. */
    void writeAudio(float[] interleaved, int frames) throws FrameRecorder.Exception {
        if (frames <= 0) return;
        FloatBuffer samples = FloatBuffer.wrap(interleaved, 0, frames * ClipFormat.AUDIO_CHANNELS);
        recorder.recordSamples(ClipFormat.SAMPLE_RATE, ClipFormat.AUDIO_CHANNELS, samples);
    }

    /** Flushes the encoders and writes the trailer (moving {@code moov} to the front). */
    void finish() throws FrameRecorder.Exception {
        finished = true;
        recorder.stop();
    }

    /** Frees native resources; without {@link #finish()} the file is left incomplete. */
    @Override
    public void close() throws FrameRecorder.Exception {
        if (!finished) {
            finished = true;
            recorder.release();
        }
    }
}
