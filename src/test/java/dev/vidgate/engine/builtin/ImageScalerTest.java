package dev.vidgate.engine.builtin;

import dev.vidgate.engine.builtin.frame.FrameBuffer;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.Test;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageScalerTest {

    private static BufferedImage copyAs(BufferedImage source, int type) {
        BufferedImage copy = new BufferedImage(source.getWidth(), source.getHeight(), type);
        Graphics2D g = copy.createGraphics();
        try {
            g.drawImage(source, 0, 0, null);
        } finally {
            g.dispose();
        }
        return copy;
    }

    private static int largestChannelDifference(BufferedImage a, BufferedImage b) {
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        int worst = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    worst = Math.max(worst, Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF)));
                }
            }
        }
        return worst;
    }

    @Test
    void halvingAveragesEachTwoByTwoBlockRoundingHalvesUp() {
        BufferedImage image = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        int[] block = {0x000000, 0x010203, 0xFFFFFF, 0xFF0000, 0x000000, 0x010203, 0xFFFFFF, 0x00FF00};
        image.setRGB(0, 0, 4, 2, block, 0, 4);

        BufferedImage half = ImageScaler.resize(image, 2, 1);

        // left: red 2/4 = 0.5 rounds to 1, green 4/4 = 1, blue 6/4 = 1.5 rounds to 2
        assertEquals(0x010102, half.getRGB(0, 0) & 0xFFFFFF);
        // right: red and green 765/4 = 191.25 round to 191, blue 510/4 = 127.5 rounds to 128
        assertEquals(0xBFBF80, half.getRGB(1, 0) & 0xFFFFFF);
    }

    @Test
    void aPackedFrameShrinksLikeJava2dDoesWithAnyOtherImageType() {
        BufferedImage picture = TestImages.image(1280, 720, 7);
        FrameBuffer frame = new FrameBuffer(1280, 720);
        picture.getRGB(0, 0, 1280, 720, frame.pixels(), 0, 1280);
        for (int i = 0; i < frame.pixels().length; i++) frame.pixels()[i] &= 0xFFFFFF;

        BufferedImage fast = ImageScaler.resize(frame.image(), 160, 90);
        BufferedImage java2d = ImageScaler.resize(copyAs(picture, BufferedImage.TYPE_3BYTE_BGR), 160, 90);

        assertTrue(largestChannelDifference(fast, java2d) <= 2, "differs by " + largestChannelDifference(fast, java2d));
    }

    @Test
    void anImageWithPaddedRowsIsStillShrunkCorrectly() {
        BufferedImage wide = TestImages.image(1300, 720, 3);
        BufferedImage window = wide.getSubimage(10, 0, 1280, 720); // rows 1300 apart: not the packed fast path

        BufferedImage shrunk = ImageScaler.resize(window, 320, 180);
        BufferedImage expected = ImageScaler.resize(copyAs(window, BufferedImage.TYPE_INT_RGB), 320, 180);

        assertTrue(largestChannelDifference(shrunk, expected) <= 2, "differs by " + largestChannelDifference(shrunk, expected));
    }
}
