package dev.vidgate.engine;

import dev.vidgate.testsupport.Waits;
import dev.vidgate.video.Variant;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@link Engine} port's contract, one test per promise of its Javadoc. Every adapter runs it
 * through a subclass that supplies a fresh engine per test and requests that succeed or fail.
 */
public abstract class EngineContract {

    /** The engine under test; the subclass makes a fresh one per test and closes it afterwards. */
    protected abstract Engine engine();

    /** A small request whose work succeeds. */
    protected abstract GenerationRequest request(String jobId);

    /** A request whose work fails for a permanent reason (bad input, moderation). */
    protected abstract GenerationRequest failingRequest(String jobId);

    /** A well-formed handle this engine never issued and cannot resume. */
    protected abstract String handleItCannotResume();

    /** How long one piece of work may take. */
    protected Duration timeout() {
        return Duration.ofSeconds(120);
    }

    @Test
    void hasANameAndRoomForAtLeastOneJob() {
        assertThat(engine().name()).isNotBlank();
        assertThat(engine().capacity()).isGreaterThanOrEqualTo(1);
        assertThat(engine().checkInterval()).isPositive();
        assertThat(engine().channels()).isNotNull();
    }

    @Test
    void startAnswersAtOnceWithAShortHandleAndTheWorkFinishesInTheBackground() {
        GenerationRequest request = request("video_contract_start");
        long began = System.nanoTime();
        String handle = engine().start(request);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(10));
        assertThat(handle).isNotBlank().hasSizeLessThanOrEqualTo(500);
        assertThat(engine().check(request, handle)).isInstanceOfAny(EngineStatus.Running.class, EngineStatus.Done.class);
        assertThat(awaitEnd(request, handle, new ArrayList<>())).isInstanceOf(EngineStatus.Done.class);
    }

    @Test
    void progressNeverGoesDownAndStaysBelowAHundredUntilDone() {
        GenerationRequest request = request("video_contract_progress");
        String handle = engine().start(request);
        List<Integer> progress = new ArrayList<>();
        assertThat(awaitEnd(request, handle, progress)).isInstanceOf(EngineStatus.Done.class);
        assertThat(progress).isNotEmpty().allMatch(p -> p >= 0 && p <= 99);
        assertThat(progress).isSorted();
    }

    @Test
    void theOutputOpensEveryRenditionAsAFreshStreamOfTheRightKind() throws IOException {
        GenerationRequest request = request("video_contract_output");
        String handle = engine().start(request);
        EngineOutput output = done(request, handle).output();
        byte[] video = read(output, Variant.VIDEO);
        assertThat(new String(video, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        assertThat(read(output, Variant.VIDEO)).isEqualTo(video);
        byte[] thumbnail = read(output, Variant.THUMBNAIL);
        assertThat(new String(thumbnail, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(thumbnail, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");
        byte[] sheet = read(output, Variant.SPRITESHEET);
        assertThat(sheet[0] & 0xff).isEqualTo(0xFF);
        assertThat(sheet[1] & 0xff).isEqualTo(0xD8);
        assertThat(output.deliveredSeconds()).isBetween(1, request.seconds());
        engine().release(handle);
    }

    @Test
    void checkMayBeCalledFromManyThreadsAtOnce() throws InterruptedException {
        GenerationRequest request = request("video_contract_threads");
        String handle = engine().start(request);
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                pool.execute(() -> {
                    try {
                        go.await();
                        for (int i = 0; i < 300; i++) assertThat(engine().check(request, handle)).isNotNull();
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                });
            }
            go.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(errors).isEmpty();
        assertThat(awaitEnd(request, handle, new ArrayList<>())).isInstanceOf(EngineStatus.Done.class);
    }

    @Test
    void cancelStopsTheWorkAndCancellingAgainChangesNothing() {
        GenerationRequest request = request("video_contract_cancel");
        String handle = engine().start(request);
        engine().cancel(handle);
        EngineStatus status = awaitStatus(request, handle, s -> !(s instanceof EngineStatus.Running));
        assertThat(status).isInstanceOf(EngineStatus.Failed.class);
        assertThat(((EngineStatus.Failed) status).retryable()).isFalse();
        engine().cancel(handle);
        assertThat(engine().check(request, handle)).isEqualTo(status);
        engine().release(handle);
    }

    @Test
    void cancellingAFinishedHandleIsANoOp() {
        GenerationRequest request = request("video_contract_cancel_done");
        String handle = engine().start(request);
        done(request, handle);
        engine().cancel(handle);
        assertThat(engine().check(request, handle)).isInstanceOf(EngineStatus.Done.class);
        engine().release(handle);
    }

    @Test
    void aHandleItCannotResumeIsLostAndCancellingOrReleasingItDoesNothing() {
        String handle = handleItCannotResume();
        GenerationRequest request = request("video_contract_unknown");
        assertThat(engine().check(request, handle)).isInstanceOf(EngineStatus.Lost.class);
        engine().cancel(handle);
        engine().release(handle);
        engine().discard(handle);
        assertThat(engine().check(request, handle)).isInstanceOf(EngineStatus.Lost.class);
    }

    @Test
    void releaseFreesTheOutputAndReleasingTwiceIsANoOp() {
        GenerationRequest request = request("video_contract_release");
        String handle = engine().start(request);
        EngineOutput output = done(request, handle).output();
        engine().release(handle);
        assertThatThrownBy(() -> output.open(Variant.VIDEO).close()).isInstanceOf(IOException.class);
        assertThat(engine().check(request, handle)).isInstanceOf(EngineStatus.Lost.class);
        engine().release(handle);
    }

    @Test
    void aProblemWithTheWorkIsReportedAsFailedNeverThrown() {
        GenerationRequest request = failingRequest("video_contract_failing");
        String handle = engine().start(request);
        EngineStatus status = awaitEnd(request, handle, new ArrayList<>());
        EngineStatus.Failed failed = (EngineStatus.Failed) assertThat(status).isInstanceOf(EngineStatus.Failed.class).actual();
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.code()).isNotBlank();
        assertThat(failed.message()).isNotBlank();
        engine().release(handle);
    }

    @Test
    void aRemixCarriesItsSourceAndIsGenerated() throws IOException {
        GenerationRequest source = request("video_contract_source");
        String sourceHandle = engine().start(source);
        byte[] sourceVideo = read(done(source, sourceHandle).output(), Variant.VIDEO);
        engine().release(sourceHandle);

        GenerationRequest plain = request("video_contract_remix");
        GenerationRequest remix = new GenerationRequest(plain.jobId(), plain.model(), plain.size(), plain.seconds(), "the same at dawn",
                null, new GenerationRequest.RemixSource(source.jobId(), engine().name(), sourceHandle, source.prompt(),
                () -> new java.io.ByteArrayInputStream(sourceVideo)));
        String handle = engine().start(remix);
        byte[] video = read(done(remix, handle).output(), Variant.VIDEO);
        assertThat(new String(video, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        engine().release(handle);
    }

    @Test
    void aJobStartedAgainAfterItsHandleWasReleasedFinishesAgain() {
        GenerationRequest request = request("video_contract_again");
        String first = engine().start(request);
        done(request, first);
        engine().release(first);
        String second = engine().start(request);
        done(request, second);
        engine().release(second);
    }

    // ---- helpers

    /** Checks until the status is no longer Running; collects the progress seen. */
    protected final EngineStatus awaitEnd(GenerationRequest request, String handle, List<Integer> progress) {
        return Waits.engineEnd(engine(), request, handle, timeout(), progress);
    }

    protected final EngineStatus.Done done(GenerationRequest request, String handle) {
        EngineStatus status = awaitEnd(request, handle, new ArrayList<>());
        assertThat(status).as("end of %s", handle).isInstanceOf(EngineStatus.Done.class);
        return (EngineStatus.Done) status;
    }

    protected final EngineStatus awaitStatus(GenerationRequest request, String handle, Predicate<EngineStatus> wanted) {
        return Waits.engineStatus(engine(), request, handle, timeout(), wanted);
    }

    protected static byte[] read(EngineOutput output, Variant variant) throws IOException {
        try (InputStream in = output.open(variant)) {
            return in.readAllBytes();
        }
    }
}
