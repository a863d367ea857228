package dev.vidgate.engine.builtin.scene;

import dev.vidgate.engine.builtin.Clips;
import dev.vidgate.testsupport.media.Mp4Probe;
import dev.vidgate.testsupport.media.ReferencePictures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The looks, checked on decoded frames of a still camera on a picture, against the same clip without
 * the look: each changes the picture visibly, the moving ones keep changing it over time, and frame 0
 * is still the reference (the look develops over the first second).
 */
public class LooksTest {
    private static final BufferedImage PICTURE = ReferencePictures.textured(320, 180, 11);

    @TempDir
    static Path dir;

    private static List<BufferedImage> plain;

    @BeforeAll
    static void renderWithoutLook() {
        plain = Clips.prompt("static shot").from(PICTURE).seconds(2).render(dir).frames();
    }

    private static List<BufferedImage> render(String look) {
        return Clips.prompt("static shot, " + look).from(PICTURE).seconds(2).render(dir).frames();
    }

    private static BufferedImage last(List<BufferedImage> frames) {
        return frames.getLast();
    }

    /** Mean absolute change between frames 30 and 34 (the look has fully developed by then). */
    private static double lateChange(List<BufferedImage> frames) {
        return Mp4Probe.meanAbsDifference(frames.get(30), frames.get(34));
    }

    @ParameterizedTest
    @ValueSource(strings = {"golden hour", "sunset", "night", "fog", "rain", "snow", "neon", "black and white", "cinematic",
            "flickering candlelight", "黄昏", "夜晚", "雾", "下雨", "下雪", "霓虹", "黑白", "电影感", "烛光闪烁", "黄金时刻"})
    void everyLookVisiblyChangesThePictureButNotTheFirstFrame(String look) {
        List<BufferedImage> frames = render(look);
        double changed = Mp4Probe.meanAbsDifference(last(plain), last(frames));
        assertTrue(changed > 4, look + " changed the picture by only " + changed);
        double first = Mp4Probe.meanAbsDifference(plain.getFirst(), frames.getFirst());
        assertTrue(first < 1, look + ": frame 0 should still be the reference, differs by " + first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rain", "snow", "fog", "flickering light"})
    void movingEffectsKeepChangingTheFrames(String look) {
        double still = lateChange(plain);
        double moving = lateChange(render(look));
        assertTrue(moving > still + 0.15, look + ": frames change by " + moving + " against " + still + " without it");
    }

    @Test
    void cinematicAddsBlackBarsTopAndBottom() {
        BufferedImage end = last(render("cinematic"));
        assertTrue(meanLuma(end, 0, 10) < 20, "top bar");
        assertTrue(meanLuma(end, end.getHeight() - 10, end.getHeight()) < 20, "bottom bar");
        assertTrue(meanLuma(end, 80, 100) > 40, "picture in the middle");
    }

    @Test
    void blackAndWhiteRemovesTheColour() {
        assertTrue(colourfulness(last(plain)) > 20, "the test picture is colourful");
        assertTrue(colourfulness(last(render("black and white"))) < 4);
    }

    @Test
    void nightDarkensAndGoldenHourWarms() {
        assertTrue(meanLuma(last(render("night")), 0, 180) < meanLuma(last(plain), 0, 180) * 0.7);
        assertTrue(warmth(last(render("golden hour"))) > warmth(last(plain)) + 10);
    }

    @Test
    void looksApplyToTextToVideoScenesToo() {
        List<BufferedImage> clear = Clips.prompt("abstract shapes").seconds(1).render(dir).frames();
        List<BufferedImage> rainy = Clips.prompt("abstract shapes, rain").seconds(1).render(dir).frames();
        assertTrue(Mp4Probe.meanAbsDifference(clear.get(12), rainy.get(12)) > 3);
    }

    static double meanLuma(BufferedImage image, int fromRow, int toRow) {
        double sum = 0;
        int n = 0;
        for (int y = fromRow; y < toRow; y++) {
            for (int x = 0; x < image.getWidth(); x++, n++) {
                int p = image.getRGB(x, y);
                sum += 0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF);
            }
        }
        return sum / n;
    }

    /** Mean spread between a pixel's largest and smallest channel. */
    public static double colourfulness(BufferedImage image) {
        return meanOver(image, (r, g, b) -> Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)));
    }

    /** Mean red minus mean blue. */
    static double warmth(BufferedImage image) {
        return meanOver(image, (r, g, b) -> r - b);
    }

    private interface PixelMeasure {
        double of(int r, int g, int b);
    }

    private static double meanOver(BufferedImage image, PixelMeasure measure) {
        double sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                sum += measure.of((p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF);
            }
        }
        return sum / (image.getWidth() * image.getHeight());
    }
}
