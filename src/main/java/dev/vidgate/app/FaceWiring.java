package dev.vidgate.app;

import dev.vidgate.policy.faces.FaceCheck;
import dev.vidgate.policy.faces.opencv.FaceSettings;
import dev.vidgate.policy.faces.opencv.OpenCvFaceDetector;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The face check on input images: OpenCV's detector when {@code vidgate.policy.faces.enabled}, else a check that passes all. */
@Configuration(proxyBeanMethods = false)
class FaceWiring {
    @Bean
    FaceCheck faceCheck(FaceProperties faces) {
        if (!faces.enabled()) return FaceCheck.off();
        return new FaceCheck(new OpenCvFaceDetector(FaceSettings.DEFAULTS.withMinFaceSize(faces.minFaceSize())), true);
    }
}
