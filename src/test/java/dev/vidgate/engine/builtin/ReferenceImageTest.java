package dev.vidgate.engine.builtin;

import dev.vidgate.testsupport.media.Mp4Probe;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferenceImageTest {
    private static final int W = 320;
    private static final int H = 180;

    private static BufferedImage asImage(int[] pixels) {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, W, H, pixels, 0, W);
        return image;
    }

    @Test
    void decodesPngExactly() {
        BufferedImage original = TestImages.image(W, H);
        int[] pixels = ReferenceImage.decode(TestImages.png(original), W, H);
        assertArrayEquals(original.getRGB(0, 0, W, H, null, 0, W), asImage(pixels).getRGB(0, 0, W, H, null, 0, W));
    }

    @Test
    void decodesJpegCloseToTheOriginal() {
        BufferedImage original = TestImages.image(W, H);
        int[] pixels = ReferenceImage.decode(TestImages.jpeg(original, 0.95f), W, H);
        assertTrue(Mp4Probe.meanAbsDifference(original, asImage(pixels)) < 4);
    }

    @Test
    void decodesLosslessWebpExactly() {
        Assumptions.assumeTrue(TestImages.canWriteWebp(), "no WebP encoder here");
        BufferedImage original = TestImages.image(W, H);
        int[] pixels = ReferenceImage.decode(TestImages.webp(original, true), W, H);
        assertEquals(0.0, Mp4Probe.meanAbsDifference(original, asImage(pixels)), 0.01);
    }

    @Test
    void coversTheFrameWhenTheSizeDiffers() {
        int[] pixels = ReferenceImage.decode(TestImages.png(640, 480), W, H);
        assertEquals(W * H, pixels.length);
    }

    @Test
    void rejectsBytesThatAreNotAnImage() {
        assertThrows(BadInputException.class, () -> ReferenceImage.decode(new byte[] {1, 2, 3, 4}, W, H));
        assertThrows(BadInputException.class, () -> ReferenceImage.decode(new byte[0], W, H));
        byte[] png = TestImages.png(W, H);
        byte[] truncated = java.util.Arrays.copyOf(png, png.length / 2);
        assertThrows(BadInputException.class, () -> ReferenceImage.decode(truncated, W, H));
    }

    @Test
    void refusesAnImageThatClaimsToBeHuge() {
        byte[] png = TestImages.png(16, 16);
        // rewrite the IHDR chunk to claim 100000 x 100000 pixels, with a valid checksum
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(16, 100_000).putInt(20, 100_000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        b.putInt(29, (int) crc.getValue());
        BadInputException e = assertThrows(BadInputException.class, () -> ReferenceImage.decode(png, W, H));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
    }
}
