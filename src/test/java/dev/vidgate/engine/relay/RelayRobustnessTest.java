package dev.vidgate.engine.relay;

import dev.vidgate.engine.ChannelStatus;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.FakeUpstream.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.vidgate.engine.relay.RelayFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

/** Many jobs through a storm of upstream faults: every one ends clearly, and nothing is left behind. */
class RelayRobustnessTest {
    @TempDir
    Path dir;

    @Test
    void everyJobEndsThroughAStormOfFaultsAndNoTaskThreadFileOrPlaceIsLeftBehind() throws Exception {
        FakeUpstream one = FakeUpstream.start(Flavour.OPENAI);
        FakeUpstream two = FakeUpstream.start(Flavour.TRTLLM);
        for (FakeUpstream upstream : List.of(one, two)) {
            upstream.fail(Route.CREATE, Fault.status(500), Fault.actThenReset(), Fault.tooManyRequests(1), Fault.html(502),
                    Fault.actThenHang(Duration.ofSeconds(3)), Fault.errorIn200(), Fault.invalidJson());
            upstream.fail(Route.RETRIEVE, Fault.hang(Duration.ofSeconds(3)), Fault.reset(), Fault.status(500), Fault.invalidJson(),
                    Fault.html(502), Fault.errorIn200(), Fault.tooManyRequests(1), Fault.json(200, "{\"id\":\"x\",\"status\":\"melting\"}"));
            upstream.fail(Route.CONTENT, new Fault.Truncated(), Fault.reset(), new Fault.Huge(2L << 30),
                    Fault.bytes("video/mp4", "not a video".getBytes()), Fault.status(503));
        }
        int platformThreadsBefore = Thread.getAllStackTraces().size();
        try (RelayFixture relay = RelayFixture.over(dir, s -> s.withDownloads(8L * 1024 * 1024, Duration.ofSeconds(2)), one, two)) {
            List<EngineStatus> ends = new ArrayList<>();
            List<String> handles = new ArrayList<>();
            try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<String[]>> runs = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    GenerationRequest request = request("video_storm_" + i, "storm " + i);
                    runs.add(clients.submit(() -> {
                        String handle = relay.engine.start(request);
                        EngineStatus end = relay.awaitEnd(request, handle, new ArrayList<>());
                        synchronized (ends) {
                            ends.add(end);
                        }
                        return new String[] {handle};
                    }));
                }
                for (Future<String[]> run : runs) handles.add(run.get()[0]);
            }
            assertThat(ends).hasSize(24).allMatch(s -> s instanceof EngineStatus.Done || s instanceof EngineStatus.Failed);
            assertThat(ends).filteredOn(s -> s instanceof EngineStatus.Done).hasSizeGreaterThan(12);
            for (EngineStatus end : ends) {
                if (end instanceof EngineStatus.Failed f) {
                    assertThat(f.message()).isNotBlank().doesNotContain("http").doesNotContain("127.0.0.1").doesNotContain(FakeUpstream.KEY);
                }
            }
            handles.forEach(relay.engine::release);
            relay.awaitIdle();
            assertThat(relay.scratchFiles()).isZero();
            assertThat(relay.engine.channels()).extracting(ChannelStatus::inFlight).containsOnly(0);
        }
        assertThat(Thread.getAllStackTraces().size()).isLessThanOrEqualTo(platformThreadsBefore + 2);
    }
}
