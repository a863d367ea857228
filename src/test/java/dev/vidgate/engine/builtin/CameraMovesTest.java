package dev.vidgate.engine.builtin;

import dev.vidgate.testsupport.media.Motion;
import dev.vidgate.testsupport.media.Mp4Probe;
import dev.vidgate.testsupport.media.ReferencePictures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
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

    @ParameterizedTest
    @ValueSource(strings = {"push in on the city", "镜头推近"})
    void pushInMakesThePictureGrow(String prompt) {
        Motion.Estimate m = midMotion(prompt);
        assertTrue(m.zoom() > 0.01, m.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pull out slowly", "镜头拉远"})
    void pullOutMakesThePictureShrink(String prompt) {
        Motion.Estimate m = midMotion(prompt);
        assertTrue(m.zoom() < -0.01, m.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pan right", "镜头右移"})
    void panRightSlidesThePictureLeft(String prompt) {
        Motion.Estimate m = midMotion(prompt);
        assertTrue(m.dx() < -1, m.toString());
        assertTrue(Math.abs(m.dy()) < Math.abs(m.dx()) / 2, m.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pan left", "镜头左移"})
    void panLeftSlidesThePictureRight(String prompt) {
        Motion.Estimate m = midMotion(prompt);
        assertTrue(m.dx() > 1, m.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tilt up", "镜头上摇"})
    void tiltUpSlidesThePictureDown(String prompt) {
        Motion.Estimate m = midMotion(prompt);
        assertTrue(m.dy() > 0.6, m.toString());
        assertTrue(Math.abs(m.dx()) < m.dy(), m.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tilt down", "镜头下摇"})
    void tiltDownSlidesThePictureUp(String prompt) {
        Motion.Estimate m = midMotion(prompt);
        assertTrue(m.dy() < -0.6, m.toString());
    }

    @Test
    void dollyInGrowsThePictureAndTheNearPartFaster() {
        Mp4Probe mp4 = Clips.prompt("dolly in").from(PICTURE).seconds(2).render(dir);
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
