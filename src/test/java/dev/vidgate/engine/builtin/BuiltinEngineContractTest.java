package dev.vidgate.engine.builtin;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineContract;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.catalog.VideoSize;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The built-in renderer keeps the engine port's contract (small frames, one second). */
class BuiltinEngineContractTest extends EngineContract {
    private static final VideoSize SMALL = new VideoSize(160, 90);

    @TempDir
    Path workDir;

    private BuiltinEngine engine;

    @BeforeEach
    void open() {
        engine = new BuiltinEngine(workDir, 2);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Override
    protected Engine engine() {
        return engine;
    }

    @Override
    protected GenerationRequest request(String jobId) {
        return new GenerationRequest(jobId, "sora-2", SMALL, 1, "a paper lantern drifting on a pond", null);
    }

    @Override
    protected GenerationRequest failingRequest(String jobId) {
        return new GenerationRequest(jobId, "sora-2", SMALL, 1, "animate this",
                "not an image at all".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected String handleItCannotResume() {
        return "video_never_started_here";
    }
}
