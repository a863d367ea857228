package dev.vidgate.storage.s3;

import dev.vidgate.storage.ContentStore;
import dev.vidgate.storage.StorageException;
import dev.vidgate.storage.StorageKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * A {@link ContentStore} on an S3 bucket (AWS or any S3-compatible service): the key {@code a/b} is the object
 * {@code <prefix>/a/b}.
 *
 * <p>{@link #put} reads the input one part at a time ({@link S3Settings#partSize()} bytes, the only buffer held):
 * an input shorter than a part goes up with one PutObject, a longer one as a multipart upload that S3 makes visible
 * only when it is completed; any failure aborts the upload, so no partial object and no pending upload remain.
 * {@link #open} is a ranged GetObject streamed from the connection. Failures become {@link StorageException}s,
 * transient for timeouts, dropped connections, 5xx and throttling, permanent for other refusals ({@link S3Failures}).
 * The SDK client retries transient failures itself before they surface; every request it sends is safe to repeat
 * (should a retried CompleteMultipartUpload find its first try succeeded, S3 answers NoSuchUpload: the put fails
 * although the object is whole, and the caller's next put replaces it).
 *
 * <p>Closing the store closes the client it was given.
 */
public final class S3ContentStore implements ContentStore, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(S3ContentStore.class);
    /** S3 numbers parts 1 to 10,000. */
    static final int MAX_PARTS = 10_000;

    private final S3Client client;
    private final S3Presigner presigner;
    private final String bucket;
    private final String prefix;
    private final int partSize;

    public S3ContentStore(S3Settings settings, S3Client client) {
        this.client = Objects.requireNonNull(client, "client");
        this.bucket = settings.bucket();
        this.prefix = settings.prefix().isEmpty() ? "" : StorageKeys.validate(settings.prefix()) + "/";
        this.partSize = settings.partSize();
        this.presigner = presignerFor(client, settings);
    }

    /** A presigner signing exactly as the client does (its region, credentials, endpoint and addressing). */
    private static S3Presigner presignerFor(S3Client client, S3Settings settings) {
        var config = client.serviceClientConfiguration();
        var builder = S3Presigner.builder()
                .s3Client(client)
                .region(config.region())
                .credentialsProvider(config.credentialsProvider())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build());
        config.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Override
    public long put(String key, InputStream in) {
        String object = objectKey(key);
        Objects.requireNonNull(in, "in");
        // readNBytes(n) allocates about what it reads: a thumbnail does not cost a whole part's buffer.
        byte[] first = io(key, () -> in.readNBytes(partSize));
        if (first.length < partSize) {
            call("store " + key, () -> client.putObject(b -> b.bucket(bucket).key(object), body(first, first.length)));
            return first.length;
        }
        return putMultipart(key, object, first, in);
    }

    /** Uploads {@code buffer} (full) and the rest of {@code in} as parts, reusing {@code buffer} for each. */
    private long putMultipart(String key, String object, byte[] buffer, InputStream in) {
        String uploadId = call("start upload of " + key,
                () -> client.createMultipartUpload(b -> b.bucket(bucket).key(object)).uploadId());
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long total = 0;
            int length = buffer.length;
            for (int number = 1; length > 0; number++) {
                if (number > MAX_PARTS) {
                    throw StorageException.permanent(key + " needs more than " + MAX_PARTS + " parts of " + partSize + " bytes", null);
                }
                parts.add(uploadPart(key, object, uploadId, number, buffer, length));
                total += length;
                length = length < buffer.length ? 0 : io(key, () -> in.readNBytes(buffer, 0, buffer.length));
            }
            call("complete upload of " + key, () -> client.completeMultipartUpload(b -> b.bucket(bucket).key(object)
                    .uploadId(uploadId).multipartUpload(u -> u.parts(parts))));
            return total;
        } catch (RuntimeException | Error e) {
            abortQuietly(key, object, uploadId, e);
            throw e;
        }
    }

    private CompletedPart uploadPart(String key, String object, String uploadId, int number, byte[] buffer, int length) {
        String eTag = call("upload part " + number + " of " + key, () -> client.uploadPart(
                b -> b.bucket(bucket).key(object).uploadId(uploadId).partNumber(number), body(buffer, length)).eTag());
        return CompletedPart.builder().partNumber(number).eTag(eTag).build();
    }

    /** Aborts an upload that failed; runs even if the thread was interrupted, so no pending upload lingers. */
    private void abortQuietly(String key, String object, String uploadId, Throwable failure) {
        boolean interrupted = Thread.interrupted();
        try {
            client.abortMultipartUpload(b -> b.bucket(bucket).key(object).uploadId(uploadId));
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            log.warn("could not abort the failed upload {} of {}; a lifecycle rule on the bucket should remove it", uploadId, key, e);
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** A body the SDK can replay on a retry without copying: each attempt reads the same bytes afresh. */
    private static RequestBody body(byte[] bytes, int length) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, length), length, "application/octet-stream");
    }

    @Override
    public Optional<Long> size(String key) {
        String object = objectKey(key);
        try {
            return Optional.of(client.headObject(b -> b.bucket(bucket).key(object)).contentLength());
        } catch (SdkException e) {
            if (S3Failures.isNotFound(e)) return Optional.empty();
            throw S3Failures.translate("could not stat " + key, e);
        }
    }

    @Override
    public InputStream open(String key, long offset, long length) {
        if (offset < 0) throw new IllegalArgumentException("offset must not be negative: " + offset);
        if (length < 0) throw new IllegalArgumentException("length must not be negative: " + length);
        String object = objectKey(key);
        if (length == 0) {
            if (size(key).isEmpty()) throw new StorageException("no object " + key);
            return InputStream.nullInputStream();
        }
        // An open-ended range when offset + length would pass Long.MAX_VALUE; S3 clamps a range to the object's end.
        String range = "bytes=" + offset + "-" + (length > Long.MAX_VALUE - offset ? "" : Long.toString(offset + length - 1));
        try {
            return new RangeStream(client.getObject(b -> b.bucket(bucket).key(object).range(range)));
        } catch (SdkException e) {
            if (S3Failures.isNotFound(e)) throw new StorageException("no object " + key);
            if (S3Failures.isRangeNotSatisfiable(e)) return InputStream.nullInputStream(); // offset at or after the end
            throw S3Failures.translate("could not open " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        String object = objectKey(key);
        call("delete " + key, () -> client.deleteObject(b -> b.bucket(bucket).key(object)));
    }

    @Override
    public void deleteAll(String keyPrefix) {
        String listed = objectKey(keyPrefix) + "/";
        call("delete everything under " + keyPrefix, () -> {
            // Deleting what a page listed does not disturb the listing: the continuation token names the last key.
            for (var page : client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(listed))) {
                if (!page.contents().isEmpty()) deleteBatch(keyPrefix, page.contents());
            }
            return null;
        });
    }

    /** Deletes up to 1,000 objects (one listing page, the most one DeleteObjects takes). */
    private void deleteBatch(String keyPrefix, List<S3Object> objects) {
        List<ObjectIdentifier> ids = objects.stream().map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList();
        DeleteObjectsResponse response = client.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ids).quiet(true)));
        if (response.hasErrors() && !response.errors().isEmpty()) {
            S3Error first = response.errors().getFirst();
            throw new StorageException("could not delete everything under " + keyPrefix + ": " + response.errors().size()
                    + " objects failed, first " + first.key() + " (" + first.code() + ": " + first.message() + ")");
        }
    }

    @Override
    public Optional<URI> presignedUrl(String key, Duration ttl, String contentType, String contentDisposition) {
        String object = objectKey(key);
        var presigned = call("presign " + key, () -> presigner.presignGetObject(p -> p.signatureDuration(ttl)
                .getObjectRequest(g -> g.bucket(bucket).key(object)
                        .responseContentType(contentType).responseContentDisposition(contentDisposition))));
        try {
            return Optional.of(presigned.url().toURI());
        } catch (URISyntaxException e) {
            throw new StorageException("presigned URL for " + key + " is not a URI", e);
        }
    }

    /** Closes the presigner and the client. */
    @Override
    public void close() {
        presigner.close();
        client.close();
    }

    /** The object key of a store key: the store's prefix, then the validated key. */
    private String objectKey(String key) {
        return prefix + StorageKeys.validate(key);
    }

    private static <T> T call(String what, SdkCall<T> call) {
        try {
            return call.run();
        } catch (SdkException e) {
            throw S3Failures.translate("could not " + what, e);
        }
    }

    private static <T> T io(String key, IoCall<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new StorageException("could not read the input for " + key, e);
        }
    }

    @FunctionalInterface
    private interface SdkCall<T> {
        T run();
    }

    @FunctionalInterface
    private interface IoCall<T> {
        T run() throws IOException;
    }

    /**
     * The body of a ranged GetObject. Closing it before the end aborts the connection rather than draining the
     * rest of the range (a client that hung up on a 1 GB download must not make us read the remaining bytes).
     */
    private static final class RangeStream extends java.io.FilterInputStream {
        private final ResponseInputStream<GetObjectResponse> response;
        private boolean ended;

        RangeStream(ResponseInputStream<GetObjectResponse> response) {
            super(response);
            this.response = response;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) ended = true;
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n < 0) ended = true;
            return n;
        }

        @Override
        public void close() throws IOException {
            if (!ended) response.abort();
            super.close();
        }
    }
}
