package dev.vidgate.jobs;

import dev.vidgate.video.JobStore;
import dev.vidgate.video.jdbc.JdbcJobStore;
import dev.vidgate.storage.ContentStore;
import dev.vidgate.storage.StorageException;
import dev.vidgate.storage.fs.FileSystemContentStore;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestDatabases;
import dev.vidgate.video.Variant;
import dev.vidgate.video.SourceClip;
import dev.vidgate.video.Video;
import dev.vidgate.video.VideoError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.Proxy;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.vidgate.testsupport.VideoBuilder.aVideo;
import static org.assertj.core.api.Assertions.assertThat;

/** Retention covers every file a job leaves, on the real file-system store and job store (H2), moved by a test clock. */
class ExpirySweeperTest {
    private static final Duration RETENTION = Duration.ofHours(24);
    private static final Duration STRAY_AFTER = Duration.ofHours(1);
    private static final Set<String> BUILTIN = Set.of("builtin");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final int BATCH = 10;

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();
    private JobStore jobs;
    private FileSystemContentStore content;
    private ExpirySweeper sweeper;

    @BeforeEach
    void setUp() {
        DataSource ds = TestDatabases.freshH2();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.update("INSERT INTO tenants (id, name, created_at) VALUES ('ten_a', 'a', 0)");
        jdbc.update("INSERT INTO api_keys (id, tenant_id, name, secret_hash, secret_hint, max_concurrent, created_at) VALUES "
                + "('key_a', 'ten_a', 'a', 'h1', 'x', 5, 0)");
        jobs = new JdbcJobStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(ds)));
        content = new FileSystemContentStore(dir.resolve("content"));
        sweeper = new ExpirySweeper(jobs, content, clock, STRAY_AFTER, BATCH);
    }

    @Test
    void theReferencesOfCancelledAndFailedJobsAreDeletedWhileACompletedJobKeepsItsFilesUntilItExpires() {
        Video cancelled = jobs.cancel(uploaded(), clock.instant()).orElseThrow();
        uploaded();
        Video failed = jobs.fail(claim(), new VideoError("render_failed", "bad"), clock.instant()).orElseThrow();
        uploaded();
        Video completed = jobs.complete(claim(), 4, clock.instant(), clock.instant().plus(RETENTION)).orElseThrow();
        for (Variant v : Variant.values()) content.put(completed.storageKey(v), bytes());
        content.put(completed.lastFrameKey(), bytes());

        assertThat(sweeper.sweepDue(MINUTE)).isEqualTo(2);
        assertThat(content.size(cancelled.referenceKey())).isEmpty();
        assertThat(content.size(failed.referenceKey())).isEmpty();
        assertThat(content.size(completed.referenceKey())).isPresent();
        for (Variant v : Variant.values()) assertThat(content.size(completed.storageKey(v))).isPresent();
        assertThat(sweeper.sweepDue(MINUTE)).as("each job is swept once").isZero();

        clock.advance(RETENTION.plusMinutes(1));
        assertThat(sweeper.sweepDue(MINUTE)).isEqualTo(1);
        assertThat(content.size(completed.referenceKey())).isEmpty();
        for (Variant v : Variant.values()) assertThat(content.size(completed.storageKey(v))).isEmpty();
        assertThat(content.size(completed.lastFrameKey())).as("an uploaded last frame goes with the video").isEmpty();
        assertThat(dir.resolve("content").resolve(completed.storagePrefix())).as("and the video's folder").doesNotExist();
    }

    @Test
    void aBacklogOfMoreThanOneBatchIsSweptInOneRun() {
        List<Video> backlog = completedWithFiles(25);
        clock.advance(RETENTION.plusMinutes(1));

        assertThat(sweeper.sweepDue(MINUTE)).isEqualTo(25);
        for (Video v : backlog) assertThat(content.size(v.storageKey(Variant.VIDEO))).as(v.id()).isEmpty();
        assertThat(sweeper.sweepDue(MINUTE)).isZero();
    }

    @Test
    void aRunStopsOnceItsBudgetHasPassedAndTheNextRunGoesOnFromThere() {
        completedWithFiles(25);
        clock.advance(RETENTION.plusMinutes(1));

        assertThat(sweeper.sweepDue(Duration.ZERO)).as("a run without budget left still sweeps one batch").isEqualTo(BATCH);
        assertThat(sweeper.sweepDue(Duration.ZERO)).isEqualTo(BATCH);
        assertThat(sweeper.sweepDue(Duration.ZERO)).isEqualTo(5);
        assertThat(sweeper.sweepDue(Duration.ZERO)).isZero();
    }

    @Test
    void theFootageOfAnExtensionIsDeletedWithItsVideoOnceItExpires() {
        Video queued = jobs.insert(aVideo().seconds(8).source(new SourceClip(SourceClip.Kind.EXTENSION, null, 4)).build(), Instant.EPOCH);
        content.put(queued.sourceKey(), bytes());
        Video completed = jobs.complete(claim(), 8, clock.instant(), clock.instant().plus(RETENTION)).orElseThrow();
        assertThat(sweeper.sweepDue(MINUTE)).isZero();
        assertThat(content.size(completed.sourceKey())).isPresent();

        clock.advance(RETENTION.plusMinutes(1));
        assertThat(sweeper.sweepDue(MINUTE)).isEqualTo(1);
        assertThat(content.size(completed.sourceKey())).isEmpty();
    }

    @Test
    void temporaryFilesOfInterruptedUploadsAreDeletedOnceOldWhileFreshOnesAreKept() throws IOException {
        Video completed = jobs.complete(claim(uploaded()), 4, clock.instant(), clock.instant().plus(RETENTION)).orElseThrow();
        content.put(completed.storageKey(Variant.VIDEO), bytes());
        Path videoDir = dir.resolve("content").resolve(completed.storagePrefix());
        Path crashed = Files.write(videoDir.resolve(".tmp-crashed-upload"), new byte[1000]);
        assertThat(sweeper.sweepStrayFiles()).as("still fresh").isZero();
        assertThat(crashed).exists();

        clock.advance(STRAY_AFTER.plusMinutes(1));
        Path inProgress = Files.write(videoDir.resolve(".tmp-upload-in-progress"), new byte[1000]);
        Files.setLastModifiedTime(inProgress, FileTime.from(clock.instant())); // written to just now, on the moved clock
        assertThat(sweeper.sweepStrayFiles()).isEqualTo(1);
        assertThat(crashed).doesNotExist();
        assertThat(inProgress).exists();
        assertThat(content.size(completed.storageKey(Variant.VIDEO))).as("stored objects are not temporary files").isPresent();
    }

    /** A queued job whose reference image was uploaded, as the API stores it. */
    private Video uploaded() {
        Video queued = jobs.insert(aVideo().withReference().build(), Instant.EPOCH);
        content.put(queued.referenceKey(), bytes());
        return queued;
    }

    private Video claim() {
        return jobs.claimNext("w1", clock.instant(), Duration.ofMinutes(1), BUILTIN).orElseThrow();
    }

    @Test
    void aFileThatWillNotGoEndsTheRunSoTheBacklogIsNotMarkedWhileItsFilesStay() {
        List<Video> backlog = completedWithFiles(25);
        clock.advance(RETENTION.plusMinutes(1));
        String stuck = backlog.get(3).storagePrefix();
        ContentStore failing = (ContentStore) Proxy.newProxyInstance(ContentStore.class.getClassLoader(), new Class<?>[] {ContentStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("deleteAll") && stuck.equals(args[0])) throw new StorageException("disk error under " + stuck);
                    return method.invoke(content, args);
                });
        sweeper = new ExpirySweeper(jobs, failing, clock, STRAY_AFTER, BATCH);

        assertThat(sweeper.sweepDue(MINUTE)).as("the first batch, less the job whose files stay").isEqualTo(BATCH - 1);
        assertThat(jobs.findExpired(clock.instant(), 100)).as("the rest is still due").hasSize(15);
        assertThat(content.size(backlog.get(3).storageKey(Variant.VIDEO))).isPresent();
    }

    /** {@code n} completed jobs, each with its video stored. */
    private List<Video> completedWithFiles(int n) {
        List<Video> completed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            jobs.insert(aVideo().build(), Instant.EPOCH);
            Video done = jobs.complete(claim(), 4, clock.instant(), clock.instant().plus(RETENTION)).orElseThrow();
            content.put(done.storageKey(Variant.VIDEO), bytes());
            completed.add(done);
        }
        return completed;
    }

    private Video claim(Video queued) {
        Video claimed = claim();
        assertThat(claimed.id()).isEqualTo(queued.id());
        return claimed;
    }

    private static ByteArrayInputStream bytes() {
        return new ByteArrayInputStream(new byte[] {1, 2, 3});
    }
}
