package dev.vidgate.engine.relay;

import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.relay.FakeUpstream.Route;
import dev.vidgate.testsupport.media.Mp4Probe;
import dev.vidgate.testsupport.media.TestClips;
import dev.vidgate.testsupport.media.TestImages;
import dev.vidgate.video.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static dev.vidgate.engine.relay.RelayFixture.failed;
import static dev.vidgate.engine.relay.RelayFixture.read;
import static dev.vidgate.engine.relay.RelayFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

/** Copying finished videos: whatever the upstream sends, the output is a whole, valid MP4 or the job fails clearly. */
class RelayDownloadFaultsTest {
    @TempDir
    Path dir;

    @Test
    void theUpstreamsVideoAndStillsBecomeTheOutputByteForByte() throws IOException {
        FakeUpstream upstream = FakeUpstream.start(Flavour.OPENAI);
        try (RelayFixture relay = RelayFixture.over(dir, upstream)) {
            EngineStatus done = relay.run(request("video_copied"));
            assertThat(read(done, Variant.VIDEO)).isEqualTo(upstream.video);
            assertThat(read(done, Variant.THUMBNAIL)).isEqualTo(upstream.thumbnail);
            assertThat(ImageIO.read(new ByteArrayInputStream(read(done, Variant.SPRITESHEET))).getWidth()).isEqualTo(320);
            assertThat(((EngineStatus.Done) done).output().deliveredSeconds()).isEqualTo(1);
        }
    }

