package dev.vidgate.engine.builtin;

import dev.vidgate.common.ApiException;
import dev.vidgate.testsupport.media.ReferencePictures;
import dev.vidgate.testsupport.media.TestImages;
import dev.vidgate.testsupport.media.WebpFiles;
import dev.vidgate.catalog.VideoSize;
import dev.vidgate.video.reference.ReferenceImages;
import dev.vidgate.video.reference.ReferenceLimits;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Whatever the API accepts as a reference, the worker decodes, to the size the API saw: every test picture
 * (all the encodings ReferencePictures and TestImages make, hand-built WebP files, damaged copies) goes
 * through the API's check and, when accepted, through the renderer's decoder.
 */
class ReferenceAgreementTest {
    /** Every sample shows this size upright (the sideways photos are stored 180x320). */
    private static final VideoSize SIZE = new VideoSize(320, 180);
    private static final BufferedImage PICTURE = TestImages.image(320, 180, 5);

    private static Map<String, byte[]> samples() {
        Map<String, byte[]> samples = new LinkedHashMap<>();
        samples.put("png", TestImages.png(PICTURE));
        samples.put("jpeg", TestImages.jpeg(PICTURE, 0.9f));
        samples.put("png with alpha", ReferencePictures.pngWithAlpha(PICTURE));
        samples.put("grey png", ReferencePictures.greyPng(PICTURE));
        samples.put("16-bit png", ReferencePictures.png16(PICTURE));
        samples.put("cmyk jpeg", ReferencePictures.adobeJpeg(PICTURE, false));
        samples.put("ycck jpeg", ReferencePictures.adobeJpeg(PICTURE, true));
        samples.put("jpeg stored sideways (6)", ReferencePictures.sidewaysJpeg(PICTURE, 6));
        samples.put("jpeg stored sideways (8)", ReferencePictures.sidewaysJpeg(PICTURE, 8));
        samples.put("textured png", TestImages.png(ReferencePictures.textured(320, 180, 3)));
        if (TestImages.canWriteWebp()) {
            samples.put("lossless webp", TestImages.webp(PICTURE, true));
            samples.put("lossy webp", TestImages.webp(PICTURE, false));
        }
        samples.put("lossless webp, pixels in no bits", WebpFiles.losslessWebp(320, 180));
        samples.put("lossless webp, pixels in no bits, 1x1", WebpFiles.losslessWebp(1, 1));
        samples.put("webp canvas with garbage (issue 18)", WebpFiles.canvasWithGarbage(320, 180));
        Map<String, byte[]> damaged = new LinkedHashMap<>();
        samples.forEach((name, bytes) -> {
            damaged.put(name + ", cut in half", Arrays.copyOf(bytes, bytes.length / 2));
            damaged.put(name + ", last 4 bytes cut", Arrays.copyOf(bytes, bytes.length - 4));
            byte[] flipped = bytes.clone();
            flipped[flipped.length * 3 / 4] ^= 0x55;
            damaged.put(name + ", one byte flipped", flipped);
        });
        samples.putAll(damaged);
        return samples;
    }

    @Test
    void everyReferenceTheApiAcceptsIsDecodedByTheWorkerToTheSameSize() {
        int accepted = 0;
        for (var sample : samples().entrySet()) {
            dev.vidgate.video.reference.ReferenceImage checked;
            try {
                checked = ReferenceImages.validate(sample.getValue(), SIZE.width(), SIZE.height(), ReferenceLimits.DEFAULTS);
            } catch (ApiException refused) {
                continue; // the property is about what the API lets through
            }
            accepted++;
            BufferedImage decoded;
            try {
                decoded = ReferenceImage.picture(sample.getValue()); // before it is fitted to the frame
            } catch (BadInputException e) {
                fail("the API accepted '" + sample.getKey() + "' but the worker refuses it: " + e.getMessage());
                return;
            }
            assertThat(decoded.getWidth()).as(sample.getKey()).isEqualTo(checked.width());
            assertThat(decoded.getHeight()).as(sample.getKey()).isEqualTo(checked.height());
        }
        assertThat(accepted).as("pictures the API accepted").isGreaterThanOrEqualTo(12);
    }

}
