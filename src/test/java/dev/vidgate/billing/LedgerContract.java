package dev.vidgate.billing;

import dev.vidgate.catalog.PriceUnit;
import dev.vidgate.catalog.VideoSize;
import dev.vidgate.common.Change;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@link Ledger} contract; every adapter's test extends this and supplies a fresh database. */
public abstract class LedgerContract {
    private static final Instant T0 = Instant.parse("2026-11-05T10:00:00Z");
    private static final long PRICE = 100_000;

    protected Ledger ledger;
    protected JdbcTemplate jdbc;
    protected TransactionTemplate tx;

    protected abstract DataSource freshDatabase();

    protected abstract Ledger ledgerOn(JdbcTemplate jdbc, TransactionTemplate tx);

    @BeforeEach
    void setUp() {
        DataSource ds = freshDatabase();
        jdbc = new JdbcTemplate(ds);
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        ledger = ledgerOn(jdbc, tx);
        jdbc.update("INSERT INTO tenants (id, name, created_at) VALUES ('ten_a', 'a', 0), ('ten_b', 'b', 0)");
    }

    @Test
    void aHoldTakesPriceTimesSecondsOffTheBalanceAndWritesOneRow() {
        topUp("ten_a", 2_000_000);
        var held = (HoldOutcome.Held) ledger.hold(hold("ten_a", "video_1", 8));
        assertThat(held.movement().amount()).isEqualTo(-800_000);
        assertThat(held.movement().balanceAfter()).isEqualTo(1_200_000);
        Account a = account("ten_a");
        assertThat(a.balance()).isEqualTo(1_200_000);
        assertThat(a.held()).isEqualTo(800_000);
        assertThat(ledger.movements("ten_a", null, 10, true)).extracting(Movement::kind).containsExactly(MovementKind.TOPUP, MovementKind.HOLD);
        assertThat(ledger.reconcile()).isEmpty();
    }

    @Test
    void aHoldThePrepaidBalanceCannotCoverIsRefusedAndWritesNothing() {
        topUp("ten_a", 300_000);
        var refused = (HoldOutcome.Refused) ledger.hold(hold("ten_a", "video_1", 4));
        assertThat(refused.reason()).isEqualTo(HoldOutcome.Reason.BALANCE);
        assertThat(refused.needed()).isEqualTo(400_000);
        assertThat(refused.limit()).isEqualTo(300_000);
        assertThat(account("ten_a").balance()).isEqualTo(300_000);
        assertThat(ledger.movements("ten_a", null, 10, true)).hasSize(1);
    }

    @Test
    void aCreditLimitLetsHoldsGoThatFarBelowZeroAndNoLimitMeansPostpaid() {
        limits("ten_a", Change.to(500_000L), Change.keep());
        assertThat(ledger.hold(hold("ten_a", "video_1", 4))).isInstanceOf(HoldOutcome.Held.class);
        assertThat(ledger.hold(hold("ten_a", "video_2", 4))).isInstanceOf(HoldOutcome.Refused.class);
        assertThat(account("ten_a").balance()).isEqualTo(-400_000);

        limits("ten_b", Change.to(null), Change.keep());
        for (int i = 0; i < 5; i++) assertThat(ledger.hold(hold("ten_b", "video_b" + i, 12))).isInstanceOf(HoldOutcome.Held.class);
        assertThat(account("ten_b").balance()).isEqualTo(-6_000_000);
        assertThat(ledger.reconcile()).isEmpty();
    }

