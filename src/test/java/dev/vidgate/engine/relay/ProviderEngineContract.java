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
import java.util.function.BiFunction;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine port's contract run by a relay with a channel of one provider at its fake: a subclass passes how to open
 * its fixture (which closes the fake with it), where the fixture's engine is, what a job of the provider's model is,
 * and a handle of the provider's form on a channel that does not exist; the provider must refuse a job whose prompt
 * says "forbidden".
 *
 * @param <R> the provider's fixture
 */
public abstract class ProviderEngineContract<R extends AutoCloseable> extends EngineContract {
    @TempDir
    Path workDir;

    private final Function<Path, R> open;
    private final Function<R, Engine> engine;
    private final BiFunction<String, String, GenerationRequest> request;
    private final String handleItCannotResume;
    private R relay;

    /**
     * @param open    a relay with a channel of the provider at a fresh fake, in a work folder
     * @param engine  the engine of such a relay
     * @param request a job of the provider's model, given its id and prompt
     * @param handleItCannotResume a handle of the provider's form on an unconfigured channel
     */
    protected ProviderEngineContract(Function<Path, R> open, Function<R, Engine> engine,
                                     BiFunction<String, String, GenerationRequest> request, String handleItCannotResume) {
        this.open = open;
        this.engine = engine;
        this.request = request;
        this.handleItCannotResume = handleItCannotResume;
    }

    @BeforeEach
    void openRelay() {
        relay = open.apply(workDir);
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
        return engine.apply(relay);
    }

    @Override
    protected final GenerationRequest request(String jobId) {
        return request.apply(jobId, "a paper lantern drifting on a pond");
    }

    @Override
    protected final GenerationRequest failingRequest(String jobId) {
        return request.apply(jobId, "something forbidden");
    }

    @Override
    protected final String handleItCannotResume() {
        return handleItCannotResume;
    }
}
