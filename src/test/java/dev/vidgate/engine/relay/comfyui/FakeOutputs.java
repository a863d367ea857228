package dev.vidgate.engine.relay.comfyui;

import dev.vidgate.testsupport.media.TestImages;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGRA;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

/**
 * Test-data builder: the files a ComfyUI workflow saves, made with FFmpeg's encoders: an H.264 MP4 (as core
 * {@code SaveVideo}), a VP9 WebM ({@code SaveWEBM}), an animated WebP ({@code SaveAnimatedWEBP}) and a PNG
 * sequence ({@code SaveImage}); {@code frames} frames at {@code fps} of a colour that changes frame by frame.
 */
final class FakeOutputs {
    record File(String name, byte[] bytes) {}

    private FakeOutputs() {}

    static List<File> mp4(int width, int height, int frames, int fps) {
        return List.of(new File("vidgate_00001_.mp4", record("mp4", "libopenh264", width, height, frames, fps)));
    }

    static List<File> webm(int width, int height, int frames, int fps) {
        return List.of(new File("vidgate_00001_.webm", record("webm", "libvpx-vp9", width, height, frames, fps)));
    }

    static List<File> animatedWebp(int width, int height, int frames, int fps) {
        return List.of(new File("vidgate_00001_.webp", record("webp", "libwebp_anim", width, height, frames, fps)));
    }

    static List<File> pngSequence(int width, int height, int frames) {
        List<File> files = new ArrayList<>();
        for (int n = 0; n < frames; n++) {
            files.add(new File(String.format("vidgate_%05d_.png", n + 1), TestImages.png(TestImages.image(width, height, n))));
        }
        return files;
    }

    private static byte[] record(String format, String codec, int width, int height, int frames, int fps) {
        try {
            Path file = Files.createTempFile("comfy-output-", "." + format);
            try {
                try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0)) {
                    recorder.setFormat(format);
                    recorder.setVideoCodecName(codec);
                    recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
                    recorder.setFrameRate(fps);
                    recorder.setVideoBitrate(400_000);
                    if (format.equals("webp")) recorder.setVideoOption("loop", "0");
                    recorder.start();
                    ByteBuffer data = ByteBuffer.allocateDirect(width * height * 4).order(ByteOrder.LITTLE_ENDIAN);
                    for (int n = 0; n < frames; n++) {
                        data.clear();
                        int colour = 0xFF000000 | ((40 + n * 23) % 256) << 16 | 120 << 8 | ((200 - n * 11) & 0xFF);
                        for (int i = 0; i < width * height; i++) data.putInt(colour);
                        data.clear();
                        recorder.recordImage(width, height, Frame.DEPTH_UBYTE, 4, width * 4, AV_PIX_FMT_BGRA, data);
                    }
                    recorder.stop();
                }
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
