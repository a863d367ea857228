package dev.vidgate.storage.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how {@link S3ContentStore} keeps objects. Checked for plain sense here; the messages an operator sees
 * (naming the property and environment variable) come from the application's configuration.
 *
 * @param bucket    the bucket, which must exist
 * @param prefix    prepended with a {@code /} to every key; empty for the bucket's root
 * @param endpoint  an S3-compatible service (MinIO, R2, s3proxy); null for AWS itself
 * @param region    the signing region; null for the SDK's default chain ({@code AWS_REGION}, profile)
 * @param pathStyle address the bucket as {@code endpoint/bucket} rather than {@code bucket.endpoint}
 * @param accessKey with {@code secretKey}, static credentials; both null for the SDK's default chain
 * @param secretKey see {@code accessKey}
 * @param partSize  bytes buffered per multipart part (and the largest object sent with one PutObject)
 * @param timeout   the longest one HTTP attempt may take before it is abandoned (and retried)
 */
public record S3Settings(String bucket, String prefix, URI endpoint, String region, boolean pathStyle,
                         String accessKey, String secretKey, int partSize, Duration timeout) {
    /** S3 refuses parts (other than the last) smaller than this. */
    public static final int MIN_PART_SIZE = 5 * 1024 * 1024;

    public S3Settings {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(timeout, "timeout");
        if (partSize < MIN_PART_SIZE) throw new IllegalArgumentException("part size below 5 MiB: " + partSize);
        if ((accessKey == null) != (secretKey == null)) throw new IllegalArgumentException("give both keys or neither");
    }

    /** The same settings keeping objects under another prefix. */
    public S3Settings withPrefix(String newPrefix) {
        return new S3Settings(bucket, newPrefix, endpoint, region, pathStyle, accessKey, secretKey, partSize, timeout);
    }
}
