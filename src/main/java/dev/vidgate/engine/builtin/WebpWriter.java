package dev.vidgate.engine.builtin;

import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_WEBP;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_0RGB;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR0;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.swscale.SWS_ACCURATE_RND;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;

/** Writes one still image as a lossy WebP file with FFmpeg's libwebp encoder. */
final class WebpWriter {
    private static final String QUALITY = "82";

    private WebpWriter() {}

    static void write(BufferedImage image, Path file) throws FrameRecorder.Exception {
        FfmpegSupport.init();
        BufferedImage rgb = ReferenceImage.toRgb(image);
        int width = rgb.getWidth();
        int height = rgb.getHeight();
        int[] pixels = rgb.getRGB(0, 0, width, height, null, 0, width);
        ByteBuffer bytes = ByteBuffer.allocateDirect(pixels.length * 4).order(ByteOrder.nativeOrder());
        bytes.asIntBuffer().put(pixels);
        int pixelFormat = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? AV_PIX_FMT_BGR0 : AV_PIX_FMT_0RGB;

        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
        try {
            recorder.setFormat("webp");
            recorder.setVideoCodec(AV_CODEC_ID_WEBP);
            recorder.setVideoCodecName("libwebp");
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setImageScalingFlags(SWS_BICUBIC | SWS_ACCURATE_RND);
            recorder.setVideoOption("quality", QUALITY);
            recorder.start();
            recorder.recordImage(width, height, Frame.DEPTH_UBYTE, 4, width * 4, pixelFormat, bytes);
            recorder.stop();
        } finally {
            recorder.release();
        }
    }
}
