package dev.vidgate.engine.builtin;

import dev.vidgate.testsupport.media.Landscapes;
import dev.vidgate.testsupport.media.Landscapes.Landscape;
import dev.vidgate.testsupport.media.Motion;
import dev.vidgate.testsupport.media.Mp4Probe;
import dev.vidgate.testsupport.media.ReferencePictures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Living pictures measured on decoded frames: the MP4 the engine writes is decoded and compared region by
 * region with the reference it started from (a lakeside built by {@link Landscapes}), not read from the
 * renderer's state.
 */
class LivingPicturesTest {
    private static final Landscape LAKESIDE = Landscapes.lakeside(384, 216);

    @TempDir
    static Path dir;

    private static List<BufferedImage> lapping;
    private static List<BufferedImage> still;

    @BeforeAll
    static void renderTheWavesAndLeavesAndAStillPicture() {
        lapping = render("static camera, gentle waves lapping, leaves swaying", LAKESIDE.picture()).frames();
        still = render("static camera, still picture, waves", LAKESIDE.picture()).frames();
    }

    private static Mp4Probe render(String prompt, BufferedImage picture) {
        return Clips.prompt(prompt).from(picture).size(picture.getWidth(), picture.getHeight()).seconds(2).render(dir);
    }

    @Test
    void wavesAndLeavesMoveInsideTheWaterAndTheFoliageWhileTheWallAndTheSkyStayStill() {
        double water = 0;
        double foliage = 0;
        double wall = 0;
        double sky = 0;
        for (int k : new int[] {12, 24, 36, 47}) {
            water = Math.max(water, difference(lapping.get(0), lapping.get(k), LAKESIDE.water()));
            foliage = Math.max(foliage, difference(lapping.get(0), lapping.get(k), LAKESIDE.foliage()));
            wall = Math.max(wall, difference(lapping.get(0), lapping.get(k), LAKESIDE.wall()));
            sky = Math.max(sky, difference(lapping.get(0), lapping.get(k), LAKESIDE.sky()));
        }
        String seen = String.format("water %.2f, foliage %.2f, wall %.2f, sky %.2f", water, foliage, wall, sky);
        assertTrue(water > 3, "the water moves: " + seen);
        assertTrue(foliage > 3, "the leaves move: " + seen);
        assertTrue(wall < 1, "the wall stays still: " + seen);
        assertTrue(sky < 1, "the sky stays still: " + seen);
    }

    @Test
    void frameZeroIsTheReferencePictureAsAStillClipShowsIt() {
        double d = Mp4Probe.meanAbsDifference(LAKESIDE.picture(), lapping.get(0));
        assertTrue(d < 6, "frame 0 differs from the reference by " + d);
        assertEquals(0, Mp4Probe.meanAbsDifference(still.get(0), lapping.get(0)), "frame 0 is encoded from the same pixels");
    }

    @Test
    void theBorderBetweenTheWallAndTheWaterGetsNoSeamAndTheFrameDoesNotFlicker() {
        int border = LAKESIDE.wallWaterBorder();
        double still = seam(lapping.get(0), border);
        double worstSeam = 0;
        double worstFlicker = 0;
        for (int k = 1; k < lapping.size(); k++) {
            worstSeam = Math.max(worstSeam, seam(lapping.get(k), border) - still);
            worstFlicker = Math.max(worstFlicker, Math.abs(meanLuma(lapping.get(k)) - meanLuma(lapping.get(k - 1))));
        }
        assertTrue(worstSeam < 3, "the border's gradient grew by " + worstSeam);
        assertTrue(worstFlicker < 0.6, "the mean luminance changed by " + worstFlicker + " between two frames");
    }

