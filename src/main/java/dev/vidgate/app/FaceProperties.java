package dev.vidgate.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vidgate.policy.faces.*}: the seed's rule "no human faces in input images" (docs/content-policy.md, "Faces").
 *
 * @param enabled     whether a create's reference image is refused when it shows a human face
 *                    ({@code VIDGATE_POLICY_FACES_ENABLED}, default true); off, the detector is not even loaded
 * @param minFaceSize the smallest face looked for, in pixels of the uploaded picture
 *                    ({@code VIDGATE_POLICY_FACES_MIN_FACE_SIZE}, default 40; 20 to 720)
 */
@ConfigurationProperties("vidgate.policy.faces")
public record FaceProperties(@DefaultValue("true") boolean enabled, @DefaultValue("40") int minFaceSize) {
    public FaceProperties {
        VidgateProperties.require(minFaceSize >= 20 && minFaceSize <= 720,
                "vidgate.policy.faces.min-face-size (VIDGATE_POLICY_FACES_MIN_FACE_SIZE) must be a number of pixels from 20 to 720, such as 40");
    }
}
