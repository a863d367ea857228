package dev.vidgate.policy.faces;

import dev.vidgate.common.ApiException;
import dev.vidgate.policy.ContentCheck;
import dev.vidgate.policy.ContentPolicy;
import dev.vidgate.policy.Level;
import dev.vidgate.policy.ModelLevels;
import dev.vidgate.policy.PromptRules;
import dev.vidgate.policy.faces.opencv.FaceSettings;
import dev.vidgate.policy.faces.opencv.OpenCvFaceDetector;
import dev.vidgate.policy.jdbc.JdbcPolicyStore;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestDatabases;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The face check as the content policy runs it: OpenCV's detector behind the policy's face port, as {@code app/} wires it. */
class FaceCheckTest {
    private static final FaceDetector DETECTOR = new OpenCvFaceDetector(FaceSettings.DEFAULTS);
    private static final BufferedImage ASTRONAUT = LabelledFaces.load("face/skimage-astronaut.jpg").picture();
    private static final ContentCheck.Subject STRICT = ContentCheck.Subject.prompt("ten_a", "key_1", "sora-2", "a quiet harbour");

    @Test
    void aPortraitIsRefusedAsModerationBlockedNamingTheFieldItCameIn() {
        FaceCheck check = new FaceCheck(DETECTOR, true);
        assertThatThrownBy(() -> policy(check::hasFace).screen(STRICT).check("last_frame", ASTRONAUT))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.type()).isEqualTo("invalid_request_error");
                    assertThat(e.code()).isEqualTo("moderation_blocked");
                    assertThat(e.param()).isEqualTo("last_frame");
                    assertThat(e.getMessage()).startsWith("Your request was blocked by our moderation system. ");
                });
    }

    @Test
    void switchedOffThePolicyPassesAPortraitYetTheCheckStillAnswersWhetherItShowsAFace() {
        ContentPolicy off = policy(dev.vidgate.policy.FaceCheck.NONE);
        assertThat(off.screen(STRICT).active()).isFalse();
        assertThatCode(() -> off.images(STRICT).check("input_reference", ASTRONAUT)).doesNotThrowAnyException();
        assertThat(new FaceCheck(DETECTOR, false).hasFace(ASTRONAUT)).isTrue();
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

    /** The policy on a real store, every model at {@code strict}, with {@code faces} as its face port. */
    private static ContentPolicy policy(dev.vidgate.policy.FaceCheck faces) {
        var jdbc = new JdbcTemplate(TestDatabases.freshH2());
        jdbc.update("INSERT INTO tenants (id, name, created_at) VALUES ('ten_a', 'acme', 0)");
        var clock = new TestClock();
        return new ContentPolicy(PromptRules.builtIn(), new ModelLevels(Map.of(), Level.STRICT), new JdbcPolicyStore(jdbc, clock),
                Optional.empty(), false, faces, (category, source) -> {}, clock);
    }
}
