package dev.vidgate.engine.builtin;

import dev.vidgate.testsupport.media.Motion;
import dev.vidgate.testsupport.media.Mp4Probe;
import dev.vidgate.testsupport.media.ReferencePictures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each camera move, measured the way a viewer sees it: the MP4 is decoded and the motion between its
 * frames estimated by block matching ({@link Motion}), not read from the renderer's state. Positive
 * {@code dx} means the picture slid right, positive {@code dy} down, positive zoom that it grew.
 */
class CameraMovesTest {
    private static final BufferedImage PICTURE = ReferencePictures.textured(320, 180, 7);

    @TempDir
    static Path dir;

    /** Motion from the frame at 40% of the clip to the frame at 70% (mid-move, where it is fastest). */
    private static Motion.Estimate midMotion(String prompt) {
        Mp4Probe mp4 = Clips.prompt(prompt).from(PICTURE).seconds(2).render(dir);
        List<BufferedImage> frames = mp4.frames();
        return Motion.between(frames.get(frames.size() * 4 / 10), frames.get(frames.size() * 7 / 10));
    }

    /**
     * Each move in English and Chinese: the sign expected of the horizontal and vertical slide and of the
     * zoom (0 = no constraint), and how large it must at least be.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "push in on the city, 0, 0, 1, 0.01", "镜头推近, 0, 0, 1, 0.01",
            "pull out slowly, 0, 0, -1, 0.01", "镜头拉远, 0, 0, -1, 0.01",
            "pan right, -1, 0, 0, 1", "镜头右移, -1, 0, 0, 1",
            "pan left, 1, 0, 0, 1", "镜头左移, 1, 0, 0, 1",
            "tilt up, 0, 1, 0, 0.6", "镜头上摇, 0, 1, 0, 0.6",
            "tilt down, 0, -1, 0, 0.6", "镜头下摇, 0, -1, 0, 0.6"})
    void eachMoveSlidesOrScalesThePictureTheWayItSays(String prompt, int dxSign, int dySign, int zoomSign, double least) {
        Motion.Estimate m = midMotion(prompt);
        if (zoomSign != 0) assertTrue(m.zoom() * zoomSign > least, m.toString());
        if (dxSign != 0) {
            assertTrue(m.dx() * dxSign > least, m.toString());
            assertTrue(Math.abs(m.dy()) < Math.abs(m.dx()) / 2, "a pan hardly moves vertically: " + m);
        }
        if (dySign != 0) {
            assertTrue(m.dy() * dySign > least, m.toString());
            assertTrue(Math.abs(m.dx()) < Math.abs(m.dy()), "a tilt hardly moves sideways: " + m);
        }
    }

    @Test
    void dollyInGrowsThePictureAndTheNearPartFaster() {
        Mp4Probe mp4 = Clips.prompt("dolly in, still picture").from(PICTURE).seconds(2).render(dir);
        List<BufferedImage> frames = mp4.frames();
        BufferedImage a = frames.get(16);
        BufferedImage b = frames.get(40);
        assertTrue(Motion.between(a, b).zoom() > 0.01, Motion.between(a, b).toString());
        double top = Motion.between(a.getSubimage(0, 0, 320, 90), b.getSubimage(0, 0, 320, 90)).zoom();
        double bottom = Motion.between(a.getSubimage(0, 90, 320, 90), b.getSubimage(0, 90, 320, 90)).zoom();
        assertTrue(bottom > top, "perspective: bottom " + bottom + " top " + top);
    }

    @Test
    void dollyOutShrinksThePicture() {
        assertTrue(midMotion("dolly out").zoom() < -0.005);
    }

    @Test
    void orbitSwaysOneWayThenTheOther() {
        Mp4Probe mp4 = Clips.prompt("orbit around the house").from(PICTURE).seconds(4).render(dir);
        List<BufferedImage> frames = mp4.frames();
        boolean left = false;
        boolean right = false;
        for (int i = 0; i + 12 < frames.size(); i += 12) {
            double dx = Motion.between(frames.get(i), frames.get(i + 12)).dx();
            left |= dx < -0.3;
            right |= dx > 0.3;
        }
        assertTrue(left && right, "the sway should go both ways");
    }

    @ParameterizedTest
    @ValueSource(strings = {"static shot", "静止"})
    void aStaticCameraHoldsStill(String prompt) {
        Motion.Estimate m = midMotion(prompt);
        assertEquals(0, m.dx(), 0.15, m.toString());
        assertEquals(0, m.dy(), 0.15, m.toString());
        assertEquals(0, m.zoom(), 0.002, m.toString());
    }

    @Test
    void movesJoinedByThenHappenOneAfterTheOther() {
        Mp4Probe mp4 = Clips.prompt("push in then pan right").from(PICTURE).seconds(2).render(dir);
        List<BufferedImage> frames = mp4.frames();
        Motion.Estimate first = Motion.between(frames.get(8), frames.get(16));
        Motion.Estimate second = Motion.between(frames.get(32), frames.get(40));
        assertTrue(first.zoom() > 0.01 && Math.abs(first.dx()) < 0.5, "first the push-in: " + first);
        assertTrue(second.dx() < -0.8 && Math.abs(second.zoom()) < first.zoom(), "then the pan: " + second);
    }

    @Test
    void textToVideoScenesFollowTheCameraToo() {
        Mp4Probe mp4 = Clips.prompt("a city skyline by day, pan right").seconds(2).render(dir);
        List<BufferedImage> frames = mp4.frames();
        // the buildings in the lower part of the frame are the nearest plane
        Motion.Estimate m = Motion.between(frames.get(16).getSubimage(0, 60, 320, 120), frames.get(32).getSubimage(0, 60, 320, 120));
        assertTrue(m.dx() < -0.8, m.toString());
    }
}