    @Test
    void atHdSizeWhereMovingPixelsAreInterpolatedBetweenAnchorsTheWaterMovesAndTheWallKeepsItsEdge() {
        Landscape hd = Landscapes.lakeside(1280, 720);
        List<BufferedImage> frames = render("static camera, gentle waves lapping, leaves swaying", hd.picture()).frames();
        double water = difference(frames.get(0), frames.get(36), hd.water());
        double wall = difference(frames.get(0), frames.get(36), hd.wall());
        double seam = seam(frames.get(36), hd.wallWaterBorder()) - seam(frames.get(0), hd.wallWaterBorder());
        assertTrue(water > 3 && wall < 1 && seam < 3, "water " + water + ", wall " + wall + ", seam grew by " + seam);
    }

    @Test
    void stillKeepsEveryRegionStill() {
        double water = difference(still.get(0), still.get(36), LAKESIDE.water());
        assertTrue(water < 1, "the water moved by " + water);
    }

    @Test
    void stillAsADescriptionLetsTheWaterMoveWhileAStaticShotStopsIt() {
        for (String prompt : new String[] {"static camera, a still lake with waves lapping", "the stillness of the lake, waves lapping, static camera"}) {
            List<BufferedImage> frames = render(prompt, LAKESIDE.picture()).frames();
            double water = difference(frames.get(0), frames.get(36), LAKESIDE.water());
            double wall = difference(frames.get(0), frames.get(36), LAKESIDE.wall());
            assertTrue(water > 3 && wall < 1, prompt + ": water " + water + ", wall " + wall);
        }
        List<BufferedImage> shot = render("static shot, waves lapping", LAKESIDE.picture()).frames();
        double water = difference(shot.get(0), shot.get(36), LAKESIDE.water());
        assertTrue(water < 1, "a static shot: the water moved by " + water);
    }

    @Test
    void withoutMotionWordsTheWaterStillRipples() {
        List<BufferedImage> frames = render("static camera, a lake by a wall", LAKESIDE.picture()).frames();
        double water = difference(frames.get(0), frames.get(36), LAKESIDE.water());
        double wall = difference(frames.get(0), frames.get(36), LAKESIDE.wall());
        assertTrue(water > 2 && wall < 1, "water " + water + ", wall " + wall);
    }

    @Test
    void aPushInMovesTheNearBottomOfThePictureMoreThanItsFarTop() {
        BufferedImage picture = ReferencePictures.textured(384, 216, 11);
        List<BufferedImage> frames = render("push in, still picture", picture).frames();
        BufferedImage a = frames.get(frames.size() * 5 / 10);
        BufferedImage b = frames.get(frames.size() * 7 / 10);
        int h = picture.getHeight();
        int band = h / 2;
        Motion.Estimate far = Motion.between(a.getSubimage(0, 0, picture.getWidth(), band), b.getSubimage(0, 0, picture.getWidth(), band));
        Motion.Estimate near = Motion.between(a.getSubimage(0, h - band, picture.getWidth(), band),
                b.getSubimage(0, h - band, picture.getWidth(), band));
        assertTrue(near.zoom() > 1.3 * far.zoom() && far.zoom() > 0, "far " + far + ", near " + near);
    }

    /** Mean absolute luma difference (0..255) inside {@code r}. */
    private static double difference(BufferedImage a, BufferedImage b, Rectangle r) {
        double sum = 0;
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) sum += Math.abs(luma(a.getRGB(x, y)) - luma(b.getRGB(x, y)));
        }
        return sum / (r.width * (double) r.height);
    }

    /** Mean absolute vertical luma gradient across row {@code border} (over the two rows each side). */
    private static double seam(BufferedImage f, int border) {
        double sum = 0;
        for (int x = 0; x < f.getWidth(); x++) sum += Math.abs(luma(f.getRGB(x, border + 1)) - luma(f.getRGB(x, border - 2)));
        return sum / f.getWidth();
    }

    private static double meanLuma(BufferedImage f) {
        double sum = 0;
        for (int y = 0; y < f.getHeight(); y++) for (int x = 0; x < f.getWidth(); x++) sum += luma(f.getRGB(x, y));
        return sum / (f.getWidth() * (double) f.getHeight());
    }

    private static double luma(int rgb) {
        return 0.299 * ((rgb >> 16) & 255) + 0.587 * ((rgb >> 8) & 255) + 0.114 * (rgb & 255);
    }
}
