package dev.vidgate.engine.builtin;

import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.testsupport.Waits;
import dev.vidgate.engine.builtin.scene.LooksTest;
import dev.vidgate.testsupport.media.Motion;
import dev.vidgate.testsupport.media.Mp4Probe;
import dev.vidgate.testsupport.media.ReferencePictures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A remix starts from the source video's first frame and takes the new prompt's motion and look. */
class RemixTest {
    @TempDir
    static Path dir;

    private static Path source;
    private static BufferedImage sourceFirstFrame;

    @BeforeAll
    static void renderSource() {
        source = Clips.prompt("slow push in, golden hour").from(ReferencePictures.textured(320, 180, 5)).seconds(2).renderFile(dir);
        sourceFirstFrame = Mp4Probe.of(source).frame(0);
    }

    private static GenerationRequest.RemixSource remixOf(Path video) {
        return new GenerationRequest.RemixSource("video_source", "builtin", "video_source", "slow push in, golden hour",
                () -> Files.newInputStream(video));
    }

    @Test
    void startsFromTheSourcesFirstFrameWithTheNewMotionAndLook() {
        List<BufferedImage> frames = Clips.prompt("pan left, black and white").remixing(remixOf(source)).seconds(2).render(dir).frames();
        assertTrue(Mp4Probe.meanAbsDifference(sourceFirstFrame, frames.getFirst()) < 3, "frame 0 is the source's frame 0");
        Motion.Estimate m = Motion.between(frames.get(20), frames.get(30));
        assertTrue(m.dx() > 0.8, "pans left (the picture slides right): " + m);
        assertTrue(LooksTest.colourfulness(frames.getLast()) < 4, "and turns black and white");
    }

    @Test
    void aRemixOfAnotherSizeScalesTheFirstFrameToFit() {
        Mp4Probe mp4 = Clips.prompt("static").remixing(remixOf(source)).size(256, 144).seconds(1).render(dir);
        assertEquals(256, mp4.width());
        double diff = Mp4Probe.meanAbsDifference(ImageScaler.resize(sourceFirstFrame, 256, 144), mp4.frame(0));
        double unrelated = Mp4Probe.meanAbsDifference(ReferencePictures.textured(256, 144, 99), mp4.frame(0));
        // a busy picture this small loses fine detail to the encoder; another picture is far further off
        assertTrue(diff < 8 && diff < unrelated / 4, "frame 0 is the source's frame 0, scaled: " + diff + " (unrelated " + unrelated + ")");
    }

    @Test
    void aSourceThatCannotBeReadIsATransientFailureAndOneThatIsNotAVideoAPermanentOne() {
        try (BuiltinEngine engine = new BuiltinEngine(dir.resolve("engine"), 1)) {
            GenerationRequest unreadable = Clips.prompt("push in").remixing(new GenerationRequest.RemixSource("video_gone", "builtin",
                    "video_gone", "x", () -> { throw new IOException("storage is down"); })).request();
            EngineStatus.Failed failed = assertInstanceOf(EngineStatus.Failed.class,
                    Waits.engineEnd(engine, unreadable, engine.start(unreadable)));
            assertTrue(failed.retryable(), failed.toString());

            GenerationRequest garbage = Clips.prompt("push in").remixing(new GenerationRequest.RemixSource("video_bad", "builtin",
                    "video_bad", "x", () -> new ByteArrayInputStream("not an mp4".getBytes()))).request();
            EngineStatus.Failed bad = assertInstanceOf(EngineStatus.Failed.class, Waits.engineEnd(engine, garbage, engine.start(garbage)));
            assertFalse(bad.retryable(), bad.toString());
        }
    }
}
