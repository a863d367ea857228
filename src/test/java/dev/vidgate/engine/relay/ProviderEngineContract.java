package dev.vidgate.engine.relay;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineContract;
import dev.vidgate.engine.GenerationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * The engine port's contract run by a relay with one channel of a provider flavour at its fake: a subclass says how
 * to open the fixture and what a job of the provider's model is; a job whose prompt says "forbidden" must fail.
 */
public abstract class ProviderEngineContract extends EngineContract {
    @TempDir
    Path workDir;

    private ProviderFixture<?> relay;

    /** A relay with one channel of the flavour at a fresh fake. */
    protected abstract ProviderFixture<?> open(Path workDir);

    /** A job of the provider's model with {@code prompt}. */
    protected abstract GenerationRequest request(String jobId, String prompt);

    @BeforeEach
    void openRelay() {
        relay = open(workDir);
    }

    @AfterEach
    void closeRelay() throws Exception {
        relay.close();
    }

    @Override
    protected Engine engine() {
        return relay.engine;
    }

    @Override
    protected GenerationRequest request(String jobId) {
        return request(jobId, "a paper lantern drifting on a pond");
    }

    @Override
    protected GenerationRequest failingRequest(String jobId) {
        return request(jobId, "something forbidden");
    }
}