    @Test
    void spendingLimitsCountWhatIsHeldAndChargedAndReleasesGiveItBack() {
        topUp("ten_a", 10_000_000);
        limits("ten_a", Change.keep(), Change.to(1_000_000L));
        assertThat(ledger.hold(hold("ten_a", "video_1", 8))).isInstanceOf(HoldOutcome.Held.class);
        var refused = (HoldOutcome.Refused) ledger.hold(hold("ten_a", "video_2", 4));
        assertThat(refused.reason()).isEqualTo(HoldOutcome.Reason.DAILY_LIMIT);
        assertThat(refused.spent()).isEqualTo(800_000);

        ledger.release("video_1", T0.plusSeconds(60));
        assertThat(account("ten_a").spentToday()).isZero();
        assertThat(ledger.hold(hold("ten_a", "video_2", 4))).isInstanceOf(HoldOutcome.Held.class);
        // A new UTC day starts from zero; the month keeps counting.
        assertThat(ledger.hold(new Hold("ten_a", "key_a", "video_3", "sora-2", "720p", 8, PRICE, T0.plus(Duration.ofDays(1)))))
                .isInstanceOf(HoldOutcome.Held.class);
        Account a = ledger.account("ten_a", T0.plus(Duration.ofDays(1))).orElseThrow();
        assertThat(a.spentToday()).isEqualTo(800_000);
        assertThat(a.spentThisMonth()).isEqualTo(1_200_000);

        ledger.setLimits("ten_a", new SpendingLimits(Change.keep(), Change.to(null), Change.to(1_500_000L)), T0);
        var monthly = (HoldOutcome.Refused) ledger.hold(new Hold("ten_a", "key_a", "video_4", "sora-2", "720p", 4, PRICE,
                T0.plus(Duration.ofDays(2))));
        assertThat(monthly.reason()).isEqualTo(HoldOutcome.Reason.MONTHLY_LIMIT);
    }

    @Test
    void aSettleChargesTheDeliveredSecondsNeverMoreThanHeldAndGivesBackTheRest() {
        topUp("ten_a", 5_000_000);
        ledger.hold(hold("ten_a", "video_short", 8));
        ledger.hold(hold("ten_a", "video_long", 8));
        Movement shortSettle = ledger.settle("video_short", 5, T0.plusSeconds(30)).orElseThrow();
        assertThat(shortSettle.charge()).isEqualTo(500_000);
        assertThat(shortSettle.amount()).isEqualTo(300_000);
        assertThat(shortSettle.seconds()).isEqualTo(5);
        Movement longSettle = ledger.settle("video_long", 20, T0.plusSeconds(30)).orElseThrow();
        assertThat(longSettle.charge()).isEqualTo(800_000);
        assertThat(longSettle.amount()).isZero();
        Account a = account("ten_a");
        assertThat(a.balance()).isEqualTo(5_000_000 - 1_300_000);
        assertThat(a.held()).isZero();
        assertThat(ledger.reconcile()).isEmpty();
    }

    @Test
    void aTokenPricedJobSettlesOnTheTokensTheProviderReportedNeverMoreThanItsHold() {
        topUp("ten_a", 5_000_000);
        // 5 s at 1280x720: 21,600 tokens a second held, 108,000 tokens at 2,500 per 1,000 = 270,000
        var held = (HoldOutcome.Held) ledger.hold(tokens("video_fewer"));
        assertThat(held.movement()).extracting(Movement::amount, Movement::unit, Movement::quantity)
                .containsExactly(-270_000L, PriceUnit.THOUSAND_TOKENS, 108_000L);
        ledger.hold(tokens("video_more"));
        ledger.hold(tokens("video_unreported"));

        Movement fewer = ledger.settle("video_fewer", new Delivery(5, 100_001L), T0).orElseThrow();
        assertThat(fewer).extracting(Movement::quantity, Movement::charge, Movement::amount).containsExactly(100_001L, 250_003L, 19_997L);
        Movement more = ledger.settle("video_more", new Delivery(5, 130_000L), T0).orElseThrow();
        assertThat(more).extracting(Movement::quantity, Movement::charge, Movement::amount).containsExactly(108_000L, 270_000L, 0L);
        // Without a report: the held tokens for the seconds delivered (4 of 5).
        Movement unreported = ledger.settle("video_unreported", new Delivery(4, null), T0).orElseThrow();
        assertThat(unreported).extracting(Movement::quantity, Movement::charge).containsExactly(86_400L, 216_000L);
        assertThat(account("ten_a").balance()).isEqualTo(5_000_000 - 250_003 - 270_000 - 216_000);
        assertThat(ledger.reconcile()).isEmpty();
    }

