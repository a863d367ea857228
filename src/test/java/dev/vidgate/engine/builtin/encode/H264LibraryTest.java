package dev.vidgate.engine.builtin.encode;

import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.testsupport.Waits;
import dev.vidgate.engine.builtin.BuiltinEngine;
import dev.vidgate.testsupport.media.Mp4Probe;
import dev.vidgate.video.Variant;
import dev.vidgate.catalog.VideoSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Choosing the OpenH264 the built-in engine encodes with. */
class H264LibraryTest {
    @TempDir
    Path dir;

    @Test
    void choicesAreReadInAnyCaseAndAnythingElseIsNone() {
        assertEquals(H264Library.SYSTEM, H264Library.parse("System"));
        assertEquals(H264Library.BUNDLED, H264Library.parse(" bundled "));
        assertNull(H264Library.parse("x264"));
        assertNull(H264Library.parse(null));
    }

    @Test
    void bundledIsAlwaysFfmpegsOwn() {
        assertSame(H264Encoder.BUNDLED, H264Library.BUNDLED.encoders());
    }

    @Test
    void withoutTheMachinesLibraryAutomaticFallsBackAndSystemIsRefusedSayingWhatToInstall() {
        assertSame(H264Encoder.BUNDLED, H264Library.AUTO.encoders(Optional.empty()));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> H264Library.SYSTEM.encoders(Optional.empty()));
        assertTrue(refused.getMessage().contains("libopenh264.so.7") && refused.getMessage().contains("apt-get install libopenh264-7"),
                refused.getMessage());
    }

    @Test
    void automaticTakesTheMachinesLibraryWhenItLoadsAndTheBundledOneOtherwise() {
        String description = H264Library.AUTO.encoders().description();

        if (SystemOpenH264.find().isPresent()) assertTrue(description.contains(SystemOpenH264.LIBRARY), description);
        else assertEquals(H264Encoder.BUNDLED.description(), description);
    }

    @Test
    void bothLibrariesRenderTheSameClipToThePictureWithinRounding() {
        assumeTrue(SystemOpenH264.find().isPresent(), SystemOpenH264.LIBRARY + " is not installed here");
        GenerationRequest request = new GenerationRequest("same_clip", "sora-2", new VideoSize(320, 180), 4,
                "waves on the sea at sunset, slow push in", null);

        Mp4Probe bundled = render(request, H264Library.BUNDLED, dir.resolve("bundled"));
        Mp4Probe system = render(request, H264Library.SYSTEM, dir.resolve("system"));

        assertEquals(bundled.frameCount(), system.frameCount());
        for (int i : new int[] {0, 47, 48, bundled.frameCount() - 1}) {
            double difference = Mp4Probe.meanAbsDifference(bundled.frame(i), system.frame(i));
            assertTrue(difference < 1.0, "frame " + i + " differs by " + difference + " levels on average");
        }
    }

    private static Mp4Probe render(GenerationRequest request, H264Library library, Path workDir) {
        try (BuiltinEngine engine = new BuiltinEngine(workDir, 1, 1, library)) {
            String handle = engine.start(request);
            Waits.engineDone(engine, request, handle);
            return Mp4Probe.of(workDir.resolve(request.jobId()).resolve(Variant.VIDEO.fileName()));
        }
    }
}
