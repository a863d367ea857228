package dev.vidgate.testsupport.media;

import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGRA;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

/**
 * Test-data builder: small real H.264 MP4 files (video only, 8 fps), such as an upstream provider
 * would deliver. Frame {@code n} is a left-to-right colour ramp whose colour depends on {@code n}, so
 * the first frame of a clip is recognisable. Clips are cached by size and length.
 */
public final class TestClips {
    public static final int FPS = 8;
    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    static {
        av_log_set_level(AV_LOG_ERROR);
    }

    private TestClips() {}

    public static byte[] mp4(int width, int height, int seconds) {
        return CACHE.computeIfAbsent(width + "x" + height + "@" + seconds, key -> encode(width, height, seconds)).clone();
    }

    /** The colour (ARGB) of column {@code x} in frame {@code n}. */
    public static int pixel(int n, int x, int width) {
        int red = 40 + (n * 37) % 180;
        int green = 30 + (x * 190) / Math.max(1, width - 1);
        int blue = 200 - (n * 23) % 150;
        return 0xFF000000 | red << 16 | green << 8 | blue;
    }

    private static byte[] encode(int width, int height, int seconds) {
        try {
            Path file = Files.createTempFile("testclip-", ".mp4");
            try {
                record(file, width, height, seconds);
                return Files.readAllBytes(file);
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void record(Path file, int width, int height, int seconds) throws IOException {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0)) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(AV_CODEC_ID_H264);
            recorder.setVideoCodecName("libopenh264");
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(FPS);
            recorder.setVideoBitrate(400_000);
            recorder.start();
            ByteBuffer data = ByteBuffer.allocateDirect(width * height * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int n = 0; n < seconds * FPS; n++) {
                data.clear();
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) data.putInt(pixel(n, x, width));
                }
                data.clear();
                recorder.recordImage(width, height, Frame.DEPTH_UBYTE, 4, width * 4, AV_PIX_FMT_BGRA, data);
            }
            recorder.stop();
        }
    }
}
