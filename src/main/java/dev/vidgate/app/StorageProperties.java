package dev.vidgate.app;

import static dev.vidgate.app.VidgateProperties.positive;
import static dev.vidgate.app.VidgateProperties.require;

import dev.vidgate.storage.StorageKeys;
import dev.vidgate.storage.s3.S3Settings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code vidgate.storage.*}: where finished videos are kept, and how the node guards its disks. README's
 * configuration reference lists the settings; docs/operations.md explains the guards.
 *
 * @param type          {@code fs} (files under the content dir) or {@code s3} (a bucket shared by every node)
 * @param contentDir    where {@code fs} keeps videos; null: {@code data-dir/content}
 * @param minFreeDisk   the low-disk watermark: below it in any directory the node writes to, creates answer 507
 * @param retryDelay    how long a job waits after a storage fault before it is tried again (doubled each time)
 * @param probeInterval how often the node test-writes the database and the content store
 * @param s3            the bucket's settings, read only when {@code type} is {@code s3}
 */
public record StorageProperties(@DefaultValue("fs") String type, Path contentDir, @DefaultValue("1GB") DataSize minFreeDisk,
                                @DefaultValue("30s") Duration retryDelay, @DefaultValue("5s") Duration probeInterval,
                                @DefaultValue S3 s3) {

    @ConstructorBinding
    public StorageProperties {
        require("fs".equals(type) || "s3".equals(type), "vidgate.storage.type (VIDGATE_STORAGE_TYPE) must be fs or s3");
        require(contentDir == null || !contentDir.toString().isBlank(),
                "vidgate.storage.content-dir (VIDGATE_STORAGE_CONTENT_DIR) must name a directory, or be left unset for data-dir/content");
        require(minFreeDisk != null && !minFreeDisk.isNegative(),
                "vidgate.storage.min-free-disk (VIDGATE_STORAGE_MIN_FREE_DISK) must be a size such as 1GB or 500MB (0 turns the check off)");
        positive(retryDelay, "vidgate.storage.retry-delay (VIDGATE_STORAGE_RETRY_DELAY)");
        positive(probeInterval, "vidgate.storage.probe-interval (VIDGATE_STORAGE_PROBE_INTERVAL)");
        if ("s3".equals(type)) {
            s3.validate();
        } else {
            require(!s3.presignedRedirect(), "vidgate.storage.s3.presigned-redirect (VIDGATE_STORAGE_S3_PRESIGNED_REDIRECT) "
                    + "needs vidgate.storage.type=s3");
        }
    }

    /** The store's type and bucket, with the defaults for everything else. */
    public StorageProperties(String type, S3 s3) {
        this(type, null, DataSize.ofGigabytes(1), Duration.ofSeconds(30), Duration.ofSeconds(5), s3);
    }

    boolean isS3() {
        return "s3".equals(type);
    }

    /** How long a presigned URL that {@code /content} redirects to lasts, or null to stream content through the API. */
    Duration contentRedirectTtl() {
        return isS3() && s3.presignedRedirect() ? s3.presignedTtl() : null;
    }

    /** {@code vidgate.storage.s3.*}; blank strings (an empty environment variable) count as unset. */
    public record S3(
            String bucket,
            @DefaultValue("") String prefix,
            String endpoint,
            String region,
            @DefaultValue("false") boolean pathStyle,
            String accessKey,
            String secretKey,
            @DefaultValue("8MB") DataSize partSize,
            @DefaultValue("60s") Duration timeout,
            @DefaultValue("false") boolean presignedRedirect,
            @DefaultValue("5m") Duration presignedTtl) {

        private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9._-]{3,255}");
        private static final Pattern REGION = Pattern.compile("[a-z0-9-]+");
        private static final DataSize MAX_PART_SIZE = DataSize.ofGigabytes(1);
        /** SigV4 signatures last at most seven days. */
        private static final Duration MAX_PRESIGNED_TTL = Duration.ofDays(7);

        void validate() {
            require(!blank(bucket), "vidgate.storage.s3.bucket (VIDGATE_STORAGE_S3_BUCKET) must name the bucket "
                    + "when vidgate.storage.type is s3");
            require(BUCKET.matcher(bucket).matches(), "vidgate.storage.s3.bucket (VIDGATE_STORAGE_S3_BUCKET) must be a bucket "
                    + "name: 3 or more letters, digits, '.', '_' or '-'");
            require(prefix.isEmpty() || validKey(prefix), "vidgate.storage.s3.prefix (VIDGATE_STORAGE_S3_PREFIX) must be "
                    + "empty or segments of letters, digits, '.', '_' and '-' joined by '/', with no '/' at either end");
            require(blank(endpoint) || validEndpoint(endpoint), "vidgate.storage.s3.endpoint (VIDGATE_STORAGE_S3_ENDPOINT) "
                    + "must be an http:// or https:// URL such as http://127.0.0.1:9000");
            require(blank(region) || REGION.matcher(region).matches(), "vidgate.storage.s3.region (VIDGATE_STORAGE_S3_REGION) "
                    + "must be a region name such as eu-west-1");
            require(blank(accessKey) == blank(secretKey), "vidgate.storage.s3.access-key (VIDGATE_STORAGE_S3_ACCESS_KEY) and "
                    + "vidgate.storage.s3.secret-key (VIDGATE_STORAGE_S3_SECRET_KEY) must be set together, or neither "
                    + "to use the AWS default credentials chain");
            require(partSize != null && partSize.toBytes() >= S3Settings.MIN_PART_SIZE
                    && partSize.compareTo(MAX_PART_SIZE) <= 0,
                    "vidgate.storage.s3.part-size (VIDGATE_STORAGE_S3_PART_SIZE) must be from 5MB to 1GB");
            positive(timeout, "vidgate.storage.s3.timeout (VIDGATE_STORAGE_S3_TIMEOUT)");
            positive(presignedTtl, "vidgate.storage.s3.presigned-ttl (VIDGATE_STORAGE_S3_PRESIGNED_TTL)");
            require(presignedTtl.compareTo(MAX_PRESIGNED_TTL) <= 0,
                    "vidgate.storage.s3.presigned-ttl (VIDGATE_STORAGE_S3_PRESIGNED_TTL) must be at most 7d");
        }

        /** The adapter's settings (call after {@link #validate}). */
        S3Settings settings() {
            return new S3Settings(bucket, prefix, blank(endpoint) ? null : URI.create(endpoint), blank(region) ? null : region,
                    pathStyle, blank(accessKey) ? null : accessKey, blank(secretKey) ? null : secretKey,
                    (int) partSize.toBytes(), timeout);
        }

        private static boolean validKey(String key) {
            try {
                StorageKeys.validate(key);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private static boolean validEndpoint(String url) {
            try {
                URI uri = new URI(url);
                return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
            } catch (java.net.URISyntaxException e) {
                return false;
            }
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }
}