    @Test
    void stillsAreMadeFromTheVideoWhenTheUpstreamHasNone() throws IOException {
        FakeUpstream sglang = FakeUpstream.start(Flavour.SGLANG); // answers every variant with the MP4
        try (RelayFixture relay = RelayFixture.over(dir, sglang)) {
            EngineStatus done = relay.run(request("video_stills"));
            byte[] thumbnail = read(done, Variant.THUMBNAIL);
            assertThat(new String(thumbnail, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");
            BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(thumbnail));
            assertThat(thumb.getWidth()).isEqualTo(320);
            assertThat(thumb.getHeight()).isEqualTo(180);
            BufferedImage sheet = ImageIO.read(new ByteArrayInputStream(read(done, Variant.SPRITESHEET)));
            assertThat(sheet.getWidth()).isEqualTo(5 * 160);
            assertThat(sheet.getHeight()).isEqualTo(5 * 90);
            // the first tile is the clip's first frame: its colour ramp starts at frame 0's colour
            int expected = TestClips.pixel(0, 2, 320);
            int actual = sheet.getRGB(1, 45);
            assertThat(Math.abs(((actual >> 16) & 0xff) - ((expected >> 16) & 0xff))).isLessThan(24);
            assertThat(sglang.seen(Route.CONTENT)).hasSize(1); // no variant requests to a flavour without them
        }
    }

    @Test
    void aThumbnailThatIsNotWebpIsReplacedByOneMadeLocally() {
        FakeUpstream upstream = FakeUpstream.start(Flavour.OPENAI);
        upstream.thumbnail = TestImages.png(64, 36);
        try (RelayFixture relay = RelayFixture.over(dir, upstream)) {
            byte[] thumbnail = read(relay.run(request("video_png_thumb")), Variant.THUMBNAIL);
            assertThat(new String(thumbnail, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");
        }
    }

    @Test
    void aBodyThatIsNotAnMp4FailsTheJobAndLeavesNoFiles() {
        FakeUpstream upstream = FakeUpstream.start(Flavour.OPENAI);
        upstream.video = "<html><body>Your download is ready at http://cdn.example/x.mp4</body></html>".getBytes(StandardCharsets.UTF_8);
        try (RelayFixture relay = RelayFixture.over(dir, upstream)) {
            EngineStatus.Failed failed = failed(relay.run(request("video_not_mp4")));
            assertThat(failed.code()).isEqualTo("upstream_video_invalid");
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.message()).isEqualTo("The provider delivered a file that is not an MP4 video.");
            assertThat(relay.scratchFiles()).isZero();
        }
    }

    @Test
    void anMp4HeaderOnGarbageIsRefusedToo() {
        FakeUpstream upstream = FakeUpstream.start(Flavour.OPENAI);
        byte[] fake = new byte[4096];
        System.arraycopy(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'}, 0, fake, 0, 12);
        upstream.video = fake;
        try (RelayFixture relay = RelayFixture.over(dir, upstream)) {
            EngineStatus.Failed failed = failed(relay.run(request("video_fake_box")));
            assertThat(failed.code()).isEqualTo("upstream_video_invalid");
            assertThat(failed.message()).isEqualTo("The provider delivered an MP4 file that cannot be played.");
        }
    }

    @Test
    void aTwoGigabyteAnswerIsRefusedFromItsLengthWithoutReadingIt() {
        FakeUpstream upstream = FakeUpstream.start(Flavour.OPENAI);
        upstream.fail(Route.CONTENT, new Fault.Huge(2L * 1024 * 1024 * 1024));
        try (RelayFixture relay = RelayFixture.over(dir, s -> s.withDownloads(1024 * 1024, Duration.ofSeconds(5)), upstream)) {
            long began = System.nanoTime();
            EngineStatus.Failed failed = failed(relay.run(request("video_huge")));
            assertThat(failed.code()).isEqualTo("upstream_video_too_large");
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.message()).contains("limit of 1 MiB");
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(10));
            assertThat(relay.scratchFiles()).isZero();
        }
    }

    @Test
    void anAnswerOfUnknownLengthIsCutAtTheLimitWhileStreaming() {
        FakeUpstream upstream = FakeUpstream.start(Flavour.OPENAI);
        upstream.fail(Route.CONTENT, new Fault.Huge(0));
        try (RelayFixture relay = RelayFixture.over(dir, s -> s.withDownloads(1024 * 1024, Duration.ofSeconds(5)), upstream)) {
            EngineStatus.Failed failed = failed(relay.run(request("video_endless")));
            assertThat(failed.code()).isEqualTo("upstream_video_too_large");
            assertThat(relay.scratchFiles()).isZero();
        }
    }

    @Test
    void aTruncatedDownloadIsFetchedAgainAndNeverServedHalf() throws IOException {
        FakeUpstream upstream = FakeUpstream.start(Flavour.OPENAI);
        upstream.fail(Route.CONTENT, new Fault.Truncated(), Fault.reset());
        try (RelayFixture relay = RelayFixture.over(dir, upstream)) {
            EngineStatus done = relay.run(request("video_truncated"));
            byte[] video = read(done, Variant.VIDEO);
            assertThat(video).isEqualTo(upstream.video);
            assertThat(Mp4Probe.of(video).frameCount()).isEqualTo(TestClips.FPS);
        }
    }

    @Test
    void aDownloadThatKeepsBreakingFailsTheJobAsRetryable() {
        FakeUpstream upstream = FakeUpstream.start(Flavour.OPENAI);
        upstream.failAlways(Route.CONTENT, new Fault.Truncated());
        try (RelayFixture relay = RelayFixture.over(dir, upstream)) {
            EngineStatus.Failed failed = failed(relay.run(request("video_always_cut")));
            assertThat(failed.code()).isEqualTo("upstream_download_failed");
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.message()).doesNotContain("video_fake");
            assertThat(relay.scratchFiles()).isZero();
        }
    }

    @Test
    void aTricklingDownloadIsAbandonedAtItsDeadline() {
        FakeUpstream upstream = FakeUpstream.start(Flavour.OPENAI);
        upstream.failAlways(Route.CONTENT, new Fault.Slow(Duration.ofMillis(200)));
        try (RelayFixture relay = RelayFixture.over(dir, s -> s.withDownloads(64L * 1024 * 1024, Duration.ofMillis(600)), upstream)) {
            long began = System.nanoTime();
            EngineStatus.Failed failed = failed(relay.run(request("video_trickle")));
            assertThat(failed.code()).isEqualTo("upstream_download_failed");
            assertThat(failed.message()).contains("in time");
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(20));
            relay.awaitIdle();
        }
    }

    @Test
    void theReportedLengthIsBilledRoundedUpButNeverMoreThanAskedFor() {
        assertThat(Downloader.deliveredSeconds(7.2, 8)).isEqualTo(8);
        assertThat(Downloader.deliveredSeconds(3.0, 8)).isEqualTo(3);
        assertThat(Downloader.deliveredSeconds(12.0, 8)).isEqualTo(8);
        assertThat(Downloader.deliveredSeconds(null, 4)).isEqualTo(4);
        assertThat(Downloader.deliveredSeconds(0.2, 4)).isEqualTo(1);
    }
}
