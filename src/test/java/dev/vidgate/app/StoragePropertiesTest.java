package dev.vidgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidgate.storage.s3.S3Settings;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

/** {@code vidgate.storage.*} is checked at start, with messages naming the property and its environment variable. */
class StoragePropertiesTest {

    @Test
    void theFileSystemIsTheDefault() {
        StorageProperties storage = bindEnvironment(Map.of()).storage();
        assertThat(storage.isS3()).isFalse();
        assertThat(storage.contentRedirectTtl()).isNull();
    }

    @Test
    void theDocumentedEnvironmentVariablesSetEverySetting() {
        StorageProperties storage = bindEnvironment(Map.ofEntries(
                Map.entry("VIDGATE_STORAGE_TYPE", "s3"),
                Map.entry("VIDGATE_STORAGE_S3_BUCKET", "videos"),
                Map.entry("VIDGATE_STORAGE_S3_PREFIX", "prod"),
                Map.entry("VIDGATE_STORAGE_S3_ENDPOINT", "https://minio.internal:9000"),
                Map.entry("VIDGATE_STORAGE_S3_REGION", "eu-west-1"),
                Map.entry("VIDGATE_STORAGE_S3_PATH_STYLE", "true"),
                Map.entry("VIDGATE_STORAGE_S3_ACCESS_KEY", "access"),
                Map.entry("VIDGATE_STORAGE_S3_SECRET_KEY", "secret"),
                Map.entry("VIDGATE_STORAGE_S3_PART_SIZE", "16MB"),
                Map.entry("VIDGATE_STORAGE_S3_TIMEOUT", "15s"),
                Map.entry("VIDGATE_STORAGE_S3_PRESIGNED_REDIRECT", "true"),
                Map.entry("VIDGATE_STORAGE_S3_PRESIGNED_TTL", "10m"))).storage();
        assertThat(storage.s3().settings()).isEqualTo(new S3Settings("videos", "prod", URI.create("https://minio.internal:9000"),
                "eu-west-1", true, "access", "secret", 16 * 1024 * 1024, Duration.ofSeconds(15)));
        assertThat(storage.contentRedirectTtl()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void onTheFileSystemTheS3SettingsAreIgnored() {
        assertThat(new StorageProperties("fs", s3().bucket(null).partSize(DataSize.ofBytes(1)).build()).isS3()).isFalse();
    }

    @Test
    void s3SettingsBecomeTheAdaptersSettingsWithBlankValuesUnset() {
        var storage = new StorageProperties("s3", s3().endpoint("").region(" ").accessKey("").secretKey("").build());
        S3Settings settings = storage.s3().settings();
        assertThat(settings.bucket()).isEqualTo("videos");
        assertThat(settings.endpoint()).isNull();
        assertThat(settings.region()).isNull();
        assertThat(settings.accessKey()).isNull();
        assertThat(settings.partSize()).isEqualTo(8 * 1024 * 1024);

        var compatible = new StorageProperties("s3", s3().endpoint("http://127.0.0.1:9000").pathStyle(true).prefix("prod/v1").build());
        assertThat(compatible.s3().settings().endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(compatible.s3().settings().prefix()).isEqualTo("prod/v1");
        assertThat(compatible.s3().settings().pathStyle()).isTrue();
    }

    @Test
    void presignedRedirectsAreOffUnlessAskedFor() {
        assertThat(new StorageProperties("s3", s3().build()).contentRedirectTtl()).isNull();
        assertThat(new StorageProperties("s3", s3().presignedRedirect(true).build()).contentRedirectTtl()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void badSettingsNameTheirPropertyAndEnvironmentVariable() {
        assertRejected("mongo", s3(), "vidgate.storage.type (VIDGATE_STORAGE_TYPE) must be fs or s3");
        assertRejected("s3", s3().bucket(null), "vidgate.storage.s3.bucket (VIDGATE_STORAGE_S3_BUCKET) must name the bucket");
        assertRejected("s3", s3().bucket("my bucket/x"), "VIDGATE_STORAGE_S3_BUCKET) must be a bucket name");
        assertRejected("s3", s3().prefix("/videos/"), "vidgate.storage.s3.prefix (VIDGATE_STORAGE_S3_PREFIX)");
        assertRejected("s3", s3().prefix("a/../b"), "vidgate.storage.s3.prefix (VIDGATE_STORAGE_S3_PREFIX)");
        assertRejected("s3", s3().endpoint("127.0.0.1:9000"), "vidgate.storage.s3.endpoint (VIDGATE_STORAGE_S3_ENDPOINT)");
        assertRejected("s3", s3().endpoint("ftp://host"), "vidgate.storage.s3.endpoint (VIDGATE_STORAGE_S3_ENDPOINT)");
        assertRejected("s3", s3().region("EU West"), "vidgate.storage.s3.region (VIDGATE_STORAGE_S3_REGION)");
        assertRejected("s3", s3().accessKey("AKIA"), "vidgate.storage.s3.access-key (VIDGATE_STORAGE_S3_ACCESS_KEY) and "
                + "vidgate.storage.s3.secret-key (VIDGATE_STORAGE_S3_SECRET_KEY) must be set together");
        assertRejected("s3", s3().partSize(DataSize.ofMegabytes(4)), "vidgate.storage.s3.part-size (VIDGATE_STORAGE_S3_PART_SIZE) must be from 5MB to 1GB");
        assertRejected("s3", s3().partSize(DataSize.ofGigabytes(2)), "VIDGATE_STORAGE_S3_PART_SIZE) must be from 5MB to 1GB");
        assertRejected("s3", s3().timeout(Duration.ZERO), "vidgate.storage.s3.timeout (VIDGATE_STORAGE_S3_TIMEOUT) must be a positive duration");
        assertRejected("s3", s3().presignedTtl(Duration.ofDays(8)), "vidgate.storage.s3.presigned-ttl (VIDGATE_STORAGE_S3_PRESIGNED_TTL) must be at most 7d");
        assertRejected("fs", s3().presignedRedirect(true),
                "vidgate.storage.s3.presigned-redirect (VIDGATE_STORAGE_S3_PRESIGNED_REDIRECT) needs vidgate.storage.type=s3");
    }

    @Test
    void theAppRefusesToStartOnS3WithoutABucket(@TempDir Path dataDir) {
        assertThatThrownBy(() -> TestServer.start(dataDir, new TestClock(), Map.of("vidgate.storage.type", "s3")).close())
                .hasRootCauseMessage("vidgate.storage.s3.bucket (VIDGATE_STORAGE_S3_BUCKET) must name the bucket when "
                        + "vidgate.storage.type is s3");
    }

    /** Binds {@code vidgate.*} as the app does from the process environment. */
    private static VidgateProperties bindEnvironment(Map<String, Object> variables) {
        var environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables);
        return new Binder(ConfigurationPropertySources.from(environment)).bindOrCreate("vidgate", VidgateProperties.class);
    }

    private static void assertRejected(String type, S3Builder s3, String message) {
        assertThatThrownBy(() -> new StorageProperties(type, s3.build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    private static S3Builder s3() {
        return new S3Builder();
    }

    /** Valid S3 settings as the binder would make them from defaults plus a bucket; each call changes one. */
    private static final class S3Builder {
        private String bucket = "videos";
        private String prefix = "";
        private String endpoint;
        private String region;
        private boolean pathStyle;
        private String accessKey;
        private String secretKey;
        private DataSize partSize = DataSize.ofMegabytes(8);
        private Duration timeout = Duration.ofSeconds(60);
        private boolean presignedRedirect;
        private Duration presignedTtl = Duration.ofMinutes(5);

        S3Builder bucket(String v) { bucket = v; return this; }
        S3Builder prefix(String v) { prefix = v; return this; }
        S3Builder endpoint(String v) { endpoint = v; return this; }
        S3Builder region(String v) { region = v; return this; }
        S3Builder pathStyle(boolean v) { pathStyle = v; return this; }
        S3Builder accessKey(String v) { accessKey = v; return this; }
        S3Builder secretKey(String v) { secretKey = v; return this; }
        S3Builder partSize(DataSize v) { partSize = v; return this; }
        S3Builder timeout(Duration v) { timeout = v; return this; }
        S3Builder presignedRedirect(boolean v) { presignedRedirect = v; return this; }
        S3Builder presignedTtl(Duration v) { presignedTtl = v; return this; }

        StorageProperties.S3 build() {
            return new StorageProperties.S3(bucket, prefix, endpoint, region, pathStyle, accessKey, secretKey, partSize,
                    timeout, presignedRedirect, presignedTtl);
        }
    }
}
