package dev.vidgate.billing;

import dev.vidgate.catalog.PriceUnit;
import dev.vidgate.common.ApiException;
import dev.vidgate.testsupport.BilledJobs;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.VideoBuilder;
import dev.vidgate.video.JobStore;
import dev.vidgate.video.ProviderUsage;
import dev.vidgate.video.TransitionHook;
import dev.vidgate.video.Video;
import dev.vidgate.video.VideoError;
import dev.vidgate.video.jdbc.JdbcJobStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static dev.vidgate.testsupport.BilledJobs.KLING_PER_SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@link BillingHook} holds and charges per price unit, on the real job store and ledger: jobs are created through a
 * store whose hook says whether each asks for sound, as the stored {@code generate_audio} will.
 */
class BillingHookTest {
    private final TestClock clock = new TestClock();
    private BilledJobs db;
    private JobStore store;
    private volatile boolean asksForSound;

    @BeforeEach
    void setUp() {
        db = BilledJobs.onFreshH2(clock);
        var tx = new TransactionTemplate(new DataSourceTransactionManager(db.jdbc().getDataSource()));
        store = new JdbcJobStore(db.jdbc(), tx, new TransitionHook() {
            @Override
            public void created(Video created) {
                db.hook().created(created, asksForSound);
            }

            @Override
            public void finished(Video before, Video after) {
                db.hook().finished(before, after);
            }
        });
    }

    @Test
    void soundOnAModelWhoseSoundIsOptionalIsHeldAndChargedWithItsAudioSurcharge() {
        asksForSound = true;
        Video loud = insert(db.aJob().model("kling-v2-6", 1280, 720).seconds(5));
        asksForSound = false;
        Video quiet = insert(db.aJob().model("kling-v2-6", 1280, 720).seconds(5));

        assertThat(holdOf(loud)).extracting(Movement::amount, Movement::unitPrice, Movement::audio)
                .containsExactly(-5 * 2 * KLING_PER_SECOND, 2 * KLING_PER_SECOND, true);
        assertThat(holdOf(quiet)).extracting(Movement::amount, Movement::audio).containsExactly(-5 * KLING_PER_SECOND, false);
        complete(loud, 5, ProviderUsage.NONE);
        complete(quiet, 5, ProviderUsage.NONE);
        assertThat(db.closeOf(loud)).extracting(Movement::charge, Movement::audio).containsExactly(10 * KLING_PER_SECOND, true);
        assertThat(db.closeOf(quiet).charge()).isEqualTo(5 * KLING_PER_SECOND);
    }

    @Test
    void soundOnAModelThatAlwaysMakesItCostsNothingExtra() {
        asksForSound = true;
        Video sora = insert(db.aJob().seconds(4));
        assertThat(holdOf(sora)).extracting(Movement::amount, Movement::audio).containsExactly(-4 * BilledJobs.PRICE_PER_SECOND, false);
    }

    @Test
    void aPricePerClipHoldsOneClipAndChargesItWholeHoweverShortTheVideo() {
        db.prices().set("sora-2", "720p", PriceUnit.CLIP, 300_000, null, Instant.EPOCH);
        Video job = insert(db.aJob().seconds(8));
        assertThat(holdOf(job)).extracting(Movement::amount, Movement::unit, Movement::quantity).containsExactly(-300_000L, PriceUnit.CLIP, 1L);
        complete(job, 4, ProviderUsage.NONE);
        assertThat(db.closeOf(job)).extracting(Movement::quantity, Movement::charge).containsExactly(1L, 300_000L);
    }

    @Test
    void aTokenPricedJobThatFailsOnModerationGivesBackItsWholeHold() {
        Video job = insert(db.aJob().model("seedance-1-0-pro-250528", 1280, 720).seconds(5));
        assertThat(holdOf(job)).extracting(Movement::amount, Movement::quantity).containsExactly(-270_000L, 108_000L);
        Video claimed = store.claimNext("w", clock.instant(), Duration.ofMinutes(1), Set.of("builtin")).orElseThrow();
        store.fail(claimed, new VideoError("moderation_blocked", "blocked by the provider"), clock.instant()).orElseThrow();
        assertThat(db.closeOf(job)).extracting(Movement::kind, Movement::amount, Movement::charge)
                .containsExactly(MovementKind.RELEASE, 270_000L, 0L);
        assertThat(db.ledger().reconcile()).isEmpty();
    }

    @Test
    void aTokenPricedJobTheBalanceCannotCoverIsRefusedNamingTheTokensItWouldCost() {
        db.prices().set("seedance-1-0-pro-250528", "720p", PriceUnit.THOUSAND_TOKENS, 1_000_000, null, Instant.EPOCH);
        assertThatThrownBy(() -> insert(db.aJob().model("seedance-1-0-pro-250528", 1280, 720).seconds(5)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("this video needs 108 credits (5 s of seedance-1-0-pro-250528 720p, 108000 tokens at 1 credits "
                        + "per 1,000 tokens)");
    }

    private Video insert(VideoBuilder job) {
        return store.insert(job.build(), clock.instant());
    }

    private void complete(Video job, int seconds, ProviderUsage usage) {
        Video claimed = store.claimNext("w", clock.instant(), Duration.ofMinutes(1), Set.of("builtin")).orElseThrow();
        assertThat(claimed.id()).isEqualTo(job.id());
        store.complete(claimed, seconds, usage, clock.instant(), clock.instant().plusSeconds(3600)).orElseThrow();
    }

    private Movement holdOf(Video job) {
        return db.ledger().movements(job.tenantId(), null, 100, true).stream()
                .filter(m -> job.id().equals(m.videoId()) && m.kind() == MovementKind.HOLD).findFirst().orElseThrow();
    }
}
