package dev.vidgate.engine.builtin;

import dev.vidgate.engine.builtin.frame.FinishPass;
import dev.vidgate.engine.builtin.frame.FrameBuffer;
import dev.vidgate.engine.builtin.frame.Grade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreviewsTest {
    private static final int FRAMES = 49;

    @TempDir
    Path dir;

    /** Frame {@code index} of a clip where each frame is one flat colour, red rising with the index. */
    private static int colourOf(int index) {
        return ((20 + 4 * index) << 16) | (150 << 8) | (200 - 3 * index);
    }

    /** Feeds frames {@code 0..until-1} of a clip of flat colours, converted to planes as rendered frames are. */
    private static Previews previewsOfFlatFrames(int width, int height, int until, Path thumbnail) throws IOException {
        Previews previews = new Previews(width, height, FRAMES, thumbnail);
        FrameBuffer frame = new FrameBuffer(width, height);
        for (int i = 0; i < until; i++) {
            java.util.Arrays.fill(frame.pixels(), colourOf(i));
            FinishPass.apply(frame, Grade.NEUTRAL, null);
            previews.accept(i, frame);
        }
        return previews;
    }

    private static void assertColourNear(int expected, int actual, int tolerance, String what) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = (expected >> shift) & 0xFF;
            int a = (actual >> shift) & 0xFF;
            assertTrue(Math.abs(e - a) <= tolerance, what + ": channel " + shift + " is " + a + ", expected " + e);
        }
    }

    @Test
    void eachSpritesheetTileShowsItsEvenlySpacedFrame() throws IOException {
        for (int[] size : new int[][] {{1280, 720}, {240, 136}}) { // made at half size, and at full size
            Previews previews = previewsOfFlatFrames(size[0], size[1], FRAMES, dir.resolve("thumbnail-" + size[0] + ".webp"));
            Path file = dir.resolve("sheet-" + size[0] + ".jpg");
            previews.writeSpritesheet(file);
            BufferedImage sheet = ImageIO.read(file.toFile());
            int tileHeight = sheet.getHeight() / Previews.ROWS;
            for (int k = 0; k < Previews.COLUMNS * Previews.ROWS; k++) {
                int frame = k * (FRAMES - 1) / (Previews.COLUMNS * Previews.ROWS - 1);
                int x = (k % Previews.COLUMNS) * Previews.TILE_WIDTH + Previews.TILE_WIDTH / 2;
                int y = (k / Previews.COLUMNS) * tileHeight + tileHeight / 2;
                assertColourNear(colourOf(frame), sheet.getRGB(x, y), 6, size[0] + " wide, tile " + k);
            }
        }
    }

    @Test
    void theThumbnailIsTheMiddleFrameWrittenAsSoonAsItArrives() throws IOException {
        Path file = dir.resolve("thumbnail.webp");
        Previews before = previewsOfFlatFrames(1280, 720, FRAMES / 2, file);
        assertFalse(before.thumbnailWritten());
        assertFalse(Files.exists(file));

        Previews previews = previewsOfFlatFrames(1280, 720, FRAMES / 2 + 1, file);
        assertTrue(previews.thumbnailWritten());
        BufferedImage thumbnail = ImageIO.read(file.toFile());
        assertEquals(640, thumbnail.getWidth());
        assertEquals(360, thumbnail.getHeight());
        assertColourNear(colourOf(FRAMES / 2), thumbnail.getRGB(320, 180), 6, "thumbnail centre");
    }
}
