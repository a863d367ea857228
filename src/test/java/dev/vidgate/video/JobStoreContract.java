package dev.vidgate.video;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.vidgate.testsupport.VideoBuilder.aVideo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link JobStore} contract; every adapter's test extends this and supplies a fresh database. The claiming
 * part is in {@link JobStoreClaimsContract}; this part covers inserts and idempotency, reads, the final states and
 * the transition hook, and the sweeps' queries.
 */
public abstract class JobStoreContract extends JobStoreClaimsContract {
    @Test
    void jobsInProgressAreCountedByTheirHandlesPrefixWithWildcardsTakenLiterally() {
        for (int i = 0; i < 4; i++) store.insert(aVideo().tenant("ten_" + i).key("key_" + i).build(), T0);
        String[] handles = {"main/task-1", "main/task-2", "main_2/task-3", "mainly/task-4"};
        for (String handle : handles) {
            Video claimed = store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
            assertThat(store.recordProgress(claimed.id(), "w1", 10, handle)).isTrue();
        }
        assertThat(store.countInProgressWithHandle("main/")).isEqualTo(2);
        assertThat(store.countInProgressWithHandle("main_2/")).isEqualTo(1);
        assertThat(store.countInProgressWithHandle("ma%/")).as("% is no wildcard").isZero();
        assertThat(store.countInProgressWithHandle("other/")).isZero();
    }

    @Test
    void anInsertedJobIsQueuedAndVisibleOnlyToItsTenant() {
        Video v = store.insert(aVideo().tenant("ten_a").build(), T0);
        assertThat(v.status()).isEqualTo(VideoStatus.QUEUED);
        assertThat(v.progress()).isZero();
        assertThat(store.find("ten_a", v.id())).contains(v);
        assertThat(store.find("ten_b", v.id())).isEmpty();
    }

    @Test
    void theFootageAnEditOrExtensionStartsFromIsStoredWithTheJobAndAbsentForOthers() {
        var extension = new SourceClip(SourceClip.Kind.EXTENSION, "video_source", 4);
        Video v = store.insert(aVideo().seconds(12).source(extension).build(), T0);
        assertThat(store.findById(v.id()).orElseThrow().source()).isEqualTo(extension);
        assertThat(store.findById(v.id()).orElseThrow().billedSeconds()).isEqualTo(8);
        var upload = new SourceClip(SourceClip.Kind.EDIT, null, 3);
        assertThat(store.findById(store.insert(aVideo().source(upload).build(), T0).id()).orElseThrow().source()).isEqualTo(upload);
        assertThat(store.findById(store.insert(aVideo().build(), T0).id()).orElseThrow().source()).isNull();
    }

    @Test
    void theOptionalCreateFieldsAndAdjustmentsAreStoredWithTheJobAndAbsentForASoraJob() {
        var options = new VideoOptions("no text on screen\nno logos", 4_294_967_295L, false, true);
        Video v = store.insert(aVideo().options(options).adjustments(new Adjustment("seconds", "12", "8")).build(), T0);
        Video read = store.findById(v.id()).orElseThrow();
        assertThat(read.options()).isEqualTo(options);
        assertThat(read.adjustments()).containsExactly(new Adjustment("seconds", "12", "8"));

        Video sora = store.insert(aVideo().build(), T0);
        assertThat(store.findById(sora.id()).orElseThrow().options()).isEqualTo(VideoOptions.NONE);
        assertThat(store.findById(sora.id()).orElseThrow().adjustments()).isEmpty();
        Video claimed = store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        assertThat(claimed.options()).isEqualTo(options);
    }

    @Test
    void theJobsSeedIsStoredAndItsPromptReadingRecordedWithoutAMove() {
        Video seeded = store.insert(aVideo().jobSeed(4_294_967_295L).build(), T0);
        assertThat(store.findById(seeded.id()).orElseThrow().jobSeed()).isEqualTo(4_294_967_295L);
        assertThat(store.findById(store.insert(aVideo().build(), T0).id()).orElseThrow().jobSeed()).isNull();

        Video claimed = store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        assertThat(claimed.promptReading()).isNull();
        store.recordPromptReading(claimed.id(), "draws: a procedural sea scene; ignored: lighthouse");
        store.recordPromptReading(claimed.id(), "draws: a procedural sea scene; ignored: lighthouse, keeper");
        Video read = store.findById(claimed.id()).orElseThrow();
        assertThat(read.promptReading()).isEqualTo("draws: a procedural sea scene; ignored: lighthouse, keeper");
        assertThat(read.version()).as("not a move").isEqualTo(claimed.version());
        assertThat(store.complete(claimed, 4, T0, T0.plus(Duration.ofHours(24)))).isPresent();
        store.recordPromptReading("video_gone", "nothing");
    }

