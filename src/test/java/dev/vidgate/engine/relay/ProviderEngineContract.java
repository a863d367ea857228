package dev.vidgate.engine.relay;

import dev.vidgate.engine.ChannelProbe;
import dev.vidgate.engine.ChannelStatus;
import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineContract;
import dev.vidgate.engine.GenerationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine port's contract run by a relay with a channel of one provider at its fake: a subclass says how to open
 * its fixture (which closes the fake with it), where the fixture's engine is, and what a job of the provider's model
 * is; the provider must refuse a job whose prompt says "forbidden".
 *
 * @param <R> the provider's fixture
 */
public abstract class ProviderEngineContract<R extends AutoCloseable> extends EngineContract {
    @TempDir
    Path workDir;

    private R relay;

    /** A relay with a channel of the provider at a fresh fake. */
    protected abstract R open(Path workDir);

    /** The engine of {@code relay}. */
    protected abstract Engine engine(R relay);

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

    @Test
    void aTestOfTheChannelFindsTheProviderReachableAndCountsNothingInTheChannelsHealth() {
        ChannelStatus channel = engine().channels().getFirst();
        ChannelProbe probe = engine().probe(channel.name()).orElseThrow();
        assertThat(probe.outcome()).as(probe.message()).isEqualTo(ChannelProbe.Outcome.REACHABLE);
        assertThat(probe.ok()).isTrue();
        assertThat(probe.httpStatus()).isBetween(200, 499);
        assertThat(engine().channels().getFirst().totalRequests()).isZero();
        assertThat(engine().probe("no-such-channel")).isEmpty();
    }

    @Override
    protected final Engine engine() {
        return engine(relay);
    }

    @Override
    protected final GenerationRequest request(String jobId) {
        return request(jobId, "a paper lantern drifting on a pond");
    }

    @Override
    protected final GenerationRequest failingRequest(String jobId) {
        return request(jobId, "something forbidden");
    }
}
