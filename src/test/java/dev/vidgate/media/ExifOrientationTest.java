package dev.vidgate.media;

import dev.vidgate.testsupport.media.ReferencePictures;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ExifOrientationTest {
    private static final BufferedImage PICTURE = TestImages.image(160, 90, 2);

    @Test
    void readsTheOrientationOfAJpegStoredSideways() {
        assertThat(ExifOrientation.of(ReferencePictures.sidewaysJpeg(PICTURE, 6))).isEqualTo(6);
        assertThat(ExifOrientation.of(ReferencePictures.sidewaysJpeg(PICTURE, 8))).isEqualTo(8);
        assertThat(ExifOrientation.of(TestImages.jpeg(160, 90))).isEqualTo(ExifOrientation.NORMAL);
        assertThat(ExifOrientation.of(TestImages.png(160, 90))).isEqualTo(ExifOrientation.NORMAL);
    }

    @Test
    void readsThePngExifChunk() {
        byte[] png = TestImages.png(160, 90);
        byte[] tiff = {'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0};
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(png, 0, 33); // signature and IHDR
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(tiff.length).array());
        out.writeBytes("eXIf".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.writeBytes(tiff);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update("eXIf".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        crc.update(tiff);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        out.write(png, 33, png.length - 33);
        assertThat(ExifOrientation.of(out.toByteArray())).isEqualTo(8);
    }

    @Test
    void damagedMetadataMeansAsStored() {
        byte[] jpeg = ReferencePictures.sidewaysJpeg(PICTURE, 6);
        byte[] broken = jpeg.clone();
        broken[14] = 'X'; // spoil the TIFF byte-order mark inside the EXIF segment
        assertThat(ExifOrientation.of(broken)).isEqualTo(ExifOrientation.NORMAL);
        assertThat(ExifOrientation.of(Arrays.copyOf(jpeg, 12))).isEqualTo(ExifOrientation.NORMAL);
        assertThat(ExifOrientation.of(new byte[0])).isEqualTo(ExifOrientation.NORMAL);
    }

    @Test
    void turnsEachOrientationUpright() {
        for (int orientation : new int[] {6, 8}) {
            BufferedImage stored = decode(ReferencePictures.sidewaysJpeg(PICTURE, orientation));
            assertThat(stored.getWidth()).isEqualTo(90);
            BufferedImage upright = ExifOrientation.upright(stored, orientation);
            assertThat(upright.getWidth()).isEqualTo(160);
            assertThat(dev.vidgate.testsupport.media.Mp4Probe.meanAbsDifference(PICTURE, upright)).isLessThan(4);
        }
        BufferedImage flipped = ExifOrientation.upright(PICTURE, 2);
        assertThat(flipped.getRGB(0, 0)).isEqualTo(PICTURE.getRGB(159, 0));
        BufferedImage turned = ExifOrientation.upright(PICTURE, 3);
        assertThat(turned.getRGB(0, 0)).isEqualTo(PICTURE.getRGB(159, 89));
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
