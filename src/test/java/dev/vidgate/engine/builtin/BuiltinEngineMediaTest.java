package dev.vidgate.engine.builtin;

import dev.vidgate.engine.EngineOutput;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.testsupport.Waits;
import dev.vidgate.testsupport.media.Mp4Probe;
import dev.vidgate.testsupport.media.TestImages;
import dev.vidgate.video.Variant;
import dev.vidgate.catalog.VideoSize;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the built-in engine writes: checked by decoding the files like a player would. */
class BuiltinEngineMediaTest {
    private static final double ONE_FRAME = 1.0 / 24;

    @TempDir
    static Path workDir;

    private static BuiltinEngine engine;
    private static Rendered textToVideo;
    private static Rendered landscape;
    private static Rendered portrait;

    private record Rendered(GenerationRequest request, EngineOutput output, Path mp4, Mp4Probe probe) {}

    @BeforeAll
    static void render() {
        engine = new BuiltinEngine(workDir, 2);
        textToVideo = render(new GenerationRequest("video_t2v", "sora-2", new VideoSize(1280, 720), 4,
                "A calico cat naps on a sunny windowsill while snow falls outside", null));
        landscape = render(new GenerationRequest("video_i2v_landscape", "sora-2", new VideoSize(1280, 720), 4,
                "The camera slowly moves closer", TestImages.png(1280, 720)));
        portrait = render(new GenerationRequest("video_i2v_portrait", "sora-2", new VideoSize(720, 1280), 4,
                "The camera slowly moves closer", TestImages.png(720, 1280)));
    }

    private static Rendered render(GenerationRequest request) {
        String handle = engine.start(request);
        EngineOutput output = Waits.engineDone(engine, request, handle).output();
        Path mp4 = workDir.resolve(request.jobId()).resolve(Variant.VIDEO.fileName());
        return new Rendered(request, output, mp4, Mp4Probe.of(mp4));
    }

    @AfterAll
    static void close() {
        if (engine != null) engine.close();
    }

    @Test
    void rendersTextToVideoAsH264AacMp4OfExactSizeAndDuration() {
        assertPlayableMp4(textToVideo);
    }

    @Test
    void rendersLandscapeImageToVideoAsH264AacMp4OfExactSizeAndDuration() {
        assertPlayableMp4(landscape);
    }

    @Test
    void rendersPortraitImageToVideoAsH264AacMp4OfExactSizeAndDuration() {
        assertPlayableMp4(portrait);
    }

    private static void assertPlayableMp4(Rendered r) {
        Mp4Probe mp4 = r.probe();
        assertTrue(mp4.format().contains("mp4"), mp4.format());
        assertEquals("h264", mp4.videoCodec());
        assertEquals("yuv420p", mp4.pixelFormat());
        assertEquals(r.request().size().width(), mp4.width());
        assertEquals(r.request().size().height(), mp4.height());
        assertEquals(24.0, mp4.frameRate(), 1e-9);
        assertEquals(r.request().seconds() * 24, mp4.frameCount());
        assertEquals(r.request().seconds(), mp4.durationSeconds(), ONE_FRAME);
        assertEquals(r.request().seconds(), mp4.videoDurationSeconds(), ONE_FRAME);
        assertTrue(mp4.hasAudio());
        assertEquals("aac", mp4.audioCodec());
        assertEquals(48_000, mp4.sampleRate());
        assertTrue(mp4.isFastStart(), "moov must precede mdat: " + mp4.topLevelBoxes());
    }

    @Test
    void startsImageToVideoOnTheReferenceImageInLandscape() {
        assertFirstFrameIsTheReference(landscape, TestImages.image(1280, 720));
    }

    @Test
    void startsImageToVideoOnTheReferenceImageInPortrait() {
        assertFirstFrameIsTheReference(portrait, TestImages.image(720, 1280));
    }

    private static void assertFirstFrameIsTheReference(Rendered r, BufferedImage reference) {
        double difference = Mp4Probe.meanAbsDifference(reference, r.probe().frame(0));
        assertTrue(difference < 6, "frame 0 differs from the reference by " + difference);
    }

    @Test
    void startsOnJpegAndWebpReferencesToo() throws IOException {
        BufferedImage picture = TestImages.image(640, 360, 7);
        var references = new java.util.LinkedHashMap<String, byte[]>();
        references.put("jpeg", TestImages.jpeg(picture, 0.9f));
        if (TestImages.canWriteWebp()) {
            references.put("webp_lossy", TestImages.webp(picture, false));
            references.put("webp_lossless", TestImages.webp(picture, true));
        }
        for (var entry : references.entrySet()) {
            GenerationRequest request = new GenerationRequest("video_ref_" + entry.getKey(), "sora-2", new VideoSize(640, 360), 1,
                    "a still life", entry.getValue());
            Rendered r = render(request);
            BufferedImage decodedReference = ImageIO.read(new ByteArrayInputStream(entry.getValue()));
            assertEquals(24, r.probe().frameCount());
            assertFirstFrameIsTheReference(r, decodedReference);
        }
    }

