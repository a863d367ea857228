package dev.vidgate.api;

import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.TestServerExtension;
import dev.vidgate.testsupport.media.WebpFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: a stream of small hostile uploads must not take the API away from other clients. Eight clients
 * send the 48-byte WebP of the issue over and over while another lists its videos; the lister's latency is
 * measured over real HTTP and printed.
 */
class ReferenceBombStreamTest {
    private static final int BOMBERS = 8;
    private static final int BOMBS_EACH = 6;

    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2();

    @Test
    void eightClientsSendingWebpBombsLeaveAnotherClientsListFast() throws Exception {
        RawHttp http = new RawHttp(server.baseUrl(), TestServer.API_KEY);
        assertThat(http.get("/v1/videos").statusCode()).isEqualTo(200); // warm: the first request pays for class loading

        ConcurrentLinkedQueue<Integer> bombStatuses = new ConcurrentLinkedQueue<>();
        List<Duration> listLatencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean bombing = new AtomicBoolean(true);
        long start = System.nanoTime();
        try (ExecutorService clients = Executors.newFixedThreadPool(BOMBERS + 1)) {
            Future<?> lister = clients.submit(() -> {
                while (bombing.get()) {
                    long sent = System.nanoTime();
                    HttpResponse<String> list = http.get("/v1/videos");
                    listLatencies.add(Duration.ofNanos(System.nanoTime() - sent));
                    assertThat(list.statusCode()).isEqualTo(200);
                }
                return null;
            });
            List<Future<?>> bombers = new ArrayList<>();
            for (int i = 0; i < BOMBERS; i++) {
                bombers.add(clients.submit(() -> {
                    for (int n = 0; n < BOMBS_EACH; n++) {
                        boolean large = n % 2 == 1;
                        byte[] bomb = WebpFiles.canvasWithGarbage(large ? 1920 : 1280, large ? 1080 : 720);
                        bombStatuses.add(ReferenceUploadsTest.upload(http, "sora-2-pro", bomb, large ? "1920x1080" : "1280x720")
                                .statusCode());
                    }
                    return null;
                }));
            }
            for (Future<?> bomber : bombers) bomber.get();
            bombing.set(false);
            lister.get();
        }
        Duration total = Duration.ofNanos(System.nanoTime() - start);

        List<Duration> sorted = new ArrayList<>(listLatencies);
        Collections.sort(sorted);
        Duration p50 = percentile(sorted, 50);
        Duration p95 = percentile(sorted, 95);
        Duration max = sorted.getLast();
        System.out.printf("%d WebP bombs from %d clients in %d ms; GET /v1/videos meanwhile: %d requests, p50 %d ms, "
                        + "p95 %d ms, max %d ms%n", bombStatuses.size(), BOMBERS, total.toMillis(), sorted.size(),
                p50.toMillis(), p95.toMillis(), max.toMillis());

        assertThat(bombStatuses).hasSize(BOMBERS * BOMBS_EACH).containsOnly(400);
        assertThat(p95).isLessThan(Duration.ofSeconds(2));
    }

    private static Duration percentile(List<Duration> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
    }
}
