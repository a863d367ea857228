package dev.vidgate.app;

import dev.vidgate.policy.faces.FaceCheck;
import dev.vidgate.policy.faces.opencv.FaceSettings;
import dev.vidgate.policy.faces.opencv.OpenCvFaceDetector;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The face check on input images: OpenCV's detector when {@code vidgate.policy.faces.enabled}, else a check that passes
 * all; the content policy reaches it through its own port.
 */
@Configuration(proxyBeanMethods = false)
class FaceWiring {
    @Bean
    FaceCheck faceCheck(FaceProperties faces) {
        if (!faces.enabled()) return FaceCheck.off();
        return new FaceCheck(new OpenCvFaceDetector(FaceSettings.DEFAULTS.withMinFaceSize(faces.minFaceSize())), true);
    }

    /**
     * The content policy's face port: the detector on the picture the reference check decoded. The policy asks it only
     * at {@code strict}, and audits and counts what it blocks; switched off, the policy has no face check at all.
     */
    @Bean
    dev.vidgate.policy.FaceCheck policyFaceCheck(FaceCheck faces) {
        return faces.enabled() ? faces::hasFace : dev.vidgate.policy.FaceCheck.NONE;
    }
}
