package dev.vidgate.storage.s3;

import dev.vidgate.storage.StorageException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** How S3's answers map onto the content store's contract. */
final class S3Failures {
    private S3Failures() {}

    /**
     * A {@link StorageException} for a failed call. Transient: no answer at all (timeouts, refused or dropped
     * connections, an interrupted call), 5xx, throttling, 408 and 429. Permanent: any other refusal, such as
     * 403 access denied, 404 no such bucket or 400 for a request S3 will never accept.
     */
    static StorageException translate(String what, SdkException e) {
        String message = what + ": " + e.getMessage();
        if (!(e instanceof SdkServiceException service)) return new StorageException(message, e);
        int status = service.statusCode();
        boolean retryable = status >= 500 || status == 408 || status == 429 || service.isThrottlingException();
        return retryable ? new StorageException(message, e) : StorageException.permanent(message, e);
    }

    /** The object does not exist (GetObject says NoSuchKey; HeadObject, having no body, just 404). */
    static boolean isNotFound(SdkException e) {
        return e instanceof NoSuchKeyException
                || e instanceof SdkServiceException s && s.statusCode() == 404 && !isNoSuchBucket(e);
    }

    /** A range that starts at or after the object's end. */
    static boolean isRangeNotSatisfiable(SdkException e) {
        return e instanceof SdkServiceException s && s.statusCode() == 416;
    }

    private static boolean isNoSuchBucket(SdkException e) {
        return e instanceof software.amazon.awssdk.services.s3.model.NoSuchBucketException
                || e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException a
                && a.awsErrorDetails() != null && "NoSuchBucket".equals(a.awsErrorDetails().errorCode());
    }
}
