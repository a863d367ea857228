package dev.vidgate.webhooks;

import dev.vidgate.common.Change;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@link WebhookStore} contract; every adapter's test extends this and supplies a fresh database and a store on it. */
public abstract class WebhookStoreContract {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final AtomicInteger IDS = new AtomicInteger();

    private WebhookStore store;
    private TransactionTemplate tx;

    protected abstract DataSource freshDatabase();

    protected abstract WebhookStore storeOn(JdbcTemplate jdbc, TransactionTemplate tx);

    @BeforeEach
    void setUp() {
        DataSource ds = freshDatabase();
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        store = storeOn(new JdbcTemplate(ds), tx);
    }

    private Endpoint endpoint(String tenant, Set<EventType> events) {
        var e = new Endpoint("whep_" + IDS.incrementAndGet(), tenant, "https://hooks.example.com/" + IDS.get(), events, true, false,
                WebhookSigner.newSecret(), null, null, null, null, T0);
        store.insertEndpoint(e);
        return e;
    }

    private static WebhookEvent event(String tenant, EventType type) {
        return new WebhookEvent("evt_" + IDS.incrementAndGet(), type, "video_" + IDS.get(), tenant, T0);
    }

    private static String nextDeliveryId() {
        return "wh_" + IDS.incrementAndGet();
    }

    @Test
    void anEventBecomesOneDeliveryForEachEnabledEndpointOfItsTenantThatAsksForItsType() {
        Endpoint both = endpoint("ten_a", EventType.DEFAULT);
        Endpoint cancelledOnly = endpoint("ten_a", Set.of(EventType.CANCELLED));
        Endpoint off = endpoint("ten_a", EventType.DEFAULT);
        store.update(off.id(), EndpointChanges.enabled(false));
        Endpoint otherTenant = endpoint("ten_b", EventType.DEFAULT);

        int written = store.record(event("ten_a", EventType.COMPLETED), WebhookStoreContract::nextDeliveryId);

        assertThat(written).isEqualTo(1);
        assertThat(store.deliveries(both.id(), null, 10, true)).hasSize(1);
        for (Endpoint none : List.of(cancelledOnly, off, otherTenant)) assertThat(store.deliveries(none.id(), null, 10, true)).isEmpty();
    }

    @Test
    void anEventRecordedInATransactionThatRollsBackLeavesNoDelivery() {
        Endpoint e = endpoint("ten_a", EventType.DEFAULT);
        List<String> ranAfterCommit = new ArrayList<>();

        tx.executeWithoutResult(status -> {
            store.record(event("ten_a", EventType.FAILED), WebhookStoreContract::nextDeliveryId);
            store.afterCommit(() -> ranAfterCommit.add("woken"));
            status.setRollbackOnly();
        });

        assertThat(store.deliveries(e.id(), null, 10, true)).isEmpty();
        assertThat(ranAfterCommit).isEmpty();
    }

    @Test
    void aClaimedDeliveryStaysWithItsWorkerUntilTheLeaseRunsOutThenAnotherTakesItWithTheSameId() {
        endpoint("ten_a", EventType.DEFAULT);
        store.record(event("ten_a", EventType.COMPLETED), WebhookStoreContract::nextDeliveryId);

        List<Claim> first = store.claimDue("node-a", T0, LEASE, 10);
        List<Claim> meanwhile = store.claimDue("node-b", T0.plusSeconds(29), LEASE, 10);
        List<Claim> after = store.claimDue("node-b", T0.plusSeconds(31), LEASE, 10);

        assertThat(first).hasSize(1);
        assertThat(meanwhile).isEmpty();
        assertThat(after).singleElement().satisfies(c -> assertThat(c.delivery().id()).isEqualTo(first.getFirst().delivery().id()));
        var attempt = new DeliveryAttempt(first.getFirst().delivery().id(), 1, "node-a", T0, 5, 200, null, "ok");
        assertThat(store.finish(attempt, new Outcome.Delivered(T0.plusSeconds(32)))).as("node-a lost its lease").isFalse();
    }

