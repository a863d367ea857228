package dev.vidgate.video.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidgate.common.ApiException;
import dev.vidgate.media.ImageFormat;
import dev.vidgate.testsupport.media.ReferencePictures;
import dev.vidgate.testsupport.media.TestImages;
import dev.vidgate.catalog.VideoSize;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.assertj.core.api.AbstractThrowableAssert;
import dev.vidgate.testsupport.media.WebpFiles;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferenceImagesTest {
    private static final VideoSize LANDSCAPE = new VideoSize(1280, 720);
    private static final VideoSize SMALL = new VideoSize(64, 36);
    private static final ReferenceLimits LIMITS = ReferenceLimits.DEFAULTS;

    // ---- accepted formats ----

    @Test
    void aPngOfTheRequestedSizeIsAccepted() {
        byte[] png = TestImages.png(1280, 720);
        ReferenceImage image = ReferenceImages.validate(png, LANDSCAPE.width(), LANDSCAPE.height(), LIMITS);
        assertThat(image.format()).isEqualTo(ImageFormat.PNG);
        assertThat(image.width()).isEqualTo(1280);
        assertThat(image.height()).isEqualTo(720);
        assertThat(image.bytes()).isSameAs(png);
    }

    @Test
    void aJpegOfTheRequestedSizeIsAccepted() {
        ReferenceImage image = ReferenceImages.validate(TestImages.jpeg(1280, 720), LANDSCAPE.width(), LANDSCAPE.height(), LIMITS);
        assertThat(image.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(image.width()).isEqualTo(1280);
        assertThat(image.height()).isEqualTo(720);
    }

    @Test
    void aLosslessWebpOfTheRequestedSizeIsAccepted() {
        ReferenceImage image = ReferenceImages.validate(TestImages.losslessWebp(1280, 720), LANDSCAPE.width(), LANDSCAPE.height(), LIMITS);
        assertThat(image.format()).isEqualTo(ImageFormat.WEBP);
        assertThat(image.width()).isEqualTo(1280);
        assertThat(image.height()).isEqualTo(720);
    }

    @Test
    void theFormatComesFromTheMagicBytesOnly() {
        assertThat(ImageFormat.detect(TestImages.png(4, 4))).contains(ImageFormat.PNG);
        assertThat(ImageFormat.detect(TestImages.jpeg(4, 4))).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.detect(TestImages.losslessWebp(4, 4))).contains(ImageFormat.WEBP);
        assertThat(ImageFormat.detect(TestImages.gif(4, 4))).isEmpty();
        assertThat(ImageFormat.detect("RIFF0000WAVE".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageFormat.detect(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
        assertThat(ImageFormat.detect(new byte[0])).isEmpty();
    }

    @Test
    void aPngLabelledAsSomethingElseIsStillAcceptedAsPng() {
        // Clients label the part application/octet-stream or lie in the data URL: only the bytes count.
        String dataUrl = "data:image/gif;base64," + java.util.Base64.getEncoder().encodeToString(TestImages.png(64, 36));
        byte[] bytes = DataUrls.decode(dataUrl, LIMITS.maxBytes());
        assertThat(ReferenceImages.validate(bytes, SMALL.width(), SMALL.height(), LIMITS).format()).isEqualTo(ImageFormat.PNG);
    }

    // ---- EXIF orientation and CMYK ----

    private static final java.awt.image.BufferedImage PHOTO = dev.vidgate.testsupport.media.TestImages.image(160, 90, 2);
    private static final VideoSize PHOTO_LANDSCAPE = new VideoSize(160, 90);
    private static final VideoSize PHOTO_PORTRAIT = new VideoSize(90, 160);

    @Test
    void theRequestedSizeIsComparedWithThePictureUpright() {
        byte[] sideways = ReferencePictures.sidewaysJpeg(PHOTO, 6); // 90x160 stored, 160x90 upright
        ReferenceImage image = ReferenceImages.validate(sideways, PHOTO_LANDSCAPE.width(), PHOTO_LANDSCAPE.height(), ReferenceLimits.DEFAULTS);
        assertThat(image.width()).isEqualTo(160);
        assertThat(image.height()).isEqualTo(90);
        ReferenceImagesTest.assertMismatch(() -> ReferenceImages.validate(sideways, PHOTO_PORTRAIT.width(), PHOTO_PORTRAIT.height(), ReferenceLimits.DEFAULTS));
    }

    @Test
    void cmykAndYcckJpegsPassValidation() {
        assertThat(ReferenceImages.validate(ReferencePictures.adobeJpeg(PHOTO, false), PHOTO_LANDSCAPE.width(), PHOTO_LANDSCAPE.height(), ReferenceLimits.DEFAULTS).format())
                .isEqualTo(ImageFormat.JPEG);
        assertThat(ReferenceImages.validate(ReferencePictures.adobeJpeg(PHOTO, true), PHOTO_LANDSCAPE.width(), PHOTO_LANDSCAPE.height(), ReferenceLimits.DEFAULTS).format())
                .isEqualTo(ImageFormat.JPEG);
    }

    // ---- size mismatch ----

    @Test
    void aPngOfAnotherSizeIsRejectedWithTheSeedMessage() {
        assertMismatch(() -> ReferenceImages.validate(TestImages.png(720, 1280), LANDSCAPE.width(), LANDSCAPE.height(), LIMITS));
    }

    @Test
    void aJpegOfAnotherSizeIsRejectedWithTheSeedMessage() {
        assertMismatch(() -> ReferenceImages.validate(TestImages.jpeg(1281, 720), LANDSCAPE.width(), LANDSCAPE.height(), LIMITS));
    }

    @Test
    void aWebpOfAnotherSizeIsRejectedWithTheSeedMessage() {
        assertMismatch(() -> ReferenceImages.validate(TestImages.losslessWebp(1280, 721), LANDSCAPE.width(), LANDSCAPE.height(), LIMITS));
    }

    // ---- decompression bombs ----

    @Test
    void aPngDeclaring50000By50000PixelsIsRejectedWithoutBeingDecoded() {
        // 50000x50000 RGB would be 7.5 GB decoded; the file is a few hundred bytes.
        byte[] bomb = TestImages.handMadePng(50_000, 50_000, TestImages.zlibZeros(1 << 20));
        assertThat(bomb.length).isLessThan(4096);
        assertInvalidFormat(() -> ReferenceImages.validate(bomb, LANDSCAPE.width(), LANDSCAPE.height(), LIMITS));
    }

    @Test
    void aJpegDeclaring50000By50000PixelsIsRejectedWithoutBeingDecoded() {
        byte[] bomb = withJpegFrameSize(TestImages.jpeg(64, 36), 50_000, 50_000);
        assertInvalidFormat(() -> ReferenceImages.validate(bomb, LANDSCAPE.width(), LANDSCAPE.height(), LIMITS));
    }

    @Test
    void aWebpDeclaring16384By16384PixelsIsRejectedWithoutBeingDecoded() {
        // Pixel data takes zero bits here, so decoding it would really allocate a gigabyte.
        byte[] bomb = TestImages.losslessWebp(16_384, 16_384);
        assertThat(bomb.length).isLessThan(64);
        assertInvalidFormat(() -> ReferenceImages.validate(bomb, LANDSCAPE.width(), LANDSCAPE.height(), LIMITS));
    }

    @Test
    void theSideLimitAppliesEvenWhenThePixelCountIsSmall() {
        var limits = new ReferenceLimits(LIMITS.maxBytes(), LIMITS.maxPixels(), 1000);
        assertInvalidFormat(() -> ReferenceImages.validate(TestImages.png(1280, 720), LANDSCAPE.width(), LANDSCAPE.height(), limits));
    }

    @Test
    void thePixelLimitIsCheckedBeforeTheRequestedSize() {
        var limits = new ReferenceLimits(LIMITS.maxBytes(), 1000, LIMITS.maxSide());
        assertInvalidFormat(() -> ReferenceImages.validate(TestImages.png(720, 1280), LANDSCAPE.width(), LANDSCAPE.height(), limits));
    }

    @Test
    void aPngOfTheRightDeclaredSizeButTooLittleDataIsRejected() {
        byte[] starved = TestImages.handMadePng(1280, 720, TestImages.zlibZeros(100));
        assertInvalidFormat(() -> ReferenceImages.validate(starved, LANDSCAPE.width(), LANDSCAPE.height(), LIMITS));
    }

    // ---- bounded work (issue 18) ----

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 720", "1920, 1080"})
    void theFortyEightByteWebpOfIssue18IsRefusedInMilliseconds(int width, int height) {
        byte[] bomb = WebpFiles.canvasWithGarbage(width, height);
        assertThat(bomb).hasSize(48);
        Duration cpu = cpuTimeOf(() -> assertInvalidFormat(() -> ReferenceImages.validate(bomb, width, height, LIMITS)));
        System.out.printf("48-byte WebP bomb at %dx%d refused after %d ms of CPU%n", width, height, cpu.toMillis());
        assertThat(cpu).isLessThan(Duration.ofMillis(300));
    }

    @Test
    void aLosslessWebpWhosePixelsTakeNoBitsIsAcceptedWithoutBurningACore() {
        // a valid 30-byte picture: the decoder reaches the end of its data at once and must not pay for that per pixel
        byte[] webp = TestImages.losslessWebp(1920, 1080);
        Duration cpu = cpuTimeOf(() -> ReferenceImages.validate(webp, 1920, 1080, LIMITS));
        System.out.printf("30-byte lossless WebP at 1920x1080 accepted after %d ms of CPU%n", cpu.toMillis());
        assertThat(cpu).isLessThan(Duration.ofMillis(1000));
    }

    private static Duration cpuTimeOf(Runnable work) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        work.run();
        return Duration.ofNanos(threads.getCurrentThreadCpuTime() - start);
    }

    // ---- corrupt and truncated files ----

    @Test
    void aTruncatedPngIsRejected() {
        byte[] png = TestImages.png(1280, 720);
        assertInvalidFormat(() -> ReferenceImages.validate(Arrays.copyOf(png, png.length / 2), LANDSCAPE.width(), LANDSCAPE.height(), LIMITS));
    }

    @Test
    void aPngMissingOnlyItsEndChunkIsRejected() {
        byte[] png = TestImages.png(1280, 720);
        assertInvalidFormat(() -> ReferenceImages.validate(Arrays.copyOf(png, png.length - 12), LANDSCAPE.width(), LANDSCAPE.height(), LIMITS));
    }

    @Test
    void aPngWithGarbageImageDataIsRejected() {
        byte[] garbage = new byte[64];
        Arrays.fill(garbage, (byte) 0xFF);
        assertInvalidFormat(() -> ReferenceImages.validate(TestImages.handMadePng(64, 36, garbage), SMALL.width(), SMALL.height(), LIMITS));
    }

    @Test
    void aTruncatedJpegIsRejected() {
        byte[] jpeg = TestImages.jpeg(1280, 720);
        assertInvalidFormat(() -> ReferenceImages.validate(Arrays.copyOf(jpeg, jpeg.length / 2), LANDSCAPE.width(), LANDSCAPE.height(), LIMITS));
    }

    @Test
    void aJpegCutJustBeforeItsEndMarkerIsRejected() {
        byte[] jpeg = TestImages.jpeg(1280, 720);
        assertInvalidFormat(() -> ReferenceImages.validate(Arrays.copyOf(jpeg, jpeg.length - 200), LANDSCAPE.width(), LANDSCAPE.height(), LIMITS));
    }

    @Test
    void aJpegHeaderAloneIsRejected() {
        byte[] jpeg = TestImages.jpeg(64, 36);
        assertInvalidFormat(() -> ReferenceImages.validate(Arrays.copyOf(jpeg, 20), SMALL.width(), SMALL.height(), LIMITS));
    }

    @Test
    void aTruncatedWebpIsRejected() {
        byte[] webp = TestImages.losslessWebp(1280, 720);
        assertInvalidFormat(() -> ReferenceImages.validate(Arrays.copyOf(webp, webp.length - 4), LANDSCAPE.width(), LANDSCAPE.height(), LIMITS));
        assertInvalidFormat(() -> ReferenceImages.validate(Arrays.copyOf(webp, 16), LANDSCAPE.width(), LANDSCAPE.height(), LIMITS));
    }

    @Test
    void aGifIsRejected() {
        assertInvalidFormat(() -> ReferenceImages.validate(TestImages.gif(64, 36), SMALL.width(), SMALL.height(), LIMITS));
    }

    @Test
    void aTextFileIsRejected() {
        byte[] text = "this is not an image\n".getBytes(StandardCharsets.UTF_8);
        assertInvalidFormat(() -> ReferenceImages.validate(text, SMALL.width(), SMALL.height(), LIMITS));
    }

    @Test
    void anEmptyFileIsRejected() {
        assertInvalidFormat(() -> ReferenceImages.validate(new byte[0], SMALL.width(), SMALL.height(), LIMITS));
    }

    @Test
    void magicBytesFollowedByNothingUsefulAreRejected() {
        assertInvalidFormat(() -> ReferenceImages.validate(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, SMALL.width(), SMALL.height(), LIMITS));
        assertInvalidFormat(() -> ReferenceImages.validate("RIFF\4\0\0\0WEBP".getBytes(StandardCharsets.ISO_8859_1), SMALL.width(), SMALL.height(), LIMITS));
    }

    // ---- byte size ----

    @Test
    void aFileOverTheByteLimitIsRefusedWith413NamingTheLimit() {
        byte[] big = new byte[(int) ReferenceLimits.DEFAULT_MAX_BYTES + 1];
        big[0] = (byte) 0x89;
        assertThatThrownBy(() -> ReferenceImages.validate(big, LANDSCAPE.width(), LANDSCAPE.height(), LIMITS))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.getMessage()).isEqualTo("input_reference is larger than the 25 MiB limit");
                    assertThat(e.param()).isEqualTo("input_reference");
                    assertThat(e.code()).isEqualTo("file_too_large");
                });
    }

    @Test
    void aSmallerConfiguredByteLimitIsNamedInTheMessage() {
        var limits = new ReferenceLimits(1024, LIMITS.maxPixels(), LIMITS.maxSide());
        assertThatThrownBy(() -> ReferenceImages.validate(TestImages.png(64, 36), SMALL.width(), SMALL.height(), limits))
                .isInstanceOf(ApiException.class)
                .hasMessage("input_reference is larger than the 1 KiB limit");
    }

    // ---- helpers ----

    static void assertInvalidFormat(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertApiError(call, 400, "Invalid file format", "invalid_file_format");
    }

    static void assertMismatch(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertApiError(call, 400, "Inpaint image must match the requested width and height", "invalid_value");
    }

    static AbstractThrowableAssert<?, ?> assertApiError(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status, String message, String code) {
        return assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.getMessage()).isEqualTo(message);
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.type()).isEqualTo("invalid_request_error");
            assertThat(e.param()).isEqualTo("input_reference");
            assertThat(e.code()).isEqualTo(code);
        });
    }

    /** Rewrites the dimensions in a JPEG's SOFn segment. */
    private static byte[] withJpegFrameSize(byte[] jpeg, int width, int height) {
        byte[] copy = jpeg.clone();
        int pos = 2;
        while (pos + 4 < copy.length) {
            if ((copy[pos] & 0xFF) != 0xFF) throw new IllegalStateException("lost marker sync");
            int marker = copy[pos + 1] & 0xFF;
            int length = ((copy[pos + 2] & 0xFF) << 8) | (copy[pos + 3] & 0xFF);
            if (marker >= 0xC0 && marker <= 0xC3) {
                copy[pos + 5] = (byte) (height >> 8);
                copy[pos + 6] = (byte) height;
                copy[pos + 7] = (byte) (width >> 8);
                copy[pos + 8] = (byte) width;
                return copy;
            }
            pos += 2 + length;
        }
        throw new IllegalStateException("no SOF marker");
    }
}
