package dev.vidgate.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code vidgate.reference.*}: how reference images ({@code input_reference}) are checked.
 *
 * @param decodeTimeout the CPU time the check of one reference may use before it is stopped and the upload answered
 *                      {@code 400 Invalid file format} ({@code VIDGATE_REFERENCE_DECODE_TIMEOUT}); a check a busy server
 *                      has not finished within twenty times as long answers 503 instead (see {@code BoundedImageWork})
 */
@ConfigurationProperties("vidgate.reference")
public record ReferenceProperties(@DefaultValue("2s") Duration decodeTimeout) {
    private static final Duration MAX_DECODE_TIMEOUT = Duration.ofMinutes(1);

    public ReferenceProperties {
        VidgateProperties.require(decodeTimeout != null && decodeTimeout.isPositive() && decodeTimeout.compareTo(MAX_DECODE_TIMEOUT) <= 0,
                "vidgate.reference.decode-timeout (VIDGATE_REFERENCE_DECODE_TIMEOUT) must be a positive duration of at most 1m, such as 2s");
    }
}