    @Test
    void theSameIdempotencyKeyWithinTheWindowReturnsTheFirstJob() {
        Video first = store.insert(aVideo().idempotencyKey("k-1").build(), T0.minusSeconds(10));
        Video again = store.insert(aVideo().idempotencyKey("k-1").build(), T0.minusSeconds(10));
        assertThat(again.id()).isEqualTo(first.id());
        Video otherKey = store.insert(aVideo().key("key_b").tenant("ten_b").idempotencyKey("k-1").build(), T0.minusSeconds(10));
        assertThat(otherKey.id()).isNotEqualTo(first.id());
    }

    @Test
    void anIdempotencyKeyOlderThanTheWindowMakesANewJob() {
        Video first = store.insert(aVideo().idempotencyKey("k-2").createdAt(T0.minus(Duration.ofHours(25))).build(), T0);
        Video later = store.insert(aVideo().idempotencyKey("k-2").build(), T0.minus(Duration.ofHours(24)));
        assertThat(later.id()).isNotEqualTo(first.id());
        assertThat(store.findById(first.id())).isPresent();
    }

    @Test
    void listingPagesThroughATenantsJobsInBothOrdersWithAnExclusiveCursor() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) ids.add(store.insert(aVideo().build(), T0).id());
        store.insert(aVideo().tenant("ten_b").key("key_b").build(), T0);

        assertThat(store.list("ten_a", null, 2, true)).extracting(Video::id).containsExactly(ids.get(0), ids.get(1));
        assertThat(store.list("ten_a", ids.get(1), 10, true)).extracting(Video::id).containsExactlyElementsOf(ids.subList(2, 5));
        List<String> reversed = new ArrayList<>(ids);
        Collections.reverse(reversed);
        assertThat(store.list("ten_a", null, 10, false)).extracting(Video::id).containsExactlyElementsOf(reversed);
        assertThat(store.list("ten_a", ids.get(2), 10, false)).extracting(Video::id).containsExactly(ids.get(1), ids.get(0));
    }

    @Test
    void completionLosesToAnEarlierCancelAndFinishedJobsNeverChangeAgain() {
        store.insert(aVideo().build(), T0);
        Video claimed = store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        Video cancelled = store.cancel(claimed, T0).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(VideoStatus.CANCELLED);

        assertThat(store.complete(claimed, 4, T0, T0.plusSeconds(10))).isEmpty();
        assertThat(store.fail(cancelled, new VideoError("x", "y"), T0)).isEmpty();
        assertThat(store.recordProgress(claimed.id(), "w1", 50, "h")).isFalse();
        assertThat(store.findById(claimed.id()).orElseThrow().status()).isEqualTo(VideoStatus.CANCELLED);
    }

    @Test
    void whatTheEngineChangedOfTheOutputIsAddedAfterTheJobsOwnAdjustmentsOnCompletion() {
        Video snapped = store.insert(aVideo().adjustments(new Adjustment("seconds", "12", "8")).build(), T0);
        Video claimed = store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        Adjustment padded = new Adjustment("output_seconds", "7.50", "8");

        Video done = store.complete(claimed, 8, ProviderUsage.NONE, List.of(padded), T0, T0.plusSeconds(100)).orElseThrow();

        assertThat(done.adjustments()).containsExactly(new Adjustment("seconds", "12", "8"), padded);
        assertThat(store.findById(snapped.id()).orElseThrow().adjustments()).containsExactly(new Adjustment("seconds", "12", "8"), padded);
        assertThat(store.complete(claimed, 8, ProviderUsage.NONE, List.of(padded), T0, T0.plusSeconds(100)))
                .as("a lost race adds nothing").isEmpty();
        assertThat(store.findById(snapped.id()).orElseThrow().adjustments()).hasSize(2);
    }

    @Test
    void aCompletedJobCarriesTheUsageItsProviderReportedAndAJobWithoutAReportCarriesNone() {
        store.insert(aVideo().build(), T0);
        store.insert(aVideo().build(), T0);
        Video reported = store.complete(store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow(), 2,
                new ProviderUsage(19_845L, 2.042), T0, T0.plusSeconds(100)).orElseThrow();
        Video silent = store.complete(store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow(), 4, T0, T0.plusSeconds(100)).orElseThrow();
        assertThat(store.findById(reported.id()).orElseThrow().usage()).isEqualTo(new ProviderUsage(19_845L, 2.042));
        assertThat(reported.deliveredSeconds()).isEqualTo(2);
        assertThat(store.findById(silent.id()).orElseThrow().usage()).isEqualTo(ProviderUsage.NONE);
        assertThat(hook.events).as("the hook sees the completed job with its usage")
                .contains("finished " + reported.id() + " IN_PROGRESS->COMPLETED 2s 19845 tokens", "finished " + silent.id() + " IN_PROGRESS->COMPLETED 4s");
    }

    @Test
    void aCompletedJobCarriesItsTimesAndFullProgress() {
        store.insert(aVideo().build(), T0);
        Video claimed = store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        Video done = store.complete(claimed, 4, T0.plusSeconds(5), T0.plusSeconds(5 + 86400)).orElseThrow();
        assertThat(done.status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(done.progress()).isEqualTo(100);
        assertThat(done.completedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(done.expiresAt()).isEqualTo(T0.plusSeconds(5 + 86400));
        assertThat(done.version()).isGreaterThan(claimed.version());
    }

    @Test
    void aFailedJobKeepsItsErrorAndARequeuedJobCanBeClaimedAgain() {
        store.insert(aVideo().build(), T0);
        Video claimed = store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        store.recordProgress(claimed.id(), "w1", 30, "handle-of-the-failed-try");
        Video requeued = store.requeue(claimed, T0).orElseThrow();
        assertThat(requeued.status()).isEqualTo(VideoStatus.QUEUED);
        assertThat(requeued.engineHandle()).isNull();
        Video again = store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        Video failed = store.fail(again, new VideoError("render_failed", "bad"), T0).orElseThrow();
        assertThat(failed.error()).isEqualTo(new VideoError("render_failed", "bad"));
    }

    @Test
    void expiredContentIsFoundOnceAndMarked() {
        store.insert(aVideo().build(), T0);
        Video claimed = store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        store.complete(claimed, 4, T0, T0.plusSeconds(100));
        assertThat(store.findExpired(T0.plusSeconds(99), 10)).isEmpty();
        List<Video> due = store.findExpired(T0.plusSeconds(100), 10);
        assertThat(due).hasSize(1);
        assertThat(store.markContentExpired(due.getFirst())).isTrue();
        assertThat(store.markContentExpired(due.getFirst())).isFalse();
        assertThat(store.findExpired(T0.plusSeconds(200), 10)).isEmpty();
        assertThat(store.findById(claimed.id()).orElseThrow().contentExpired()).isTrue();
    }

    @Test
    void aBatchOfExpiredJobsIsMarkedInOneGoExceptAJobThatChangedMeanwhile() {
        for (int i = 0; i < 3; i++) {
            store.insert(aVideo().build(), T0);
            store.complete(store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow(), 4, T0, T0.plusSeconds(100));
        }
        List<Video> due = store.findExpired(T0.plusSeconds(100), 10);
        assertThat(due).hasSize(3);
        assertThat(store.markContentExpired(due.get(1))).as("a concurrent sweep took this one").isTrue();

        assertThat(store.markContentExpired(due)).extracting(Video::id).containsExactly(due.get(0).id(), due.get(2).id());
        assertThat(store.markContentExpired(due)).isEmpty();
        assertThat(store.findExpired(T0.plusSeconds(200), 10)).isEmpty();
        assertThat(store.markContentExpired(List.of())).isEmpty();
    }

    @Test
    void failedAndCancelledJobsAreFoundOnceForTheirFilesToBeDeletedWhileOtherJobsAreNot() {
        Video cancelled = store.cancel(store.insert(aVideo().withReference().build(), T0), T0).orElseThrow();
        store.insert(aVideo().withReference().build(), T0);
        Video failed = store.fail(store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow(), new VideoError("render_failed", "bad"), T0)
                .orElseThrow();
        store.insert(aVideo().build(), T0);
        Video completed = store.complete(store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow(), 4, T0, T0.plusSeconds(100))
                .orElseThrow();
        store.insert(aVideo().build(), T0);
        Video running = store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        Video queued = store.insert(aVideo().build(), T0);

        List<Video> ended = store.findEndedUnswept(10);
        assertThat(ended).extracting(Video::id).containsExactlyInAnyOrder(cancelled.id(), failed.id());
        for (Video v : ended) assertThat(store.markContentExpired(v)).isTrue();
        assertThat(store.findEndedUnswept(10)).isEmpty();
        assertThat(store.findById(cancelled.id()).orElseThrow().status()).isEqualTo(VideoStatus.CANCELLED);
        assertThat(store.findById(failed.id()).orElseThrow().contentExpired()).isTrue();
        assertThat(store.markContentExpired(running)).isFalse();
        assertThat(store.markContentExpired(queued)).isFalse();
        assertThat(store.findById(completed.id()).orElseThrow().contentExpired()).isFalse();
        assertThat(store.findEndedUnswept(1)).isEmpty();
    }

    @Test
    void onlyFinishedJobsAreDeleted() {
        Video queued = store.insert(aVideo().build(), T0);
        assertThat(store.delete(queued)).isFalse();
        Video cancelled = store.cancel(queued, T0).orElseThrow();
        assertThat(store.delete(cancelled)).isTrue();
        assertThat(store.findById(queued.id())).isEmpty();
    }

    @Test
    void activeJobsAreCountedPerStateEngineAndKeyAndFinishedOnesNotAtAll() {
        for (int i = 0; i < 3; i++) store.insert(aVideo().build(), T0);
        store.insert(aVideo().tenant("ten_b").key("key_b").build(), T0);
        store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        // Fair claims: key_b runs nothing yet, so its job goes second; it finishes.
        Video finished = store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        assertThat(finished.keyId()).isEqualTo("key_b");
        store.complete(finished, 4, T0, T0.plusSeconds(100));

        assertThat(store.countActive()).containsExactlyInAnyOrder(
                new ActiveJobs(VideoStatus.QUEUED, "builtin", "key_a", 2),
                new ActiveJobs(VideoStatus.IN_PROGRESS, "builtin", "key_a", 1));
    }

    @Test
    void aCompletedJobRecordsTheSecondsItsEngineDelivered() {
        store.insert(aVideo().build(), T0);
        Video claimed = store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        assertThat(claimed.deliveredSeconds()).isZero();
        assertThat(store.complete(claimed, 3, T0, T0.plusSeconds(100)).orElseThrow().deliveredSeconds()).isEqualTo(3);
    }

    @Test
    void theHookSeesEachCreateAndEachFinishOnceAndNeverALostRace() {
        Video job = store.insert(aVideo().idempotencyKey("once").build(), T0);
        store.insert(aVideo().idempotencyKey("once").build(), T0);
        Video claimed = store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        Video done = store.complete(claimed, 4, T0, T0.plusSeconds(100)).orElseThrow();
        assertThat(store.complete(claimed, 4, T0, T0.plusSeconds(100))).isEmpty();
        assertThat(store.fail(claimed, new VideoError("x", "y"), T0)).isEmpty();

        assertThat(hook.events).containsExactly("created " + job.id(), "finished " + job.id() + " IN_PROGRESS->COMPLETED 4s");
        assertThat(done.status()).isEqualTo(VideoStatus.COMPLETED);
    }

    @Test
    void aHookThatRefusesACreateLeavesNoJobBehind() {
        hook.refuseCreates = true;
        var refused = aVideo().build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.insert(refused, T0)).hasMessage("refused by hook");
        assertThat(store.findById(refused.id())).isEmpty();
    }

    @Test
    void aHookThatFailsDuringAFinishLeavesTheJobAsItWas() {
        Video queued = store.insert(aVideo().build(), T0);
        hook.refuseFinishes = true;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.cancel(queued, T0)).hasMessage("refused by hook");
        assertThat(store.findById(queued.id()).orElseThrow()).isEqualTo(queued);
    }
}
