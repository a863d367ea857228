package dev.vidgate.engine.relay.kling;

import dev.vidgate.engine.ChannelProbe;
import dev.vidgate.engine.ChannelProbe.Outcome;
import dev.vidgate.engine.relay.ApiKey;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.kling.FakeKling.Fault;
import dev.vidgate.engine.relay.kling.FakeKling.Route;
import dev.vidgate.testsupport.Ports;
import dev.vidgate.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's test of a Kling channel: a query of a made-up task with a signed token, read the way Kling answers it. */
class KlingProbeTest {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();
    private final FakeKling kling = FakeKling.start(clock);
    private KlingFixture relay;

    @AfterEach
    void close() {
        if (relay != null) relay.close();
        kling.close();
    }

    private ChannelProbe probe(ChannelSettings channel) {
        relay = KlingFixture.with(dir, clock, List.of(channel), s -> s);
        ChannelProbe probe = relay.engine.probe("a").orElseThrow();
        assertThat(probe.message()).doesNotContain(FakeKling.ACCESS_KEY, FakeKling.SECRET_KEY, "127.0.0.1", "http");
        return probe;
    }

    @Test
    void aChannelWithTheRightKeysIsReachableAndNoTaskIsMade() {
        ChannelProbe probe = probe(kling.channel("a"));
        assertThat(probe.outcome()).as(probe.message()).isEqualTo(Outcome.REACHABLE);
        assertThat(probe.httpStatus()).isEqualTo(404);
        assertThat(kling.seen(Route.QUERY)).hasSize(1);
        assertThat(kling.seen(Route.CREATE)).isEmpty();
    }

    @Test
    void aWrongSecretKeyIsUnauthorizedWithKlingsCodeButNotTheKey() {
        ChannelProbe probe = probe(kling.channel("a", FakeKling.ACCESS_KEY + ":SKanotherSecretThatKlingDoesNotKnow0123"));
        assertThat(probe.outcome()).as(probe.message()).isEqualTo(Outcome.UNAUTHORIZED);
        assertThat(probe.httpStatus()).isEqualTo(401);
        assertThat(probe.message()).contains("1002").doesNotContain("SKanotherSecret");
    }

    @Test
    void klingsConcurrencyLimitIsRateLimited() {
        kling.fail(Route.QUERY, Fault.CONCURRENCY);
        ChannelProbe probe = probe(kling.channel("a"));
        assertThat(probe.outcome()).as(probe.message()).isEqualTo(Outcome.RATE_LIMITED);
        assertThat(probe.httpStatus()).isEqualTo(429);
    }

    @Test
    void aKlingThatIsDownIsUnreachableWithinTheConnectTimeout() {
        ChannelSettings up = kling.channel("a");
        ChannelSettings down = ChannelSettings.of("a", URI.create(Ports.closedUrl()), ApiKey.of(up.apiKey().reveal()), up.flavour())
                .withTimeouts(up.connectTimeout(), up.requestTimeout());
        ChannelProbe probe = probe(down);
        assertThat(probe.outcome()).as(probe.message()).isEqualTo(Outcome.UNREACHABLE);
        assertThat(probe.latencyMillis()).isLessThan(up.connectTimeout().toMillis());
    }
}