    @Test
    void aClipIsChargedWholeWhateverItsLengthAndTheAudioSurchargeIsPartOfTheUnitPrice() {
        topUp("ten_a", 5_000_000);
        var clip = new Hold("ten_a", "key_a", "video_clip", "house-model", "720p", 5, PriceUnit.CLIP, 1, 350_000, false, T0);
        var sound = new Hold("ten_a", "key_a", "video_sound", "kling-v2-6", "720p", 5, PriceUnit.SECOND, 5, 84_000, true, T0);
        assertThat(((HoldOutcome.Held) ledger.hold(clip)).movement().amount()).isEqualTo(-350_000);
        assertThat(((HoldOutcome.Held) ledger.hold(sound)).movement().audio()).isTrue();

        assertThat(ledger.settle("video_clip", 3, T0).orElseThrow()).extracting(Movement::unit, Movement::quantity, Movement::charge)
                .containsExactly(PriceUnit.CLIP, 1L, 350_000L);
        assertThat(ledger.settle("video_sound", 5, T0).orElseThrow()).extracting(Movement::quantity, Movement::charge, Movement::audio)
                .containsExactly(5L, 420_000L, true);
        LocalDate day = LocalDate.parse("2026-11-05");
        assertThat(ledger.usage(new UsageQuery("ten_a", null, day, day))).containsExactly(
                new UsageRow(day, "ten_a", "key_a", "house-model", "720p", PriceUnit.CLIP, 3, 1, 1, 350_000),
                new UsageRow(day, "ten_a", "key_a", "kling-v2-6", "720p", PriceUnit.SECOND, 5, 5, 1, 420_000));
    }

    @Test
    void aHoldLargerThanAnyBalanceIsRefusedBeforeItsSumsCanOverflow() {
        limits("ten_a", Change.to(null), Change.to(1_000_000L));
        var huge = new Hold("ten_a", "key_a", "video_1", "seedance", "4k", 600, PriceUnit.THOUSAND_TOKENS, 116_640_000, Money.MAX_PRICE_PER_SECOND,
                false, T0);
        assertThat(ledger.hold(huge)).isInstanceOf(HoldOutcome.Refused.class);
        assertThat(ledger.movements(null, null, 10, true)).isEmpty();
    }

    @Test
    void aSettleUsesThePriceTheJobWasHeldAt() {
        topUp("ten_a", 5_000_000);
        ledger.hold(hold("ten_a", "video_1", 4));
        // Whatever the price book says later, the job settles at its hold's unit price.
        assertThat(ledger.settle("video_1", 4, T0.plusSeconds(30)).orElseThrow().charge()).isEqualTo(4 * PRICE);
    }

    @Test
    void aReleaseGivesBackTheWholeHoldAndChargesNothing() {
        topUp("ten_a", 1_000_000);
        ledger.hold(hold("ten_a", "video_1", 8));
        Movement release = ledger.release("video_1", T0.plusSeconds(5)).orElseThrow();
        assertThat(release.amount()).isEqualTo(800_000);
        assertThat(release.charge()).isZero();
        assertThat(account("ten_a").balance()).isEqualTo(1_000_000);
        assertThat(account("ten_a").spentToday()).isZero();
    }

    @Test
    void aJobIsSettledOrReleasedOnlyOnce() {
        topUp("ten_a", 1_000_000);
        ledger.hold(hold("ten_a", "video_1", 4));
        ledger.settle("video_1", 4, T0);
        assertThatThrownBy(() -> ledger.release("video_1", T0)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> ledger.settle("video_1", 4, T0)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> ledger.hold(hold("ten_a", "video_1", 4))).isInstanceOf(RuntimeException.class);
        assertThat(account("ten_a").balance()).isEqualTo(600_000);
        assertThat(ledger.movements("ten_a", null, 10, true)).hasSize(3);
        assertThat(ledger.reconcile()).isEmpty();
    }