    @Test
    void aRetryKeepsTheDeliveryPendingUntilItsTimeAndTheLogKeepsEveryAttempt() {
        Endpoint e = endpoint("ten_a", EventType.DEFAULT);
        store.record(event("ten_a", EventType.COMPLETED), WebhookStoreContract::nextDeliveryId);
        Claim claim = store.claimDue("node-a", T0, LEASE, 10).getFirst();
        String id = claim.delivery().id();

        store.finish(new DeliveryAttempt(id, 1, "node-a", T0, 12, 500, "HTTP 500", "{\"error\":\"boom\"}"), new Outcome.Retry(T0.plusSeconds(5)));

        assertThat(store.claimDue("node-a", T0.plusSeconds(4), LEASE, 10)).isEmpty();
        assertThat(store.nextDue()).contains(T0.plusSeconds(5));
        assertThat(store.endpoint(e.id()).orElseThrow().failingSince()).isEqualTo(T0);
        Claim again = store.claimDue("node-b", T0.plusSeconds(5), LEASE, 10).getFirst();
        assertThat(again.delivery().attempts()).isEqualTo(1);
        store.finish(new DeliveryAttempt(id, 2, "node-b", T0.plusSeconds(5), 3, 204, null, ""), new Outcome.Delivered(T0.plusSeconds(6)));

        Delivery done = store.delivery(id).orElseThrow();
        assertThat(done.status()).isEqualTo(Delivery.Status.DELIVERED);
        assertThat(done.deliveredAt()).isEqualTo(T0.plusSeconds(6));
        assertThat(store.attempts(id)).extracting(DeliveryAttempt::number, DeliveryAttempt::statusCode, DeliveryAttempt::worker)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 500, "node-a"), org.assertj.core.groups.Tuple.tuple(2, 204, "node-b"));
        assertThat(store.endpoint(e.id()).orElseThrow().failingSince()).isNull();
        assertThat(store.nextDue()).isEmpty();
    }

    @Test
    void aDisabledEndpointKeepsItsReasonAndItsPendingDeliveriesFail() {
        Endpoint e = endpoint("ten_a", EventType.DEFAULT);
        store.record(event("ten_a", EventType.COMPLETED), WebhookStoreContract::nextDeliveryId);

        assertThat(store.disable(e.id(), "failing for 5 days", T0)).isTrue();
        assertThat(store.disable(e.id(), "again", T0)).isFalse();

        assertThat(store.endpoint(e.id()).orElseThrow()).satisfies(off -> {
            assertThat(off.enabled()).isFalse();
            assertThat(off.disabledReason()).isEqualTo("failing for 5 days");
        });
        assertThat(store.deliveries(e.id(), null, 10, true)).extracting(Delivery::status).containsExactly(Delivery.Status.FAILED);
        assertThat(store.claimDue("node-a", T0.plusSeconds(60), LEASE, 10)).isEmpty();
        store.update(e.id(), EndpointChanges.enabled(true));
        assertThat(store.endpoint(e.id()).orElseThrow().disabledReason()).isNull();
    }

    @Test
    void aRedeliveryKeepsTheWebhookIdAndIsDueAtOnce() {
        Endpoint e = endpoint("ten_a", EventType.DEFAULT);
        store.record(event("ten_a", EventType.COMPLETED), WebhookStoreContract::nextDeliveryId);
        String id = store.claimDue("node-a", T0, LEASE, 10).getFirst().delivery().id();
        store.finish(new DeliveryAttempt(id, 1, "node-a", T0, 1, 200, null, ""), new Outcome.Delivered(T0));

        assertThat(store.redeliver(id, T0.plusSeconds(100))).isTrue();

        assertThat(store.claimDue("node-a", T0.plusSeconds(100), LEASE, 10)).singleElement()
                .satisfies(c -> assertThat(c.delivery().id()).isEqualTo(id));
        assertThat(store.deliveries(e.id(), null, 10, true)).hasSize(1);
    }

    @Test
    void aRotationKeepsTheOldSecretSigningForItsOverlapOnly() {
        Endpoint e = endpoint("ten_a", EventType.DEFAULT);
        String next = WebhookSigner.newSecret();

        store.rotate(e.id(), next, T0.plus(Endpoint.ROTATION_OVERLAP));

        Endpoint rotated = store.endpoint(e.id()).orElseThrow();
        assertThat(rotated.signingSecrets(T0.plusSeconds(60))).containsExactly(next, e.secret());
        assertThat(rotated.signingSecrets(T0.plus(Endpoint.ROTATION_OVERLAP))).containsExactly(next);
    }

    @Test
    void aRotatedOutSecretIsForgottenOnceItsOverlapHasEndedAndNotBefore() {
        Endpoint e = endpoint("ten_a", EventType.DEFAULT);
        Endpoint never = endpoint("ten_a", EventType.DEFAULT);
        Instant until = T0.plus(Endpoint.ROTATION_OVERLAP);
        store.rotate(e.id(), WebhookSigner.newSecret(), until);

        assertThat(store.forgetPreviousSecrets(until.minusMillis(1))).isZero();
        assertThat(store.endpoint(e.id()).orElseThrow().previousSecret()).isEqualTo(e.secret());

        assertThat(store.forgetPreviousSecrets(until)).isEqualTo(1);
        Endpoint forgotten = store.endpoint(e.id()).orElseThrow();
        assertThat(forgotten.previousSecret()).isNull();
        assertThat(forgotten.previousUntil()).isNull();
        assertThat(store.endpoint(never.id()).orElseThrow().secret()).isEqualTo(never.secret());
    }

    @Test
    void aSecondRotationReplacesTheRotatedOutSecretWithTheOneItRetires() {
        Endpoint e = endpoint("ten_a", EventType.DEFAULT);
        String second = WebhookSigner.newSecret();
        store.rotate(e.id(), second, T0.plus(Endpoint.ROTATION_OVERLAP));
        String third = WebhookSigner.newSecret();
        store.rotate(e.id(), third, T0.plus(Endpoint.ROTATION_OVERLAP).plusSeconds(60));

        assertThat(store.endpoint(e.id()).orElseThrow().signingSecrets(T0)).containsExactly(third, second);
    }

    @Test
    void endpointsArePagedPerTenantInCreationOrderAndChangesApplyOnlyToTheFieldsGiven() {
        Endpoint a1 = endpoint("ten_a", EventType.DEFAULT);
        endpoint("ten_b", EventType.DEFAULT);
        Endpoint a2 = endpoint("ten_a", EventType.DEFAULT);
        Endpoint a3 = endpoint("ten_a", EventType.DEFAULT);

        assertThat(store.endpoints("ten_a", null, 2, true)).extracting(Endpoint::id).containsExactly(a1.id(), a2.id());
        assertThat(store.endpoints("ten_a", a2.id(), 2, true)).extracting(Endpoint::id).containsExactly(a3.id());
        assertThat(store.endpoints(null, null, 10, false)).hasSize(4).first().extracting(Endpoint::id).isEqualTo(a3.id());

        Endpoint changed = store.update(a1.id(), new EndpointChanges(Change.keep(), Change.to(Set.of(EventType.CANCELLED)),
                Change.keep(), Change.to(true))).orElseThrow();
        assertThat(changed.events()).containsExactly(EventType.CANCELLED);
        assertThat(changed.allowPrivate()).isTrue();
        assertThat(changed.url()).isEqualTo(a1.url());
        assertThat(store.delete(a1.id())).isTrue();
        assertThat(store.endpoint(a1.id())).isEmpty();
    }

    @Test
    void workersClaimingTogetherNeverHoldTheSameDelivery() throws Exception {
        endpoint("ten_a", EventType.DEFAULT);
        for (int i = 0; i < 200; i++) store.record(event("ten_a", EventType.COMPLETED), WebhookStoreContract::nextDeliveryId);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            String worker = "node-" + w;
            Callable<List<String>> claim = () -> {
                start.await();
                List<String> mine = new ArrayList<>();
                for (List<Claim> got; !(got = store.claimDue(worker, T0, LEASE, 7)).isEmpty(); ) {
                    got.forEach(c -> mine.add(c.delivery().id()));
                }
                return mine;
            };
            results.add(pool.submit(claim));
        }
        start.countDown();
        List<String> all = Collections.synchronizedList(new ArrayList<>());
        for (Future<List<String>> r : results) all.addAll(r.get());
        pool.shutdown();

        assertThat(all).hasSize(200);
        assertThat(new HashSet<>(all)).hasSize(200);
    }
}
