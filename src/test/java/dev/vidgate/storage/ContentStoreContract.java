package dev.vidgate.storage;

import static dev.vidgate.storage.ContentStreams.failingAfter;
import static dev.vidgate.storage.ContentStreams.filled;
import static dev.vidgate.storage.ContentStreams.pattern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link ContentStore} adapter must show (see the interface Javadoc). An adapter's test
 * extends this class and supplies a fresh, empty store from {@link #newStore()}.
 */
public abstract class ContentStoreContract {
    protected ContentStore store;

    /** A fresh, empty store; called before every test. */
    protected abstract ContentStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    // ---- put and read ----

    @Test
    protected void anObjectIsReadBackWholeAfterAPut() {
        byte[] bytes = pattern(10_000);
        assertThat(store.put("videos/video_1/video.mp4", new ByteArrayInputStream(bytes))).isEqualTo(10_000);
        assertThat(store.size("videos/video_1/video.mp4")).contains(10_000L);
        assertThat(readAll("videos/video_1/video.mp4", 0, Long.MAX_VALUE)).isEqualTo(bytes);
        assertThat(readAll("videos/video_1/video.mp4", 0, 10_000)).isEqualTo(bytes);
    }

    @Test
    protected void anEmptyObjectCanBeStored() {
        assertThat(store.put("empty", InputStream.nullInputStream())).isZero();
        assertThat(store.size("empty")).contains(0L);
        assertThat(readAll("empty", 0, Long.MAX_VALUE)).isEmpty();
    }

    @Test
    protected void aMissingObjectHasNoSize() {
        assertThat(store.size("videos/none/video.mp4")).isEmpty();
        assertThat(store.size("none")).isEmpty();
    }

    @Test
    protected void openingAMissingObjectFailsWithAStorageException() {
        assertThatThrownBy(() -> store.open("videos/none/video.mp4", 0, 10)).isInstanceOf(StorageException.class);
    }

    @Test
    protected void aPrefixIsNotAnObject() {
        put("videos/v1/video.mp4", pattern(10));
        assertThat(store.size("videos/v1")).isEmpty();
        assertThat(store.size("videos")).isEmpty();
    }

    @Test
    protected void objectsInTheSameFolderAreIndependent() {
        put("v/a", "first".getBytes());
        put("v/b", "second".getBytes());
        assertThat(readAll("v/a", 0, Long.MAX_VALUE)).isEqualTo("first".getBytes());
        assertThat(readAll("v/b", 0, Long.MAX_VALUE)).isEqualTo("second".getBytes());
    }

    // ---- ranges ----

    @Test
    protected void aRangeAtTheStartIsRead() {
        byte[] bytes = pattern(1000);
        put("r", bytes);
        assertThat(readAll("r", 0, 10)).isEqualTo(Arrays.copyOfRange(bytes, 0, 10));
    }

    @Test
    protected void aRangeInTheMiddleIsRead() {
        byte[] bytes = pattern(1000);
        put("r", bytes);
        assertThat(readAll("r", 500, 123)).isEqualTo(Arrays.copyOfRange(bytes, 500, 623));
    }

    @Test
    protected void aRangePastTheEndIsClampedToTheEnd() {
        byte[] bytes = pattern(1000);
        put("r", bytes);
        assertThat(readAll("r", 990, 100)).isEqualTo(Arrays.copyOfRange(bytes, 990, 1000));
        assertThat(readAll("r", 1, Long.MAX_VALUE)).isEqualTo(Arrays.copyOfRange(bytes, 1, 1000));
        assertThat(readAll("r", 999, 1)).containsExactly(bytes[999]);
    }

    @Test
    protected void aRangeStartingAtOrAfterTheEndIsEmpty() {
        put("r", pattern(1000));
        assertThat(readAll("r", 1000, 10)).isEmpty();
        assertThat(readAll("r", 5000, 10)).isEmpty();
    }

    @Test
    protected void aZeroLengthRangeIsEmpty() {
        put("r", pattern(1000));
        assertThat(readAll("r", 0, 0)).isEmpty();
        assertThat(readAll("r", 500, 0)).isEmpty();
    }

    @Test
    protected void aRangeCanBeReadByteByByte() throws IOException {
        byte[] bytes = pattern(100);
        put("r", bytes);
        try (InputStream in = store.open("r", 40, 3)) {
            assertThat(in.read()).isEqualTo(bytes[40] & 0xFF);
            assertThat(in.read()).isEqualTo(bytes[41] & 0xFF);
            assertThat(in.read()).isEqualTo(bytes[42] & 0xFF);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    // ---- replace and failed puts ----

    @Test
    protected void aPutReplacesTheObject() {
        put("k", pattern(5000));
        byte[] shorter = "replacement".getBytes();
        put("k", shorter);
        assertThat(store.size("k")).contains((long) shorter.length);
        assertThat(readAll("k", 0, Long.MAX_VALUE)).isEqualTo(shorter);
    }

    @Test
    protected void aPutWhoseInputFailsLeavesNoObject() {
        assertThatThrownBy(() -> store.put("videos/v1/video.mp4", failingAfter(100_000)))
                .isInstanceOf(StorageException.class);
        assertThat(store.size("videos/v1/video.mp4")).isEmpty();
        assertThatThrownBy(() -> store.open("videos/v1/video.mp4", 0, 1)).isInstanceOf(StorageException.class);
    }

    @Test
    protected void aPutWhoseInputFailsLeavesThePreviousObjectIntact() {
        byte[] old = pattern(3000);
        put("videos/v1/video.mp4", old);
        assertThatThrownBy(() -> store.put("videos/v1/video.mp4", failingAfter(100_000)))
                .isInstanceOf(StorageException.class);
        assertThat(store.size("videos/v1/video.mp4")).contains(3000L);
        assertThat(readAll("videos/v1/video.mp4", 0, Long.MAX_VALUE)).isEqualTo(old);
    }

    @Test
    protected void aPutWhoseInputThrowsAnUncheckedExceptionLeavesNoObject() {
        InputStream exploding = new InputStream() {
            int served;

            @Override
            public int read() {
                if (served++ > 10) throw new IllegalStateException("boom");
                return 1;
            }
        };
        assertThatThrownBy(() -> store.put("k", exploding)).isInstanceOf(RuntimeException.class);
        assertThat(store.size("k")).isEmpty();
    }

    // ---- large objects ----

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    protected void aLargeObjectIsStreamedInAndOut() throws IOException {
        long size = 64L * 1024 * 1024;
        var source = new ContentStreams.GeneratedInputStream(size);
        assertThat(store.put("big/video.mp4", source)).isEqualTo(size);
        assertThat(store.size("big/video.mp4")).contains(size);

        MessageDigest digest = ContentStreams.sha256();
        long total = 0;
        try (InputStream in = store.open("big/video.mp4", 0, Long.MAX_VALUE)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
                total += n;
            }
        }
        assertThat(total).isEqualTo(size);
        assertThat(digest.digest()).isEqualTo(source.digest());

        long offset = size / 2 + 12_345;
        byte[] middle = readAll("big/video.mp4", offset, 4096);
        for (int i = 0; i < middle.length; i++) assertThat(middle[i]).isEqualTo(ContentStreams.GeneratedInputStream.byteAt(offset + i));
        assertThat(readAll("big/video.mp4", size - 10, 100)).hasSize(10);
    }

    // ---- concurrency ----

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    protected void concurrentReadersSeeTheOldOrTheNewObjectNeverAPartialOne() throws Exception {
        byte[] a = filled('a', 200_000);
        byte[] b = filled('b', 300_000);
        put("videos/v/video.mp4", a);

        ExecutorService pool = Executors.newFixedThreadPool(5);
        AtomicBoolean writing = new AtomicBoolean(true);
        Queue<String> problems = new ConcurrentLinkedQueue<>();
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                readers.add(pool.submit(() -> {
                    int reads = 0;
                    do {
                        try {
                            byte[] seen = readAll("videos/v/video.mp4", 0, Long.MAX_VALUE);
                            checkWhole(seen, a, b, problems);
                        } catch (RuntimeException e) {
                            problems.add("read failed: " + e);
                        }
                        reads++;
                    } while (writing.get() && reads < 10_000);
                    return reads;
                }));
            }
            Future<?> writer = pool.submit(() -> {
                try {
                    for (int i = 0; i < 40; i++) put("videos/v/video.mp4", i % 2 == 0 ? b : a);
                } finally {
                    writing.set(false);
                }
            });
            writer.get(100, TimeUnit.SECONDS);
            for (Future<Integer> reader : readers) assertThat(reader.get(100, TimeUnit.SECONDS)).isPositive();
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        assertThat(problems).isEmpty();
        assertThat(readAll("videos/v/video.mp4", 0, Long.MAX_VALUE)).isEqualTo(a);
    }

    private static void checkWhole(byte[] seen, byte[] a, byte[] b, Queue<String> problems) {
        if (seen.length != a.length && seen.length != b.length) {
            problems.add("partial object of " + seen.length + " bytes");
            return;
        }
        byte expected = seen.length == a.length ? a[0] : b[0];
        for (byte x : seen) {
            if (x != expected) {
                problems.add("mixed object of " + seen.length + " bytes");
                return;
            }
        }
    }

    // ---- delete ----

    @Test
    protected void deleteRemovesAnObjectAndIsIdempotent() {
        put("videos/v1/video.mp4", pattern(10));
        put("videos/v1/thumbnail.webp", pattern(20));
        store.delete("videos/v1/video.mp4");
        assertThat(store.size("videos/v1/video.mp4")).isEmpty();
        assertThat(store.size("videos/v1/thumbnail.webp")).contains(20L);
        store.delete("videos/v1/video.mp4");
        store.delete("never/existed");
        store.delete("videos/v1"); // a prefix, not an object
        assertThat(store.size("videos/v1/thumbnail.webp")).contains(20L);
    }

    @Test
    protected void anObjectCanBeStoredAgainAfterADelete() {
        put("k/v", pattern(10));
        store.delete("k/v");
        put("k/v", pattern(7));
        assertThat(store.size("k/v")).contains(7L);
    }

    @Test
    protected void deleteAllRemovesEverythingUnderThePrefixAndIsIdempotent() {
        put("videos/v1/video.mp4", pattern(10));
        put("videos/v1/renditions/720p/video.mp4", pattern(11));
        put("videos/v2/video.mp4", pattern(12));
        put("videos/v10/video.mp4", pattern(13));
        put("videos/v1.bak", pattern(14));

        store.deleteAll("videos/v1");

        assertThat(store.size("videos/v1/video.mp4")).isEmpty();
        assertThat(store.size("videos/v1/renditions/720p/video.mp4")).isEmpty();
        assertThat(store.size("videos/v2/video.mp4")).contains(12L);
        assertThat(store.size("videos/v10/video.mp4")).contains(13L);
        assertThat(store.size("videos/v1.bak")).contains(14L);

        store.deleteAll("videos/v1");
        store.deleteAll("never/existed");
        put("videos/v1/video.mp4", pattern(15));
        assertThat(store.size("videos/v1/video.mp4")).contains(15L);
    }

    @Test
    protected void deleteAllDoesNotRemoveTheObjectNamedLikeThePrefix() {
        put("videos/v2/video.mp4", pattern(12));
        store.deleteAll("videos/v2/video.mp4");
        assertThat(store.size("videos/v2/video.mp4")).contains(12L);
    }

    // ---- presigned URLs ----

    @Test
    protected void aPresignedUrlWhenOfferedServesTheObjectWithTheGivenHeaders() throws Exception {
        byte[] bytes = pattern(3000);
        put("videos/v1/video.mp4", bytes);
        Optional<URI> url = store.presignedUrl("videos/v1/video.mp4", Duration.ofMinutes(5), "video/mp4",
                "inline; filename=\"v1.mp4\"");
        if (url.isEmpty()) return; // optional: this store serves its objects only through open()
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> whole = http.send(HttpRequest.newBuilder(url.get()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(whole.statusCode()).isEqualTo(200);
            assertThat(whole.body()).isEqualTo(bytes);
            assertThat(whole.headers().firstValue("Content-Type")).contains("video/mp4");
            assertThat(whole.headers().firstValue("Content-Disposition")).contains("inline; filename=\"v1.mp4\"");

            HttpResponse<byte[]> range = http.send(HttpRequest.newBuilder(url.get()).header("Range", "bytes=100-199").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(range.statusCode()).isEqualTo(206);
            assertThat(range.body()).isEqualTo(Arrays.copyOfRange(bytes, 100, 200));
        }
    }

    // ---- keys ----

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "/absolute", "a/../b", "..", ".", "../escape", "a/./b", "a//b", "a/", "/", "a\\b", "..\\x",
        "a b", "a:b", "ü", "a/b?c", "a/*", "C:/x", "a\n", "a/%2e%2e",
    })
    protected void invalidKeysAreRejected(String key) {
        assertInvalidKey(k -> store.put(k, new ByteArrayInputStream(new byte[1])), key);
        assertInvalidKey(store::size, key);
        assertInvalidKey(k -> store.open(k, 0, 1), key);
        assertInvalidKey(store::delete, key);
        assertInvalidKey(store::deleteAll, key);
        assertInvalidKey(k -> store.presignedUrl(k, Duration.ofMinutes(1), "video/mp4", "inline"), key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "A-b_c.d", "videos/video_68d7512d07848190/video.mp4", "x/y/z/1/2/3", "...", "a..b/.hidden"})
    protected void validKeysAreAccepted(String key) {
        put(key, pattern(3));
        assertThat(store.size(key)).contains(3L);
        store.delete(key);
        assertThat(store.size(key)).isEmpty();
    }

    private static void assertInvalidKey(Consumer<String> operation, String key) {
        assertThatThrownBy(() -> operation.accept(key)).as("key %s", key).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- helpers ----

    protected void put(String key, byte[] bytes) {
        assertThat(store.put(key, new ByteArrayInputStream(bytes))).isEqualTo(bytes.length);
    }

    protected byte[] readAll(String key, long offset, long length) {
        try (InputStream in = store.open(key, offset, length)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
