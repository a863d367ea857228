package dev.vidgate.media;

import dev.vidgate.testsupport.media.TestImages;
import dev.vidgate.testsupport.media.WebpFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one decoder, directly: hostile WebP files cost milliseconds, sound pictures decode upright. */
class EncodedImageTest {
    private static final long MAX_PIXELS = 4096L * 4096;
    private static final int MAX_SIDE = 8192;

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 720", "1920, 1080"})
    void theFortyEightByteWebpOfIssue18IsRefusedBeforeAnyDecoderRuns(int width, int height) {
        byte[] bomb = WebpFiles.canvasWithGarbage(width, height);
        Duration cpu = cpuTimeOf(() -> assertThatThrownBy(() -> EncodedImage.open(bomb, MAX_PIXELS, MAX_SIDE).decode())
                .isInstanceOf(UnreadableImageException.class)
                .hasMessage("the image could not be decoded"));
        System.out.printf("EncodedImage: 48-byte WebP bomb at %dx%d refused after %.1f ms of CPU%n", width, height, cpu.toNanos() / 1e6);
        assertThat(cpu).isLessThan(Duration.ofMillis(100));
    }

    @Test
    void aLosslessBitstreamThatRunsPastItsEndFailsAtOnce() {
        // the bomb with its VP8L header made to agree with the canvas: now it is the decoder that meets the garbage
        byte[] bomb = WebpFiles.canvasWithGarbage(1920, 1080);
        ByteBuffer.wrap(bomb).order(ByteOrder.LITTLE_ENDIAN).putInt(39, (1920 - 1) | (1080 - 1) << 14);
        Duration cpu = cpuTimeOf(() -> assertThatThrownBy(() -> EncodedImage.open(bomb, MAX_PIXELS, MAX_SIDE).decode())
                .isInstanceOf(UnreadableImageException.class));
        System.out.printf("EncodedImage: garbage bitstream under a sound header at 1920x1080 refused after %.1f ms of CPU%n",
                cpu.toNanos() / 1e6);
        assertThat(cpu).isLessThan(Duration.ofMillis(300));
    }

    @Test
    void aVp8lChunkWithoutItsSignatureIsRefused() {
        byte[] bomb = WebpFiles.canvasWithGarbage(1280, 720);
        bomb[38] = 0; // the signature byte: ten zero-ish bytes would otherwise decode as a black picture
        assertThatThrownBy(() -> EncodedImage.open(bomb, MAX_PIXELS, MAX_SIDE)).isInstanceOf(UnreadableImageException.class);
    }

    @Test
    void aLosslessWebpWhosePixelsTakeNoBitsDecodesInMilliseconds() {
        byte[] webp = WebpFiles.losslessWebp(1920, 1080);
        Duration cpu = cpuTimeOf(() -> {
            var picture = EncodedImage.open(webp, MAX_PIXELS, MAX_SIDE).decode();
            assertThat(picture.getWidth()).isEqualTo(1920);
            assertThat(picture.getRGB(1919, 1079) & 0xFFFFFF).isZero();
        });
        System.out.printf("EncodedImage: 30-byte lossless WebP at 1920x1080 decoded after %.1f ms of CPU%n", cpu.toNanos() / 1e6);
        assertThat(cpu).isLessThan(Duration.ofMillis(1000));
    }

    @Test
    void aHeaderOverTheLimitsIsRefusedWithoutDecoding() {
        assertThatThrownBy(() -> EncodedImage.open(WebpFiles.losslessWebp(16_384, 16_384), MAX_PIXELS, MAX_SIDE))
                .isInstanceOf(UnreadableImageException.class)
                .hasMessage("the image is too large to decode");
        assertThatThrownBy(() -> EncodedImage.open(TestImages.png(64, 36), MAX_PIXELS, 63))
                .hasMessage("the image is too large to decode");
    }

    @Test
    void whatIsNotAnImageIsNamedSo() {
        assertThatThrownBy(() -> EncodedImage.open(new byte[0], MAX_PIXELS, MAX_SIDE)).hasMessage("the image is empty");
        assertThatThrownBy(() -> EncodedImage.open("GIF89a...".getBytes(), MAX_PIXELS, MAX_SIDE))
                .hasMessage("the image is not a JPEG, PNG or WebP image");
    }

    @Test
    void aSoundPictureDecodesToItsOwnPixels() {
        var original = TestImages.image(160, 90, 4);
        EncodedImage image = EncodedImage.open(TestImages.png(original), MAX_PIXELS, MAX_SIDE);
        assertThat(image.format()).isEqualTo(ImageFormat.PNG);
        assertThat(image.width()).isEqualTo(160);
        assertThat(image.height()).isEqualTo(90);
        var decoded = image.decode();
        assertThat(decoded.getRGB(0, 0, 160, 90, null, 0, 160)).isEqualTo(original.getRGB(0, 0, 160, 90, null, 0, 160));
    }

    static Duration cpuTimeOf(Runnable work) {
        var threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        work.run();
        return Duration.ofNanos(threads.getCurrentThreadCpuTime() - start);
    }
}
