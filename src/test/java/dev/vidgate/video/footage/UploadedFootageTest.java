package dev.vidgate.video.footage;

import dev.vidgate.common.ApiException;
import dev.vidgate.media.BoundedImageWork;
import dev.vidgate.testsupport.media.TestClips;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class UploadedFootageTest {
    private static final BoundedImageWork WORK = new BoundedImageWork(1, Duration.ofSeconds(10));
    private final UploadedFootage footage = new UploadedFootage(FootageLimits.DEFAULTS, WORK, FrameCheck.NONE);

    @AfterAll
    static void stop() {
        WORK.close();
    }

    @Test
    void aSoundMp4GivesItsSizeLengthAndBothEndFrames() {
        Footage clip = footage.check(TestClips.mp4(320, 180, 3));

        assertThat(clip.width()).isEqualTo(320);
        assertThat(clip.height()).isEqualTo(180);
        assertThat(clip.seconds()).isCloseTo(3.0, within(0.2));
        assertThat(clip.wholeSeconds()).isEqualTo(3);
        int lastIndex = 3 * TestClips.FPS - 1;
        assertThat(redAt(clip.firstFrame().getRGB(160, 90))).isCloseTo(red(TestClips.pixel(0, 160, 320)), within(12));
        assertThat(redAt(clip.lastFrame().getRGB(160, 90))).isCloseTo(red(TestClips.pixel(lastIndex, 160, 320)), within(12));
    }

    @Test
    void anImageIsRefusedAsTheWrongFormatNamingVideo() {
        assertThatThrownBy(() -> footage.check(TestImages.png(64, 64)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.param()).isEqualTo("video");
                    assertThat(e.code()).isEqualTo("invalid_file_format");
                    assertThat(e.getMessage()).contains("MP4");
                });
    }

    @Test
    void aTruncatedMp4IsRefusedAsTheWrongFormat() {
        byte[] whole = TestClips.mp4(96, 64, 2);
        byte[] cut = Arrays.copyOf(whole, whole.length / 3);
        assertThatThrownBy(() -> footage.check(cut))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("invalid_file_format");
                });
    }

    @Test
    void aClipLongerThanTheLimitIsRefusedNamingBothLengths() {
        var strict = new UploadedFootage(new FootageLimits(25L << 20, 2, 1920), WORK, FrameCheck.NONE);
        assertThatThrownBy(() -> strict.check(TestClips.mp4(64, 64, 3)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.param()).isEqualTo("video");
                    assertThat(e.getMessage()).contains("3.0 seconds").contains("at most 2");
                });
    }

    @Test
    void aClipWiderThanTheLimitIsRefused() {
        var strict = new UploadedFootage(new FootageLimits(25L << 20, 60, 64), WORK, FrameCheck.NONE);
        assertThatThrownBy(() -> strict.check(TestClips.mp4(96, 64, 1)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("96x64"));
    }

    @Test
    void aFileOverTheByteLimitIs413BeforeAnythingIsDecoded() {
        var strict = new UploadedFootage(new FootageLimits(1024, 60, 1920), WORK, FrameCheck.NONE);
        assertThatThrownBy(() -> strict.check(TestClips.mp4(96, 64, 1)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.param()).isEqualTo("video");
                });
    }

    @Test
    void theFrameCheckSeesEveryAcceptedClipAndMayRefuseIt() {
        AtomicReference<Footage> seen = new AtomicReference<>();
        var refusing = new UploadedFootage(FootageLimits.DEFAULTS, WORK, clip -> {
            seen.set(clip);
            throw ApiException.invalid("no faces", "video", "moderation_blocked");
        });
        assertThatThrownBy(() -> refusing.check(TestClips.mp4(96, 64, 1))).hasMessageContaining("no faces");
        assertThat(seen.get().width()).isEqualTo(96);
    }

    private static int redAt(int rgb) {
        return red(rgb);
    }

    private static int red(int argb) {
        return (argb >> 16) & 0xFF;
    }
}
