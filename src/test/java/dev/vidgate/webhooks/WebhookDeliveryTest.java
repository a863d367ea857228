package dev.vidgate.webhooks;

import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestPacer;
import dev.vidgate.testsupport.Waits;
import dev.vidgate.testsupport.WebhookReceiver;
import dev.vidgate.testsupport.WebhookReceiver.Fault;
import dev.vidgate.testsupport.WebhookReceiver.Received;
import dev.vidgate.video.Video;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final TestClock clock = new TestClock();
    private WebhookRig rig;

    private WebhookRig start(WebhookSettings settings) {
        rig = new WebhookRig(clock, new TestPacer(clock), settings);
        rig.deliverer.start();
        return rig;
    }

    @AfterEach
    void stop() {
        if (rig != null) rig.close();
    }

    private List<Received> awaitReceived(int n) {
        return Waits.await(n + " webhook request(s)", WAIT, Duration.ofMillis(20)).until(rig.receiver::received, r -> r.size() >= n);
    }

    private Delivery awaitDelivery(String endpointId, Delivery.Status status) {
        return Waits.await("a " + status + " delivery", WAIT, Duration.ofMillis(20))
                .until(() -> rig.deliveries(endpointId), d -> !d.isEmpty() && d.getFirst().status() == status).getFirst();
    }

    @Test
    void aCompletedJobIsPostedAsOpenAisSignedEventThatTheOfficialSdkVerifies() {
        // the wall clock: the SDK checks the timestamp against it
        rig = new WebhookRig(dev.vidgate.testsupport.TestDatabases.freshH2(), java.time.InstantSource.system(), new Doorbell(),
                WebhookRig.fast().withPollInterval(Duration.ofSeconds(1)));
        rig.deliverer.start();
        CreatedEndpoint endpoint = rig.endpoint("ten_a", null);

        Video done = rig.complete(rig.running("ten_a"));

        Received r = awaitReceived(1).getFirst();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.header("content-type")).isEqualTo("application/json");
        assertThat(r.header("webhook-id")).startsWith("wh_");
        assertThat(r.header("webhook-signature")).startsWith("v1,");
        assertThat(r.bodyText()).matches("\\{\"id\":\"evt_[0-9a-f]{32}\",\"object\":\"event\",\"created_at\":[0-9]+,"
                + "\"type\":\"video.completed\",\"data\":\\{\"id\":\"" + done.id() + "\"}}");
        WebhookReceiver.verify(r, endpoint.secret());
        Delivery d = awaitDelivery(endpoint.endpoint().id(), Delivery.Status.DELIVERED);
        assertThat(d.id()).isEqualTo(r.header("webhook-id"));
        assertThat(rig.metrics.count("delivered")).isEqualTo(1);
        assertThat(rig.metrics.lags).hasSize(1);
    }

    @Test
    void anIdleDelivererWithAnHourBetweenLooksSendsAnEventAsSoonAsItsJobFinishes() {
        rig = new WebhookRig(dev.vidgate.testsupport.TestDatabases.freshH2(), java.time.InstantSource.system(), new Doorbell(),
                WebhookRig.fast());
        rig.deliverer.start();
        rig.endpoint("ten_a", null);
        Waits.await("the delivery loop pausing while idle", WAIT, Duration.ofMillis(20)).until(WebhookDeliveryTest::loopIdle);

        rig.complete(rig.running("ten_a"));

        Waits.await("the event posted without waiting out the hour", Duration.ofSeconds(10), Duration.ofMillis(20))
                .until(rig.receiver::received, r -> r.size() == 1);
    }

    /** The delivery loop's thread waits in its idle pause (not between two looks). */
    private static boolean loopIdle() {
        return Thread.getAllStackTraces().entrySet().stream().anyMatch(e -> e.getKey().getName().equals(WebhookDeliverer.LOOP)
                && e.getKey().getState() == Thread.State.TIMED_WAITING
                && java.util.Arrays.stream(e.getValue()).anyMatch(f -> f.getMethodName().equals("idle")));
    }

    @Test
    void aReceiverThatFailsTimesOutAndResetsGetsTheSameWebhookIdAgainUntilItAnswers2xx() {
        start(WebhookRig.fast());
        CreatedEndpoint endpoint = rig.endpoint("ten_a", null);
        rig.receiver.then(Fault.STATUS_500, Fault.HANG, Fault.RESET, Fault.REDIRECT_302);

        rig.complete(rig.running("ten_a"));

        List<Received> all = awaitReceived(5);
        Delivery d = awaitDelivery(endpoint.endpoint().id(), Delivery.Status.DELIVERED);
        assertThat(all).extracting(r -> r.header("webhook-id")).containsOnly(d.id());
        assertThat(all).extracting(Received::bodyText).containsOnly(all.getFirst().bodyText());
        for (Received r : all) WebhookReceiver.verify(r, endpoint.secret(), Duration.ofDays(365)); // the test clock ran ahead
        List<DeliveryAttempt> log = rig.store.attempts(d.id());
        assertThat(log).extracting(DeliveryAttempt::statusCode).containsExactly(500, null, null, 302, 200);
        assertThat(log.get(0).responseBody()).isEqualTo("{\"error\":\"boom\"}");
        assertThat(log.get(1).error()).contains("timed out");
        assertThat(log.get(2).error()).isNotBlank();
        assertThat(log.get(3).error()).contains("redirects are not followed");
        assertThat(log).extracting(DeliveryAttempt::startedAt).isSorted();
        assertThat(Duration.between(log.get(0).startedAt(), log.get(1).startedAt())).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(6));
        assertThat(rig.metrics.count("retry")).isEqualTo(4);
        assertThat(rig.endpoint("ten_b", null)).isNotNull(); // the store still answers: nothing was left locked
        assertThat(rig.store.endpoint(endpoint.endpoint().id()).orElseThrow().failingSince()).isNull();
    }

    @Test
    void aPostCutShortByShutdownRecordsNoAttemptAndIsPostedAgainOnceItsLeaseRunsOut() {
        WebhookSettings patient = WebhookRig.fast().withLease(Duration.ofMinutes(1)).withTimeout(Duration.ofSeconds(30));
        start(patient);
        CreatedEndpoint endpoint = rig.endpoint("ten_a", null);
        rig.receiver.then(Fault.HANG);
        rig.complete(rig.running("ten_a"));
        String id = awaitReceived(1).getFirst().header("webhook-id");

        rig.deliverer.close();

        assertThat(rig.store.attempts(id)).as("no answer, so no attempt").isEmpty();
        assertThat(rig.deliveries(endpoint.endpoint().id()).getFirst().status()).isEqualTo(Delivery.Status.PENDING);
        assertThat(rig.metrics.count("retry")).isZero();
        assertThat(rig.metrics.loopErrors).hasValue(0);

        clock.advance(patient.lease());
        var next = new WebhookDeliverer(rig.store, patient, "node-b", clock, new TestPacer(clock), () -> {}, rig.metrics, new Random(1));
        next.start();
        try {
            Delivery d = awaitDelivery(endpoint.endpoint().id(), Delivery.Status.DELIVERED);
            assertThat(rig.store.attempts(d.id())).extracting(DeliveryAttempt::statusCode).containsExactly(200);
        } finally {
            next.close();
        }
    }

    @Test
    void aFailedJobSendsVideoFailedAndACancelledOneOnlyToEndpointsThatOptedIn() {
        start(WebhookRig.fast());
        CreatedEndpoint defaults = rig.endpoint("ten_a", null);
        CreatedEndpoint cancelled = rig.endpoint("ten_a", Set.of("video.cancelled"));

        Video failed = rig.fail(rig.running("ten_a"));
        rig.cancel(rig.running("ten_a"));

        awaitReceived(2);
        assertThat(rig.deliveries(defaults.endpoint().id())).singleElement()
                .satisfies(d -> {
                    assertThat(d.type()).isEqualTo(EventType.FAILED);
                    assertThat(d.videoId()).isEqualTo(failed.id());
                });
        assertThat(rig.deliveries(cancelled.endpoint().id())).singleElement().extracting(Delivery::type).isEqualTo(EventType.CANCELLED);
        assertThat(rig.receiver.received()).extracting(Received::bodyText)
                .anyMatch(b -> b.contains("\"type\":\"video.failed\"")).anyMatch(b -> b.contains("\"type\":\"video.cancelled\""));
    }

    @Test
    void aDeliveryNeverAcknowledgedFailsAfterSeventyTwoHoursAndAnEndpointFailingForDaysIsDisabledWithItsReason() {
        start(WebhookRig.fast());
        CreatedEndpoint endpoint = rig.endpoint("ten_a", null);
        Fault[] always = new Fault[60];
        java.util.Arrays.fill(always, Fault.STATUS_500);
        rig.receiver.then(always);

        rig.complete(rig.running("ten_a"));

        Delivery failed = awaitDelivery(endpoint.endpoint().id(), Delivery.Status.FAILED);
        List<DeliveryAttempt> log = rig.store.attempts(failed.id());
        Instant finished = failed.eventCreatedAt();
        assertThat(log.size()).isBetween(10, 40);
        assertThat(log.getLast().startedAt()).isBetween(finished.plus(Duration.ofHours(48)), finished.plus(Duration.ofHours(72)));
        assertThat(rig.metrics.count("failed")).isEqualTo(1);
        assertThat(rig.store.endpoint(endpoint.endpoint().id()).orElseThrow().enabled()).as("under 5 days of failures").isTrue();

        clock.advance(Duration.ofDays(3));
        rig.complete(rig.running("ten_a"));

        Endpoint off = Waits.await("the endpoint disabled", WAIT, Duration.ofMillis(20))
                .until(() -> rig.store.endpoint(endpoint.endpoint().id()).orElseThrow(), e -> !e.enabled());
        assertThat(off.disabledReason()).contains("failed").contains("HTTP 500");
        assertThat(rig.deliveries(endpoint.endpoint().id())).extracting(Delivery::status).containsOnly(Delivery.Status.FAILED);
    }

    @Test
    void aReceiversAnswerIsKeptToItsFirstKilobyte() {
        start(WebhookRig.fast());
        CreatedEndpoint endpoint = rig.endpoint("ten_a", null);
        rig.receiver.then(Fault.LONG_BODY);

        rig.complete(rig.running("ten_a"));

        Delivery d = awaitDelivery(endpoint.endpoint().id(), Delivery.Status.DELIVERED);
        DeliveryAttempt first = rig.store.attempts(d.id()).getFirst();
        assertThat(first.statusCode()).isEqualTo(500);
        assertThat(first.responseBody()).hasSize(1024);
    }

    @Test
    void anEndpointWhoseHostNowResolvesToALoopbackAddressIsRefusedAtConnectTimeWithoutTheFlag() {
        start(WebhookRig.fast().withAllowPrivate(false));
        var sneaky = new Endpoint("whep_sneaky", "ten_a", rig.receiver.url(), EventType.DEFAULT, true, false, WebhookSigner.newSecret(),
                null, null, null, null, clock.instant());
        rig.store.insertEndpoint(sneaky); // as if its name pointed somewhere public when it was registered

        rig.complete(rig.running("ten_a"));

        Delivery d = Waits.await("a refused attempt", WAIT, Duration.ofMillis(20))
                .until(() -> rig.deliveries(sneaky.id()), l -> !l.isEmpty() && l.getFirst().attempts() > 0).getFirst();
        assertThat(d.lastError()).contains("private");
        assertThat(rig.receiver.received()).isEmpty();
    }

    @Test
    void theDelivererForgetsARotatedOutSecretOnlyAfterItsOverlapHasEnded() {
        start(WebhookRig.fast());
        String id = rig.endpoint("ten_a", null).endpoint().id();
        rig.webhooks.rotate("ten_a", id);
        Instant until = rig.store.endpoint(id).orElseThrow().previousUntil();

        Endpoint forgotten = Waits.await("the rotated-out secret forgotten", WAIT, Duration.ofMillis(20))
                .until(() -> rig.store.endpoint(id).orElseThrow(), e -> e.previousSecret() == null);

        assertThat(clock.instant()).as("the test clock, moved by the idle deliverer").isAfterOrEqualTo(until);
        assertThat(forgotten.previousUntil()).isNull();
    }
}
