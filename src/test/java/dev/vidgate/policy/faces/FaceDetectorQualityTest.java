package dev.vidgate.policy.faces;

import dev.vidgate.policy.faces.opencv.FaceSettings;
import dev.vidgate.policy.faces.opencv.OpenCvFaceDetector;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped detector and settings on the labelled set (src/test/resources/policy/faces), as 1280x720 references. */
class FaceDetectorQualityTest {
    private final FaceDetector detector = new OpenCvFaceDetector(FaceSettings.DEFAULTS);

    @Test
    void theDetectorFindsAtLeastNinetyPercentOfTheFacesWithAtMostFivePercentFalsePositives() {
        List<LabelledFaces.Sample> samples = LabelledFaces.load();
        assertThat(samples.stream().filter(LabelledFaces.Sample::face)).hasSizeGreaterThanOrEqualTo(60);
        assertThat(samples.stream().filter(s -> !s.face())).hasSizeGreaterThanOrEqualTo(60);
        FaceScore score = FaceScore.of(detector, samples);
        System.out.println("faces: " + score);
        System.out.println("faces, tuning half: " + score.only(samples, true) + "; held-out half: " + score.only(samples, false));
        assertThat(score.recall()).as(score.toString()).isGreaterThanOrEqualTo(0.90);
        assertThat(score.falsePositiveRate()).as(score.toString()).isLessThanOrEqualTo(0.05);
    }

    @Test
    void aPictureWithoutAFaceHasNoBoxAndAPortraitHasOneWhereTheFaceIs() {
        LabelledFaces.Sample astronaut = LabelledFaces.load("face/skimage-astronaut.jpg");
        LabelledFaces.Sample rocket = LabelledFaces.load("noface/skimage-rocket.jpg");
        assertThat(detector.detect(rocket.picture()).isEmpty()).isTrue();
        Faces faces = detector.detect(astronaut.picture());
        assertThat(faces.boxes()).isNotEmpty().allSatisfy(box -> {
            assertThat(box.x()).isBetween(0, LabelledFaces.WIDTH);
            assertThat(box.y() + box.height()).isLessThanOrEqualTo(LabelledFaces.HEIGHT);
        });
    }
}
