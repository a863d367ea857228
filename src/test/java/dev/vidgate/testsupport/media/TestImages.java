package dev.vidgate.testsupport.media;

import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_WEBP;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGRA;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

/**
 * Test-data builder: deterministic, recognisable pictures (two-axis colour gradient, circles, a
 * rounded rectangle, a triangle, stripes and a checkerboard patch) of any size, as a
 * {@link BufferedImage} or encoded PNG / JPEG / WebP / GIF bytes. The same size and seed always give the
 * same pixels. Also hostile files made byte by byte: PNGs with any IHDR and IDAT, and lossless WebPs
 * that declare a huge picture in a few bytes.
 */
public final class TestImages {
    static {
        av_log_set_level(AV_LOG_ERROR); // no stream banners from the WebP encoder
    }

    private TestImages() {}

    /** A TYPE_INT_RGB picture of {@code width x height}; {@code seed} varies colours and layout. */
    public static BufferedImage image(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            float hue = random.nextFloat();
            g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, 0.7f, 0.9f),
                    width, height, Color.getHSBColor(hue + 0.45f, 0.8f, 0.35f)));
            g.fillRect(0, 0, width, height);
            g.setPaint(new GradientPaint(0, height, new Color(255, 255, 255, 0), width, 0, new Color(255, 255, 255, 90)));
            g.fillRect(0, 0, width, height);

            double unit = Math.min(width, height);
            for (int i = 0; i < 4; i++) {
                g.setColor(Color.getHSBColor(hue + 0.2f * i, 0.6f, 0.95f));
                double r = unit * (0.08 + 0.1 * random.nextDouble());
                g.fill(new Ellipse2D.Double(width * (0.1 + 0.8 * random.nextDouble()) - r,
                        height * (0.1 + 0.8 * random.nextDouble()) - r, 2 * r, 2 * r));
            }
            g.setColor(new Color(20, 20, 30, 200));
            g.setStroke(new BasicStroke((float) Math.max(2, unit * 0.01)));
            g.draw(new RoundRectangle2D.Double(width * 0.08, height * 0.55, width * 0.35, height * 0.3, unit * 0.05, unit * 0.05));

            Path2D.Double triangle = new Path2D.Double();
            triangle.moveTo(width * 0.6, height * 0.85);
            triangle.lineTo(width * 0.9, height * 0.85);
            triangle.lineTo(width * 0.75, height * 0.55);
            triangle.closePath();
            g.setColor(new Color(250, 240, 200, 220));
            g.fill(triangle);

            int stripe = Math.max(2, (int) (unit / 60));
            for (int i = 0; i < 8; i++) {
                g.setColor(i % 2 == 0 ? new Color(240, 240, 240) : new Color(30, 30, 40));
                g.fillRect((int) (width * 0.05) + i * stripe, (int) (height * 0.08), stripe, (int) (height * 0.25));
            }
            int cell = Math.max(4, (int) (unit / 24));
            int x0 = (int) (width * 0.55);
            int y0 = (int) (height * 0.1);
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 6; x++) {
                    g.setColor((x + y) % 2 == 0 ? new Color(200, 60, 60) : new Color(60, 60, 200));
                    g.fillRect(x0 + x * cell, y0 + y * cell, cell, cell);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    public static BufferedImage image(int width, int height) {
        return image(width, height, 1);
    }

    public static byte[] png(int width, int height) {
        return png(image(width, height));
    }

    public static byte[] png(BufferedImage image) {
        return write(image, "png");
    }

    public static byte[] jpeg(int width, int height) {
        return jpeg(image(width, height), 0.92f);
    }

    public static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** Whether {@link #webp} works here (it needs FFmpeg's libwebp encoder). */
    public static boolean canWriteWebp() {
        try {
            return webp(image(16, 16), true).length > 0;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public static byte[] webp(int width, int height) {
        return webp(image(width, height), true);
    }

    /** Encodes {@code image} as WebP with FFmpeg's libwebp, lossless or at quality 90. */
    public static byte[] webp(BufferedImage image, boolean lossless) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
        ByteBuffer data = ByteBuffer.allocateDirect(pixels.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int p : pixels) data.putInt(p | 0xFF000000); // memory order B, G, R, A
        data.clear();
        Path temp = null;
        try {
            temp = Files.createTempFile("testimage-", ".webp");
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(temp.toFile(), w, h, 0)) {
                recorder.setFormat("webp");
                recorder.setVideoCodec(AV_CODEC_ID_WEBP);
                recorder.setVideoCodecName("libwebp");
                recorder.setPixelFormat(AV_PIX_FMT_BGRA);
                recorder.setVideoOption("lossless", lossless ? "1" : "0");
                recorder.setVideoOption("quality", lossless ? "100" : "90");
                recorder.start();
                recorder.recordImage(w, h, Frame.DEPTH_UBYTE, 4, w * 4, AV_PIX_FMT_BGRA, data);
                recorder.stop();
            }
            return Files.readAllBytes(temp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    /** A GIF, a format the API does not take. */
    public static byte[] gif(int width, int height) {
        return write(image(width, height), "gif");
    }

    private static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) throw new IllegalStateException("no writer for " + format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A PNG built by hand: a valid IHDR declaring {@code width x height} (8-bit RGB), one IDAT holding
     * {@code idatPayload} as is, and IEND. With a tiny payload this is the classic decompression-bomb shape.
     */
    public static byte[] handMadePng(int width, int height, byte[] idatPayload) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).order(ByteOrder.BIG_ENDIAN);
        ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", idatPayload);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A zlib stream of {@code rawBytes} zero bytes: a few hundred bytes that inflate to a lot. */
    public static byte[] zlibZeros(int rawBytes) {
        var deflater = new Deflater(9);
        deflater.setInput(new byte[rawBytes]);
        deflater.finish();
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
        deflater.end();
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        var crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** See {@link WebpFiles#losslessWebp}. */
    public static byte[] losslessWebp(int width, int height) {
        return WebpFiles.losslessWebp(width, height);
    }
}