    @Test
    void aJobThatWasNeverHeldIsNeitherSettledNorReleased() {
        assertThat(ledger.settle("video_before_billing", 4, T0)).isEmpty();
        assertThat(ledger.release("video_before_billing", T0)).isEmpty();
        assertThat(ledger.movements(null, null, 10, true)).isEmpty();
    }

    @Test
    void aHoldInARolledBackTransactionLeavesNoTrace() {
        topUp("ten_a", 1_000_000);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            ledger.hold(hold("ten_a", "video_1", 4));
            throw new IllegalStateException("the job insert failed after the hold");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(account("ten_a").balance()).isEqualTo(1_000_000);
        assertThat(account("ten_a").spentToday()).isZero();
        assertThat(ledger.movements("ten_a", null, 10, true)).hasSize(1);
    }

    @Test
    void aDisabledTenantIsRefused() {
        topUp("ten_a", 1_000_000);
        jdbc.update("UPDATE tenants SET disabled = TRUE WHERE id = 'ten_a'");
        assertThat(((HoldOutcome.Refused) ledger.hold(hold("ten_a", "video_1", 4))).reason()).isEqualTo(HoldOutcome.Reason.TENANT_DISABLED);
    }

    @Test
    void topUpsAndAdjustmentsMoveTheBalanceOnceEvenWhenTheirRequestIsRepeated() {
        Movement first = ledger.credit(new Credit("ten_a", MovementKind.TOPUP, 700_000, "invoice 17", "req-1", T0));
        Movement again = ledger.credit(new Credit("ten_a", MovementKind.TOPUP, 700_000, "invoice 17", "req-1", T0));
        assertThat(again.id()).isEqualTo(first.id());
        ledger.credit(new Credit("ten_a", MovementKind.ADJUSTMENT, -200_000, "goodwill reversed", null, T0));
        assertThat(account("ten_a").balance()).isEqualTo(500_000);
        // The same request key for another tenant is another request.
        ledger.credit(new Credit("ten_b", MovementKind.TOPUP, 100, "x", "req-1", T0));
        assertThatThrownBy(() -> ledger.credit(new Credit("ten_a", MovementKind.TOPUP, 1, "other", "req-1", T0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ledger.movements("ten_a", null, 10, true)).hasSize(2);
        assertThat(ledger.reconcile()).isEmpty();
    }

    @Test
    void aBalanceLeavingItsRangeAndAnUnknownTenantAreRefusedWithoutAPartialWrite() {
        topUp("ten_a", Money.MAX_AMOUNT);
        assertThatThrownBy(() -> topUp("ten_a", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.credit(new Credit("ten_b", MovementKind.ADJUSTMENT, -Money.MAX_AMOUNT - 1, "x", null, T0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> topUp("ten_nobody", 5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(account("ten_a").balance()).isEqualTo(Money.MAX_AMOUNT);
        assertThat(ledger.movements(null, null, 10, true)).hasSize(1);
        assertThat(ledger.reconcile()).isEmpty();
    }

    @Test
    void usageSumsSettledSecondsJobsAndCreditsPerDayKeyModelAndResolution() {
        topUp("ten_a", 50_000_000);
        ledger.hold(hold("ten_a", "video_1", 8));
        ledger.hold(hold("ten_a", "video_2", 4));
        ledger.hold(new Hold("ten_a", "key_a", "video_3", "sora-2-pro", "1080p", 4, 700_000, T0));
        ledger.hold(hold("ten_a", "video_4", 12));
        ledger.settle("video_1", 8, T0.plusSeconds(60));
        ledger.settle("video_2", 4, T0.plusSeconds(60));
        ledger.settle("video_3", 4, T0.plus(Duration.ofDays(1)));
        ledger.release("video_4", T0.plusSeconds(60));
        LocalDate day = LocalDate.parse("2026-11-05");

        List<UsageRow> rows = ledger.usage(new UsageQuery("ten_a", null, day, day.plusDays(1)));
        assertThat(rows).containsExactly(
                new UsageRow(day, "ten_a", "key_a", "sora-2", "720p", PriceUnit.SECOND, 12, 12, 2, 1_200_000),
                new UsageRow(day.plusDays(1), "ten_a", "key_a", "sora-2-pro", "1080p", PriceUnit.SECOND, 4, 4, 1, 2_800_000));
        assertThat(ledger.usage(new UsageQuery("ten_a", "key_other", day, day))).isEmpty();
        assertThat(ledger.usage(new UsageQuery("ten_b", null, day, day))).isEmpty();
        assertThat(ledger.usage(new UsageQuery(null, null, day, day))).hasSize(1);
    }

    @Test
    void theLedgerPagesInWriteOrderWithAnExclusiveCursor() {
        for (int i = 1; i <= 5; i++) topUp("ten_a", i);
        topUp("ten_b", 9);
        List<Movement> all = ledger.movements("ten_a", null, 10, true);
        assertThat(all).extracting(Movement::amount).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(ledger.movements("ten_a", all.get(1).id(), 2, true)).extracting(Movement::amount).containsExactly(3L, 4L);
        assertThat(ledger.movements("ten_a", all.get(3).id(), 10, false)).extracting(Movement::amount).containsExactly(3L, 2L, 1L);
        assertThat(ledger.movements(null, null, 10, false)).first().extracting(Movement::amount).isEqualTo(9L);
        assertThat(ledger.movement(all.getFirst().id())).contains(all.getFirst());
    }

    @Test
    void reconciliationFindsABalanceThatDriftedFromItsLedgerAndAFinishedJobStillHeld() {
        topUp("ten_a", 1_000_000);
        ledger.hold(hold("ten_a", "video_1", 4));
        jdbc.update("INSERT INTO videos (id, tenant_id, key_id, model, quality, status, progress, prompt, width, height, seconds, "
                + "has_reference, engine, created_at) VALUES ('video_1', 'ten_a', 'key_a', 'sora-2', 'standard', 'FAILED', 0, 'p', "
                + "1280, 720, 4, FALSE, 'builtin', 0)");
        jdbc.update("UPDATE tenants SET balance = balance + 1 WHERE id = 'ten_b'");
        assertThat(ledger.reconcile()).extracting(Discrepancy::tenantId, Discrepancy::videoId).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("ten_b", null),
                org.assertj.core.groups.Tuple.tuple("ten_a", "video_1"));
    }

    private Hold hold(String tenantId, String videoId, int seconds) {
        return new Hold(tenantId, "key_a", videoId, "sora-2", "720p", seconds, PRICE, T0);
    }

    /** 5 s of a token-priced model at 1280x720, 2,500 micro-credits per 1,000 tokens. */
    private Hold tokens(String videoId) {
        var size = new VideoSize(1280, 720);
        return new Hold("ten_a", "key_a", videoId, "seedance-1-0-pro-250528", "720p", 5, PriceUnit.THOUSAND_TOKENS,
                PriceUnit.THOUSAND_TOKENS.quantity(size, 5), 2_500, false, T0);
    }

    private void topUp(String tenantId, long amount) {
        ledger.credit(new Credit(tenantId, MovementKind.TOPUP, amount, "test", null, T0));
    }

    private void limits(String tenantId, Change<Long> creditLimit, Change<Long> daily) {
        ledger.setLimits(tenantId, new SpendingLimits(creditLimit, daily, Change.keep()), T0).orElseThrow();
    }

    private Account account(String tenantId) {
        return ledger.account(tenantId, T0).orElseThrow();
    }
}
