package dev.vidgate.storage.s3;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Builds the SDK client an {@link S3ContentStore} talks through. */
public final class S3Clients {
    /** Region used to sign for an S3-compatible endpoint when none is set: such services accept any. */
    private static final Region COMPATIBLE_DEFAULT_REGION = Region.US_EAST_1;
    /** The SDK's standard retry mode makes 3 attempts; the whole call may take them all plus back-off. */
    private static final int ATTEMPTS = 3;

    private S3Clients() {}

    /**
     * A synchronous client on the JDK's HTTP connection. Each attempt is bounded by {@link S3Settings#timeout()}
     * (also the socket read timeout, so a stalled download fails rather than hangs), and a whole call by
     * {@value #ATTEMPTS} times that. Checksums are sent only where S3 requires them, which S3-compatible services
     * all understand.
     */
    public static S3Client create(S3Settings settings) {
        Duration attempt = settings.timeout();
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(min(attempt, Duration.ofSeconds(10)))
                        .socketTimeout(attempt)
                        .build())
                .overrideConfiguration(o -> o
                        .apiCallAttemptTimeout(attempt)
                        .apiCallTimeout(attempt.multipliedBy(ATTEMPTS).plusSeconds(5)))
                .forcePathStyle(settings.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(settings.accessKey() == null
                        ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())));
        if (settings.endpoint() != null) builder.endpointOverride(settings.endpoint());
        if (settings.region() != null) {
            builder.region(Region.of(settings.region()));
        } else if (settings.endpoint() != null) {
            builder.region(COMPATIBLE_DEFAULT_REGION);
        }
        return builder.build();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
