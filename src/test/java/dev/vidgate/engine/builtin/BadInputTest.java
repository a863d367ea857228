package dev.vidgate.engine.builtin;

import dev.vidgate.testsupport.media.Mp4Probe;
import dev.vidgate.testsupport.media.ReferencePictures;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever the prompt, a valid video; whatever the picture, its true colours upright, or a clear refusal. */
class BadInputTest {
    private static final BufferedImage PICTURE = TestImages.image(320, 180, 4);

    @TempDir
    static Path dir;

    private static void assertValidClip(Mp4Probe mp4, String what) {
        assertEquals(24, mp4.frameCount(), what);
        assertTrue(mp4.hasAudio(), what);
        assertEquals("h264", mp4.videoCodec(), what);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\u200B\u200B\u200B", "🌊🔥🚀✨", "…", "日本語のプロンプト、夕焼けの海", "قمر فوق البحر", "Ünïcödé — ñ",
            "\n\t\n", "then then and and no no", "<script>alert(1)</script>", "%s%n%x"})
    void anyPromptMakesAValidVideo(String prompt) {
        assertValidClip(Clips.prompt(prompt).size(160, 90).render(dir), "prompt [" + prompt + "]");
        assertValidClip(Clips.prompt(prompt).size(160, 90).from(TestImages.image(160, 90)).render(dir), "image prompt [" + prompt + "]");
    }

    @Test
    void aPromptOfThirtyTwoThousandCharactersMakesAValidVideo() {
        String prompt = "一只猫 pan left 🌊 at sunset, rain; ".repeat(1200).substring(0, 32_000);
        assertValidClip(Clips.prompt(prompt).size(160, 90).render(dir), "32000 characters");
    }

    private static void assertRendersPicture(byte[] encoded, BufferedImage expected, double tolerance) {
        BufferedImage first = Clips.prompt("static").fromBytes(encoded).render(dir).frame(0);
        double diff = Mp4Probe.meanAbsDifference(expected, first);
        assertTrue(diff < tolerance, "frame 0 differs from the picture by " + diff);
    }

    @Test
    void aPngWithAlphaIsLaidOverBlack() {
        BufferedImage overBlack = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 180; y++) {
            for (int x = 0; x < 320; x++) {
                int a = 255 - 255 * x / 319;
                int p = PICTURE.getRGB(x, y);
                int r = ((p >> 16) & 0xFF) * a / 255;
                int g = ((p >> 8) & 0xFF) * a / 255;
                int b = (p & 0xFF) * a / 255;
                overBlack.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        assertRendersPicture(ReferencePictures.pngWithAlpha(PICTURE), overBlack, 3);
    }

    @Test
    void greyscaleAndSixteenBitPngsKeepTheirLevels() {
        BufferedImage grey = new BufferedImage(320, 180, BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(PICTURE, 0, 0, null);
        BufferedImage greyRgb = dev.vidgate.media.RgbImages.toRgb(grey);
        assertRendersPicture(ReferencePictures.greyPng(PICTURE), greyRgb, 3);
        assertRendersPicture(ReferencePictures.png16(PICTURE), PICTURE, 3);
    }

    @Test
    void cmykAndYcckJpegsShowTheirTrueColours() {
        assertRendersPicture(ReferencePictures.adobeJpeg(PICTURE, false), PICTURE, 5);
        assertRendersPicture(ReferencePictures.adobeJpeg(PICTURE, true), PICTURE, 5);
    }

    @Test
    void aPhotoStoredSidewaysIsTurnedUpright() {
        assertRendersPicture(ReferencePictures.sidewaysJpeg(PICTURE, 6), PICTURE, 4);
        assertRendersPicture(ReferencePictures.sidewaysJpeg(PICTURE, 8), PICTURE, 4);
    }

    @Test
    void anUnreadablePictureIsRefusedWithAClearReason() {
        byte[] jpeg = ReferencePictures.adobeJpeg(PICTURE, false);
        BadInputException e = assertThrows(BadInputException.class, () -> ReferenceImage.decode(Arrays.copyOf(jpeg, 300), 320, 180));
        assertTrue(e.getMessage().contains("reference image"), e.getMessage());
        assertThrows(BadInputException.class, () -> ReferenceImage.decode("GIF89a".getBytes(), 320, 180));
    }
}
