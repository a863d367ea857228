package dev.vidgate.webhooks;

import dev.vidgate.testsupport.Waits;
import dev.vidgate.testsupport.WebhookReceiver.Received;
import dev.vidgate.video.Video;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** 1,000 jobs finishing at once on one node, on the wall clock: every event arrives, and no webhook-id is acknowledged twice. */
class ThousandEventsTest {
    private static final int JOBS = 1000;
    private WebhookRig rig;

    @AfterEach
    void stop() {
        if (rig != null) rig.close();
    }

    @Test
    void aThousandJobsFinishingTogetherAreEachDeliveredOnceWithinASuccessfulAttempt() throws Exception {
        rig = new WebhookRig(WebhookRig.pooledH2(), InstantSource.system(), new Doorbell(),
                WebhookSettings.DEFAULTS.withAllowPrivate(true));
        CreatedEndpoint endpoint = rig.endpoint("ten_a", null);
        List<Video> running = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) running.add(rig.running("ten_a"));
        rig.deliverer.start();
        long start = System.nanoTime();

        Set<String> finished = new HashSet<>();
        try (ExecutorService workers = Executors.newFixedThreadPool(8)) {
            List<Future<Video>> done = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                Video job = running.get(i);
                boolean fails = i % 10 == 0;
                done.add(workers.submit(() -> fails ? rig.fail(job) : rig.complete(job)));
            }
            for (Future<Video> f : done) finished.add(f.get().id());
        }
        long allFinished = System.nanoTime();

        List<Received> acknowledged = Waits.await(JOBS + " acknowledged webhooks", Duration.ofMinutes(3), Duration.ofMillis(200))
                .until(() -> rig.receiver.acknowledged(), a -> a.size() >= JOBS);
        System.out.printf("1000 events: jobs finished in %d ms, all acknowledged %d ms after%n", (allFinished - start) / 1_000_000,
                (System.nanoTime() - allFinished) / 1_000_000);
        Map<String, Long> perWebhookId = acknowledged.stream().collect(Collectors.groupingBy(r -> r.header("webhook-id"), Collectors.counting()));
        assertThat(perWebhookId).hasSize(JOBS).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        Set<String> videos = acknowledged.stream().map(Received::bodyText)
                .map(b -> b.substring(b.indexOf("\"data\":{\"id\":\"") + 14, b.lastIndexOf('"'))).collect(Collectors.toSet());
        assertThat(videos).isEqualTo(finished);
        assertThat(rig.deliveries(endpoint.endpoint().id())).hasSize(100); // the first page: the log pages
        // the deliverer counts a delivery once the receiver's answer is back, just after the receiver recorded it
        Waits.await("every delivery counted", Duration.ofSeconds(10), Duration.ofMillis(50))
                .until(() -> rig.metrics.count("delivered"), n -> n == JOBS);
        assertThat(rig.metrics.loopErrors.get()).isZero();
        Duration p99 = rig.metrics.lags.stream().sorted().toList().get((int) (JOBS * 0.99) - 1);
        System.out.println("1000 events: delivery lag p99 " + p99.toMillis() + " ms (indicative: shared machine)");
        Function<Received, String> type = r -> r.bodyText().contains("video.failed") ? "failed" : "completed";
        assertThat(acknowledged.stream().map(type).collect(Collectors.toSet())).containsExactlyInAnyOrder("failed", "completed");
    }
}
