package dev.vidgate.storage.s3;

import static dev.vidgate.storage.ContentStreams.failingAfter;
import static dev.vidgate.storage.ContentStreams.pattern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidgate.storage.ContentStore;
import dev.vidgate.storage.ContentStoreContract;
import dev.vidgate.storage.StorageException;
import dev.vidgate.testsupport.S3ProxyServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The content-store contract on a real S3 API (s3proxy), each test in a fresh prefix of one bucket; then what only
 * S3 has: multipart uploads, pending uploads, the prefix, refusals.
 */
class S3ContentStoreTest extends ContentStoreContract {
    private static final int PART = S3ProxyServer.PART_SIZE;

    private static S3ProxyServer s3;
    private static String bucket;
    private static int stores;
    private final List<S3ContentStore> opened = new ArrayList<>();
    private String prefix;

    @BeforeAll
    static void startS3() {
        s3 = S3ProxyServer.start();
        bucket = s3.createBucket();
    }

    @AfterAll
    static void stopS3() {
        s3.close();
    }

    @Override
    protected ContentStore newStore() {
        prefix = "test-" + ++stores;
        return storeAt(s3.settings(bucket, prefix));
    }

    private S3ContentStore storeAt(S3Settings settings) {
        var store = new S3ContentStore(settings, S3Clients.create(settings));
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(S3ContentStore::close);
    }

    @Test
    void anObjectOfThreePartsGoesUpAsOneMultipartUploadAndReadsBackByteExact() {
        byte[] bytes = pattern(2 * PART + 12_345);
        put("videos/v1/video.mp4", bytes);

        assertThat(readAll("videos/v1/video.mp4", 0, Long.MAX_VALUE)).isEqualTo(bytes);
        // S3 gives a multipart object the ETag "<md5 of the part md5s>-<part count>".
        String eTag = s3.client().headObject(b -> b.bucket(bucket).key(prefix + "/videos/v1/video.mp4")).eTag();
        assertThat(eTag).endsWith("-3\"");
        assertThat(s3.pendingUploads(bucket)).isEmpty();
    }

    @Test
    void anObjectOfExactlyOnePartIsStoredWholeWithoutAnEmptySecondPart() {
        byte[] bytes = pattern(PART);
        put("k", bytes);
        assertThat(readAll("k", 0, Long.MAX_VALUE)).isEqualTo(bytes);
        assertThat(s3.client().headObject(b -> b.bucket(bucket).key(prefix + "/k")).eTag()).endsWith("-1\"");
    }

    @Test
    void anObjectSmallerThanAPartGoesUpWithOnePutObject() {
        put("k", pattern(PART - 1));
        assertThat(s3.client().headObject(b -> b.bucket(bucket).key(prefix + "/k")).eTag()).doesNotContain("-");
    }

    @Test
    void anUploadWhoseInputFailsAfterTwoPartsLeavesNoObjectAndNoPendingUpload() {
        assertThatThrownBy(() -> store.put("videos/v1/video.mp4", failingAfter(2L * PART + 100)))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("videos/v1/video.mp4");
        assertThat(store.size("videos/v1/video.mp4")).isEmpty();
        assertThat(s3.keys(bucket)).noneMatch(k -> k.startsWith(prefix + "/"));
        assertThat(s3.pendingUploads(bucket)).isEmpty();
    }

    @Test
    void anUploadWhoseInputThrowsAnUncheckedExceptionMidWayIsAbortedAndTheExceptionSurfaces() {
        InputStream exploding = new SequenceInputStream(new ByteArrayInputStream(pattern(PART + 10)), new InputStream() {
            @Override
            public int read() {
                throw new IllegalStateException("renderer crashed");
            }
        });
        assertThatThrownBy(() -> store.put("k", exploding)).isInstanceOf(IllegalStateException.class).hasMessage("renderer crashed");
        assertThat(store.size("k")).isEmpty();
        assertThat(s3.pendingUploads(bucket)).isEmpty();
    }

    @Test
    void anUploadInterruptedMidWayIsStillAbortedAndTheThreadStaysInterrupted() {
        InputStream interrupting = new SequenceInputStream(new ByteArrayInputStream(pattern(PART + 10)), new InputStream() {
            @Override
            public int read() throws IOException {
                Thread.currentThread().interrupt(); // a cancelled job's worker
                throw new InterruptedIOException("cancelled");
            }
        });
        try {
            assertThatThrownBy(() -> store.put("k", interrupting)).isInstanceOf(StorageException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(s3.pendingUploads(bucket)).isEmpty();
        assertThat(store.size("k")).isEmpty();
    }

    @Test
    void objectsLiveUnderThePrefixAndStoresWithOtherPrefixesDoNotSeeThem() {
        put("videos/v1/video.mp4", pattern(10));
        S3ContentStore other = storeAt(s3.settings(bucket, prefix + "-other"));
        other.put("videos/v1/video.mp4", new ByteArrayInputStream(pattern(20)));

        assertThat(s3.keys(bucket)).contains(prefix + "/videos/v1/video.mp4", prefix + "-other/videos/v1/video.mp4");
        store.deleteAll("videos");
        assertThat(other.size("videos/v1/video.mp4")).contains(20L);
        assertThat(store.size("videos/v1/video.mp4")).isEmpty();
    }

    @Test
    void withoutAPrefixObjectsLiveAtTheBucketRoot() {
        String own = s3.createBucket();
        S3ContentStore root = storeAt(s3.settings(own, ""));
        root.put("videos/v1/video.mp4", new ByteArrayInputStream(pattern(10)));
        assertThat(s3.keys(own)).containsExactly("videos/v1/video.mp4");
    }

    @Test
    void deleteAllRemovesMoreObjectsThanOneListingPageHolds() throws Exception {
        int count = 1_005; // S3 lists and deletes at most 1,000 keys per request
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> puts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String key = "videos/v1/frames/" + i;
                puts.add(pool.submit(() -> store.put(key, new ByteArrayInputStream(new byte[1]))));
            }
            for (Future<Long> f : puts) f.get();
        } finally {
            pool.shutdown();
        }
        put("videos/v2/video.mp4", pattern(5));

        store.deleteAll("videos/v1");

        assertThat(s3.keys(bucket)).filteredOn(k -> k.startsWith(prefix + "/")).containsExactly(prefix + "/videos/v2/video.mp4");
    }

    @Test
    void aRefusalIsAPermanentStorageException() {
        S3Settings good = s3.settings(bucket, prefix);
        S3ContentStore wrongSecret = storeAt(new S3Settings(good.bucket(), good.prefix(), good.endpoint(), good.region(), true,
                good.accessKey(), "not-the-secret", good.partSize(), good.timeout()));
        assertThatThrownBy(() -> wrongSecret.put("k", new ByteArrayInputStream(pattern(10))))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.isTransient()).isFalse());

        S3ContentStore noBucket = storeAt(s3.settings("no-such-bucket-here", ""));
        assertThatThrownBy(() -> noBucket.put("k", new ByteArrayInputStream(pattern(10))))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.isTransient()).isFalse());
    }
}
