package dev.vidgate.engine.builtin;

import dev.vidgate.testsupport.media.Motion;
import dev.vidgate.testsupport.media.Mp4Probe;
import dev.vidgate.testsupport.media.ReferencePictures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jitter, measured on the decoded MP4: one bright marker is tracked frame by frame (sub-pixel
 * centroid) through a steady move. Its position must change monotonically, and smoothly: no frame may
 * stall and the next jump a whole pixel, which is what rounding positions to whole pixels looks like.
 */
class SmoothMotionTest {
    private static final int W = 320;
    private static final int H = 180;

    @TempDir
    static Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"slow push in, 250, 130, 1", "pan right, 200, 90, -1", "tilt down, 160, 120, -1"})
    void aFixedFeatureGlidesMonotonicallyWithoutJitter(String prompt, double markerX, double markerY, int direction) {
        BufferedImage picture = ReferencePictures.marker(W, H, markerX, markerY, 5);
        Mp4Probe mp4 = Clips.prompt(prompt).from(picture).seconds(2).render(dir);
        List<BufferedImage> frames = mp4.frames();
        boolean vertical = prompt.startsWith("tilt");
        double[] track = new double[frames.size()];
        double x = markerX;
        double y = markerY;
        for (int i = 0; i < frames.size(); i++) {
            double[] c = Motion.centroid(frames.get(i), (int) x - 14, (int) y - 14, 28, 28, 80);
            x = c[0];
            y = c[1];
            track[i] = vertical ? y : x;
        }
        double total = Math.abs(track[track.length - 1] - track[0]);
        assertTrue(total > 4, prompt + ": the marker should travel, moved " + total);
        for (int i = 1; i < track.length; i++) {
            double step = (track[i] - track[i - 1]) * direction;
            assertTrue(step > -0.05, prompt + ": went back at frame " + i + " by " + step);
        }
        // in the middle of the move, every frame moves a fair share of the average speed, never a stall-then-jump
        int from = track.length / 3;
        int to = 2 * track.length / 3;
        double mean = Math.abs(track[to] - track[from]) / (to - from);
        for (int i = from + 1; i <= to; i++) {
            double step = Math.abs(track[i] - track[i - 1]);
            assertTrue(step > 0.4 * mean && step < 1.6 * mean,
                    prompt + ": uneven step " + step + " at frame " + i + " (mean " + mean + ")");
        }
    }
}
