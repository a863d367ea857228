package dev.vidgate.engine.builtin.scene;

import dev.vidgate.engine.builtin.Clips;
import dev.vidgate.engine.builtin.encode.H264Encoder;
import dev.vidgate.testsupport.media.Mp4Probe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One test per text-to-video scene family, on decoded frames of a still camera (so the scene's own
 * motion shows): each looks like what it names and moves the way it should.
 */
class ScenesTest {
    @TempDir
    static Path dir;

    private static List<BufferedImage> scene(String prompt) {
        return Clips.prompt(prompt + ", static shot").seconds(2).render(dir).frames();
    }

    /** Mean absolute change between the first and last frame inside rows {@code from..to} (fractions of the height). */
    private static double change(List<BufferedImage> frames, double from, double to) {
        BufferedImage a = frames.get(2);
        BufferedImage b = frames.getLast();
        int y0 = (int) (from * a.getHeight());
        int y1 = (int) (to * a.getHeight());
        return Mp4Probe.meanAbsDifference(a.getSubimage(0, y0, a.getWidth(), y1 - y0), b.getSubimage(0, y0, b.getWidth(), y1 - y0));
    }

    /** Mean of red, green and blue over rows {@code from..to} (fractions). */
    private static double[] meanColour(BufferedImage image, double from, double to) {
        double[] sum = new double[3];
        int n = 0;
        for (int y = (int) (from * image.getHeight()); y < (int) (to * image.getHeight()); y++) {
            for (int x = 0; x < image.getWidth(); x++, n++) {
                int p = image.getRGB(x, y);
                sum[0] += (p >> 16) & 0xFF;
                sum[1] += (p >> 8) & 0xFF;
                sum[2] += p & 0xFF;
            }
        }
        return new double[] {sum[0] / n, sum[1] / n, sum[2] / n};
    }

    /** Mean red, green and blue of the brightest {@code fraction} of the pixels. */
    private static double[] brightest(BufferedImage image, double fraction) {
        int[] px = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        Integer[] order = new Integer[px.length];
        for (int i = 0; i < px.length; i++) order[i] = px[i];
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(p -> -(((p >> 16) & 0xFF) + ((p >> 8) & 0xFF) + (p & 0xFF))));
        int n = Math.max(1, (int) (px.length * fraction));
        double[] sum = new double[3];
        for (int i = 0; i < n; i++) {
            sum[0] += (order[i] >> 16) & 0xFF;
            sum[1] += (order[i] >> 8) & 0xFF;
            sum[2] += order[i] & 0xFF;
        }
        return new double[] {sum[0] / n, sum[1] / n, sum[2] / n};
    }

    /** Share of pixels whose luma is above (or, with a negative threshold, below its magnitude). */
    private static double share(BufferedImage image, double threshold) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                double l = 0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF);
                if (threshold >= 0 ? l > threshold : l < -threshold) n++;
            }
        }
        return n / (double) (image.getWidth() * image.getHeight());
    }

    @Test
    void theSeaRollsUnderAQuieterSky() {
        List<BufferedImage> frames = scene("the open sea at noon");
        double[] water = meanColour(frames.getLast(), 0.75, 1.0);
        assertTrue(water[2] > water[0] + 20, "blue water: " + java.util.Arrays.toString(water));
        double sea = change(frames, 0.7, 1.0);
        double sky = change(frames, 0.0, 0.25);
        assertTrue(sea > 2 * sky && sea > 2, "waves move: sea " + sea + ", sky " + sky);
    }

    @Test
    void theSkyIsBrightAndItsCloudsDrift() {
        List<BufferedImage> frames = scene("white clouds in the sky at noon");
        double[] sky = meanColour(frames.getLast(), 0.0, 0.5);
        assertTrue(sky[2] > 150 && sky[2] > sky[0], "a bright blue sky: " + java.util.Arrays.toString(sky));
        assertTrue(change(frames, 0.0, 0.5) > 0.5, "clouds drift");
    }

    @Test
    void theCityAtNightIsDarkWithLitWindows() {
        BufferedImage end = scene("a city skyline at night").getLast();
        assertTrue(share(end, -60) > 0.5, "mostly dark");
        double lit = share(end, 120);
        assertTrue(lit > 0.01 && lit < 0.3, "window lights: " + lit);
    }

    @Test
    void theForestIsGreenAndSwaysInTheWind() {
        List<BufferedImage> frames = scene("a green forest at noon");
        double[] ground = meanColour(frames.getLast(), 0.6, 1.0);
        assertTrue(ground[1] > ground[0] && ground[1] > ground[2], "green: " + java.util.Arrays.toString(ground));
        assertTrue(change(frames, 0.0, 1.0) > 0.5, "the trees sway");
    }

    @Test
    void theFireBurnsWarmAndFlickers() {
        List<BufferedImage> frames = scene("a campfire burning");
        BufferedImage end = frames.getLast();
        double[] flames = brightest(end, 0.02);
        assertTrue(flames[0] > flames[2] + 40, "the brightest light is warm: " + java.util.Arrays.toString(flames));
        assertTrue(share(end, 180) > 0.003, "bright flames");
        assertTrue(change(frames, 0.3, 0.9) > 1.5, "the flames move");
    }

    @Test
    void spaceIsDarkAndFullOfStars() {
        List<BufferedImage> frames = scene("stars in outer space");
        BufferedImage end = frames.getLast();
        assertTrue(share(end, -60) > 0.6, "mostly dark");
        assertTrue(share(end, 120) > 0.0005, "stars: " + share(end, 120));
        assertTrue(change(frames, 0.0, 1.0) > 0.2, "the field drifts and twinkles");
    }

    @Test
    void anAbstractSceneMovesGradually() {
        List<BufferedImage> frames = scene("a calm feeling");
        double overall = Mp4Probe.meanAbsDifference(frames.getFirst(), frames.getLast());
        double step = Mp4Probe.meanAbsDifference(frames.get(24), frames.get(25));
        assertTrue(overall > 2 && step < overall, "overall " + overall + ", one step " + step);
    }

    @Test
    void differentPromptsLookDifferentAndTheSamePromptRendersTheSameBytes() throws IOException {
        BufferedImage kite = Clips.prompt("a red kite").seconds(1).render(dir).frame(12);
        BufferedImage submarine = Clips.prompt("a blue submarine").seconds(1).render(dir).frame(12);
        assertTrue(Mp4Probe.meanAbsDifference(kite, submarine) > 10);
        byte[] one = Files.readAllBytes(Clips.prompt("a city at night in the rain, push in").seconds(2).renderFile(dir));
        byte[] two = Files.readAllBytes(Clips.prompt("a city at night in the rain, push in").seconds(2).renderFile(dir));
        assertArrayEquals(one, two);
    }

    @Test
    void aBusySceneIsNotEncodedAtTheWholeBitrateAPictureMayUse() throws IOException {
        int width = 640;
        int height = 360;
        int seconds = 2;
        long pictureBudget = (long) H264Encoder.bitrate(width, height) * seconds / 8;
        long audio = 128_000L * seconds / 8;
        long video = Files.size(Clips.prompt("waves rolling onto the shore, static shot").size(width, height).seconds(seconds).renderFile(dir))
                - audio;
        assertTrue(video < pictureBudget / 3, "the sea took " + video + " bytes of video; a picture may take " + pictureBudget);
    }
}
