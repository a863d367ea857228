package dev.vidgate.media;

import dev.vidgate.testsupport.media.WebpFiles;
import dev.vidgate.common.TransientException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Work over its time limit is refused, and really stops: its thread is free for the next task at once. */
class BoundedImageWorkTest {

    @Test
    void aDecodeOverItsTimeLimitIsRefusedAndItsThreadIsFreeRightAfter() {
        // a sound 4096x4096 picture in 30 bytes: some hundreds of milliseconds of decoding
        byte[] big = WebpFiles.losslessWebp(4096, 4096);
        try (BoundedImageWork work = new BoundedImageWork(1, Duration.ofMillis(150))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> work.call(() -> EncodedImage.open(big, 4096L * 4096, 8192).decode()))
                    .isInstanceOf(UnreadableImageException.class)
                    .hasMessage("the image took longer than 150 ms to decode");
            Duration refusedAfter = Duration.ofNanos(System.nanoTime() - start);
            // the only thread must have dropped the decode: otherwise this waits behind it and times out too
            assertThat(work.call(() -> "next")).isEqualTo("next");
            Duration freeAfter = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf("BoundedImageWork: 4096x4096 decode refused after %d ms, its thread free after %d ms%n",
                    refusedAfter.toMillis(), freeAfter.toMillis());
        }
    }

    @Test
    void workThatWaitsRatherThanComputesIsNotRefusedAsUnreadableUntilTheBackstopWhichIsABusyServerNotABadImage() {
        // a loaded machine stretches wall time; what the limit bounds is the CPU a decode burns
        try (BoundedImageWork work = new BoundedImageWork(1, Duration.ofMillis(50), Duration.ofMillis(1500))) {
            assertThat(work.call(() -> {
                LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
                return "done";
            })).isEqualTo("done");
            assertThatThrownBy(() -> work.call(() -> {
                LockSupport.parkNanos(Duration.ofSeconds(5).toNanos());
                return "too late";
            })).isInstanceOf(TransientException.class).hasMessageContaining("too busy");
            assertThat(work.call(() -> "next")).as("the pool's thread was freed").isEqualTo("next");
        }
    }

    @Test
    void whatTheWorkThrowsReachesTheCaller() {
        try (BoundedImageWork work = new BoundedImageWork(1, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> work.call(() -> EncodedImage.open(new byte[] {1, 2, 3}, 100, 100)))
                    .isInstanceOf(UnreadableImageException.class)
                    .hasMessage("the image is not a JPEG, PNG or WebP image");
            assertThat(work.call(() -> EncodedImage.open(WebpFiles.losslessWebp(64, 36), 10_000, 100).width())).isEqualTo(64);
        }
    }
}
