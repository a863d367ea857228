package dev.vidgate.api;

import dev.vidgate.testsupport.ApiCalls;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.RawHttp.Multipart;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.media.Mp4Probe;
import dev.vidgate.testsupport.media.ReferencePictures;
import dev.vidgate.testsupport.media.TestImages;
import dev.vidgate.testsupport.media.WebpFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.file.Path;
import java.util.Arrays;

import static dev.vidgate.testsupport.ApiAssertions.assertError;
import static dev.vidgate.testsupport.ApiCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reference images as real uploads come, over real HTTP against a running server with the built-in
 * renderer: CMYK JPEGs, photos stored sideways with an EXIF orientation, alpha, greyscale and 16-bit
 * PNGs are accepted and render in their true colours and orientation; unreadable ones get the seed's
 * {@code Invalid file format}.
 */
class ReferenceUploadsTest {
    private static final BufferedImage PICTURE = TestImages.image(1280, 720, 3);

    @TempDir
    static Path dataDir;
    static TestServer server;
    static RawHttp http;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        http = new RawHttp(server.baseUrl(), TestServer.API_KEY);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> upload(byte[] image, String size) {
        return upload(http, "sora-2", image, size);
    }

    static HttpResponse<String> upload(RawHttp http, String model, byte[] image, String size) {
        return http.postMultipart("/v1/videos", new Multipart().text("model", model).text("prompt", "static shot")
                .text("size", size).file("input_reference", "reference", "application/octet-stream", image));
    }

    /** Waits for the video and returns its first decoded frame. */
    private static BufferedImage firstFrameOf(HttpResponse<String> created) throws InterruptedException {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String id = json(created).get("id").asString();
        ApiCalls.awaitCompleted(http, id);
        return Mp4Probe.of(http.getBytes("/v1/videos/" + id + "/content").body()).frame(0);
    }

    @Test
    void anAdobeCmykJpegIsAcceptedAndRendersInItsTrueColours() throws InterruptedException {
        BufferedImage frame = firstFrameOf(upload(ReferencePictures.adobeJpeg(PICTURE, false), "1280x720"));
        assertThat(Mp4Probe.meanAbsDifference(PICTURE, frame)).isLessThan(6);
    }

    @Test
    void aPhotoStoredSidewaysIsTheUprightPictureItsExifDescribes() throws InterruptedException {
        byte[] sideways = ReferencePictures.sidewaysJpeg(PICTURE, 6); // 720x1280 pixels, shown as 1280x720
        assertError(upload(sideways, "720x1280"), 400, "Inpaint image must match the requested width and height",
                "input_reference", "invalid_value");
        BufferedImage frame = firstFrameOf(upload(sideways, "1280x720"));
        assertThat(Mp4Probe.meanAbsDifference(PICTURE, frame)).isLessThan(6);
    }

    @Test
    void alphaGreyscaleAndSixteenBitPngsAreAccepted() {
        assertThat(upload(ReferencePictures.pngWithAlpha(PICTURE), "1280x720").statusCode()).isEqualTo(200);
        assertThat(upload(ReferencePictures.greyPng(PICTURE), "1280x720").statusCode()).isEqualTo(200);
        assertThat(upload(ReferencePictures.png16(PICTURE), "1280x720").statusCode()).isEqualTo(200);
        assertThat(upload(ReferencePictures.adobeJpeg(PICTURE, true), "1280x720").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 720", "1920, 1080"})
    void theFortyEightByteWebpOfIssue18IsRefusedWithinTheBound(int width, int height) {
        long start = System.nanoTime();
        // sora-2-pro: the model that has 1920x1080
        HttpResponse<String> answer = upload(http, "sora-2-pro", WebpFiles.canvasWithGarbage(width, height), width + "x" + height);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("48-byte WebP bomb at %dx%d answered %d after %d ms%n", width, height, answer.statusCode(), took.toMillis());
        assertError(answer, 400, "Invalid file format", "input_reference", "invalid_file_format");
        assertThat(took).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aCmykJpegCutShortIsAnInvalidFileFormat() {
        byte[] jpeg = ReferencePictures.adobeJpeg(PICTURE, false);
        assertError(upload(Arrays.copyOf(jpeg, jpeg.length / 2), "1280x720"), 400, "Invalid file format", "input_reference",
                "invalid_file_format");
    }
}
