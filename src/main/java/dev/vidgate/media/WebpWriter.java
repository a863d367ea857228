package dev.vidgate.media;

import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_WEBP;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_INFO;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_0RGB;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR0;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_log_get_level;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.swscale.SWS_ACCURATE_RND;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;

/**
 * Writes one still image as a lossy WebP file with FFmpeg's libwebp encoder. Shared by the engines
 * that make thumbnails (the built-in renderer, and the relay when an upstream has none).
 */
public final class WebpWriter {
    private static final String QUALITY = "82";

    static {
        // FFmpeg prints encoder banners at INFO; a level somebody else chose explicitly is left alone.
        if (av_log_get_level() == AV_LOG_INFO) av_log_set_level(AV_LOG_ERROR);
    }

    private WebpWriter() {}

    /** Encodes {@code image} (any type; converted to RGB first) into {@code file}. */
    public static void write(BufferedImage image, Path file) throws FrameRecorder.Exception {
        BufferedImage rgb = asIntRgb(image);
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

    private static BufferedImage asIntRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) return image;
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }
}
