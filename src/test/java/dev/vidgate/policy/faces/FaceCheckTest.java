package dev.vidgate.policy.faces;

import dev.vidgate.common.ApiException;
import dev.vidgate.policy.faces.opencv.FaceSettings;
import dev.vidgate.policy.faces.opencv.OpenCvFaceDetector;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaceCheckTest {
    private static final FaceDetector DETECTOR = new OpenCvFaceDetector(FaceSettings.DEFAULTS);
    private static final BufferedImage ASTRONAUT = LabelledFaces.load("face/skimage-astronaut.jpg").picture();

    @Test
    void aPortraitIsRefusedAsModerationBlockedNamingTheFieldItCameIn() {
        assertThatThrownBy(() -> new FaceCheck(DETECTOR, true).requireNoFace(ASTRONAUT, "last_frame"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.type()).isEqualTo("invalid_request_error");
                    assertThat(e.code()).isEqualTo("moderation_blocked");
                    assertThat(e.param()).isEqualTo("last_frame");
                    assertThat(e.getMessage()).startsWith("Your request was blocked by our moderation system. ");
                });
    }

    @Test
    void switchedOffTheCheckPassesAPortraitYetStillAnswersWhetherItShowsAFace() {
        FaceCheck off = new FaceCheck(DETECTOR, false);
        assertThatCode(() -> off.requireNoFace(ASTRONAUT, "input_reference")).doesNotThrowAnyException();
        assertThat(off.hasFace(ASTRONAUT)).isTrue();
        assertThat(FaceCheck.off().hasFace(ASTRONAUT)).isFalse();
    }

    @Test
    void theGeneratedPicturesOtherTestsUploadAsReferencesShowNoFace() {
        FaceCheck check = new FaceCheck(DETECTOR, true);
        for (long seed = 1; seed <= 6; seed++) {
            for (int[] size : new int[][] {{1280, 720}, {720, 1280}}) {
                BufferedImage picture = TestImages.image(size[0], size[1], seed);
                assertThat(check.hasFace(picture)).as("seed %d at %dx%d", seed, size[0], size[1]).isFalse();
            }
        }
    }
}
