package dev.vidgate.engine.relay;

import java.util.List;

/**
 * {@link ProviderFaultsContract} for a provider whose fake is a {@link FakeProvider}: the faults the shared fake plays
 * the same way for every such provider (expired and cut-short results, throttled reads, a provider that is down).
 */
public abstract class FakeProviderFaultsContract extends ProviderFaultsContract {
    /** The fake of the relay opened last. */
    protected abstract FakeProvider fake();

    @Override
    protected int expireTheResults() {
        fake().storage = FakeProvider.Storage.EXPIRED;
        return 403;
    }

    @Override
    protected void cutTheResultsShort() { fake().storage = FakeProvider.Storage.TRUNCATED; }

    @Override
    protected List<String> downloads() { return fake().downloads.stream().map(Object::toString).toList(); }

    @Override
    protected boolean throttleReads() {
        fake().readFault = 429;
        return true;
    }

    @Override
    protected boolean takeTheProviderDown() {
        fake().close();
        return true;
    }
}