    @Test
    void pushesInSlowlyAfterTheFirstFrame() {
        BufferedImage first = landscape.probe().frame(0);
        BufferedImage second = landscape.probe().frame(1);
        BufferedImage last = landscape.probe().frame(landscape.probe().frameCount() - 1);
        double step = Mp4Probe.meanAbsDifference(first, second);
        double overall = Mp4Probe.meanAbsDifference(first, last);
        assertTrue(step < 6, "a single frame step should be gentle, was " + step);
        assertTrue(overall > step && overall > 2, "the picture should change over the clip, was " + overall);
    }

    @Test
    void animatesTheTextToVideoScene() {
        Mp4Probe mp4 = textToVideo.probe();
        double step = Mp4Probe.meanAbsDifference(mp4.frame(47), mp4.frame(48));
        double overall = Mp4Probe.meanAbsDifference(mp4.frame(0), mp4.frame(mp4.frameCount() - 1));
        assertTrue(overall > 2, "the scene should move, changed by " + overall);
        assertTrue(step < overall, "motion should be gradual: step " + step + ", overall " + overall);
        assertEquals(mp4.frameCount(), mp4.frameHashes().stream().distinct().count(), "every frame should differ");
    }

    @Test
    void laysAnAmbientAudioBedThatIsNeitherSilentNorClipped() {
        for (Rendered r : new Rendered[] {textToVideo, landscape}) {
            Mp4Probe mp4 = r.probe();
            assertTrue(mp4.audioRms() > 0.005, "too quiet: rms " + mp4.audioRms());
            assertTrue(mp4.audioPeak() < 0.5, "too loud: peak " + mp4.audioPeak());
            assertEquals(r.request().seconds() * 48_000.0, mp4.audioSamples(), 1024 * 2, "audio length");
        }
    }

    @Test
    void writesAWebpThumbnailThatImageIoDecodes() throws IOException {
        for (Rendered r : new Rendered[] {textToVideo, portrait}) {
            byte[] webp = read(r.output(), Variant.THUMBNAIL);
            assertEquals("RIFF", new String(webp, 0, 4, StandardCharsets.US_ASCII));
            assertEquals("WEBP", new String(webp, 8, 4, StandardCharsets.US_ASCII));
            BufferedImage image = decode(webp, "webp");
            VideoSize size = r.request().size();
            assertEquals(Math.max(image.getWidth(), image.getHeight()), 640);
            assertEquals(size.width() / (double) size.height(), image.getWidth() / (double) image.getHeight(), 0.01);
        }
    }

    @Test
    void writesAJpegSpritesheetOfFiveByFiveFrames() throws IOException {
        byte[] jpeg = read(textToVideo.output(), Variant.SPRITESHEET);
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, Arrays.copyOf(jpeg, 3));
        BufferedImage sheet = decode(jpeg, "jpeg");
        assertEquals(5 * 160, sheet.getWidth());
        assertEquals(5 * 90, sheet.getHeight());
    }

    @Test
    void opensEachVariantFromTheFinishedOutput() throws IOException {
        assertArrayEquals(Files.readAllBytes(textToVideo.mp4()), read(textToVideo.output(), Variant.VIDEO));
        for (Variant variant : Variant.values()) {
            Path file = workDir.resolve(textToVideo.request().jobId()).resolve(variant.fileName());
            assertTrue(Files.size(file) > 0, variant + " is empty");
        }
        try (var files = Files.list(workDir.resolve(textToVideo.request().jobId()))) {
            assertEquals(3, files.count(), "only the three renditions remain (no .part files)");
        }
    }

    private static byte[] read(EngineOutput output, Variant variant) throws IOException {
        try (InputStream in = output.open(variant)) {
            return in.readAllBytes();
        }
    }

    private static BufferedImage decode(byte[] bytes, String expectedFormat) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = ImageIO.getImageReaders(in);
            assertTrue(readers.hasNext(), "no ImageIO reader for the " + expectedFormat + " bytes");
            ImageReader reader = readers.next();
            try {
                assertTrue(reader.getFormatName().equalsIgnoreCase(expectedFormat), reader.getFormatName());
                reader.setInput(in);
                BufferedImage image = reader.read(0);
                assertNotNull(image);
                return image;
            } finally {
                reader.dispose();
            }
        }
    }
}
