package dev.vidgate.engine.relay;

import dev.vidgate.engine.ChannelProbe;
import dev.vidgate.engine.ChannelProbe.Outcome;
import dev.vidgate.engine.relay.FakeUpstream.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The channel test of each OpenAI-shaped flavour, against that flavour's fake over HTTP. */
class RelayProbeTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void everyFlavourIsTestedByReadingItsModelListWithItsOwnAuthentication(Flavour flavour) {
        FakeUpstream upstream = FakeUpstream.start(flavour);
        try (RelayFixture relay = RelayFixture.over(dir, upstream)) {
            ChannelProbe probe = relay.engine.probe("a").orElseThrow();
            assertThat(probe.outcome()).as(probe.message()).isEqualTo(Outcome.REACHABLE);
            assertThat(probe.httpStatus()).isEqualTo(200);
            assertThat(upstream.seen(Route.MODELS)).hasSize(1);
            assertThat(upstream.jobs()).isEmpty();
        }
    }

    @Test
    void aServerWithoutAModelListIsAskedForAMadeUpVideoWhoseNotFoundProvesTheKey() {
        FakeUpstream upstream = FakeUpstream.start(Flavour.SGLANG);
        upstream.failAlways(Route.MODELS, Fault.json(404, "{\"detail\":\"Not Found\"}"));
        try (RelayFixture relay = RelayFixture.over(dir, upstream)) {
            ChannelProbe probe = relay.engine.probe("a").orElseThrow();
            assertThat(probe.outcome()).as(probe.message()).isEqualTo(Outcome.REACHABLE);
            assertThat(probe.httpStatus()).isEqualTo(404);
            assertThat(upstream.seen(Route.RETRIEVE)).singleElement()
                    .satisfies(s -> assertThat(s.path()).isEqualTo("/v1/videos/" + ProviderClient.PROBE_ID));
        }
    }

    @Test
    void anUpstreamThatNeverAnswersIsUnreachableAtTheChannelsRequestTimeout() {
        FakeUpstream upstream = FakeUpstream.start(Flavour.OPENAI);
        upstream.failAlways(Route.MODELS, Fault.hang(Duration.ofSeconds(30)));
        try (RelayFixture relay = RelayFixture.over(dir, upstream)) {
            ChannelProbe probe = relay.engine.probe("a").orElseThrow();
            assertThat(probe.outcome()).as(probe.message()).isEqualTo(Outcome.UNREACHABLE);
            assertThat(probe.latencyMillis()).isBetween(1_000L, 5_000L); // the fake's channel waits 1.5 s for an answer
            assertThat(relay.engine.channels().getFirst().circuit()).isEqualTo("closed");
        }
    }
}
