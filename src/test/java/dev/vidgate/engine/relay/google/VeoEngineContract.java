package dev.vidgate.engine.relay.google;

import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.ProviderEngineContract;
import dev.vidgate.testsupport.TestClock;

import java.util.function.Function;

/** The relay with one Veo channel keeps the engine port's contract against a {@link FakeVeo}; a subclass per surface. */
public abstract class VeoEngineContract extends ProviderEngineContract<VeoEngineContract.Opened> {
    /** The jobs over a channel at {@code upstream}; closing it closes both. */
    public record Opened(FakeVeo upstream, VeoJobs jobs) implements AutoCloseable {
        @Override
        public void close() {
            jobs.close();
            upstream.close();
        }
    }

    /** @param channel this surface's channel at a fake of {@code dialect} */
    protected VeoEngineContract(FakeVeo.Dialect dialect, Function<FakeVeo, ChannelSettings> channel) {
        super(dir -> {
            FakeVeo upstream = FakeVeo.start(dialect);
            return new Opened(upstream, new VeoJobs(channel.apply(upstream), dir, new TestClock()));
        }, opened -> opened.jobs().engine, VeoJobs::request, "unconfigured-channel/models/veo-3.1-fast-generate-001/operations/abc");
    }
}
