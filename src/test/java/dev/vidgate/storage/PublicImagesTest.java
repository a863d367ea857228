package dev.vidgate.storage;

import dev.vidgate.storage.fs.FileSystemContentStore;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Images published for providers are readable by their token only, only until they expire, and go with their job. */
class PublicImagesTest {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();

    private PublicImages images() {
        return new PublicImages(new FileSystemContentStore(dir), clock, Duration.ofHours(1));
    }

    @Test
    void aPublishedImageIsReadBackByItsTokenUntilItExpires() {
        PublicImages images = images();
        byte[] png = TestImages.png(64, 36);
        String token = images.publish("video_abc", png);

        assertThat(images.read(token)).hasValue(png);
        clock.advance(Duration.ofMinutes(59));
        assertThat(images.read(token)).hasValue(png);
        clock.advance(Duration.ofMinutes(2));
        assertThat(images.read(token)).isEmpty();
    }

    @Test
    void aTokenWithAnyPartChangedReadsNothing() {
        PublicImages images = images();
        String token = images.publish("video_abc", TestImages.png(8, 8));
        String[] parts = token.split("\\.");
        long later = Long.parseLong(parts[0]) + 3600;

        assertThat(images.read(later + "." + parts[1] + "." + parts[2])).as("a stretched expiry").isEmpty();
        assertThat(images.read(parts[0] + ".video_other." + parts[2])).as("another job").isEmpty();
        assertThat(images.read(parts[0] + "." + parts[1] + "." + "A".repeat(32))).as("a guessed secret").isEmpty();
        assertThat(images.read("../../etc/passwd")).isEmpty();
        assertThat(images.read(null)).isEmpty();
    }

    @Test
    void withdrawingAJobRemovesEveryImageItPublished() {
        PublicImages images = images();
        String first = images.publish("video_abc", TestImages.png(8, 8));
        String second = images.publish("video_abc", TestImages.png(16, 16));
        String other = images.publish("video_xyz", TestImages.png(8, 8));

        images.withdraw("video_abc");

        assertThat(images.read(first)).isEmpty();
        assertThat(images.read(second)).isEmpty();
        assertThat(images.read(other)).isPresent();
    }
}
