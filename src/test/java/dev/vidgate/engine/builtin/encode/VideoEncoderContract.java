package dev.vidgate.engine.builtin.encode;

import dev.vidgate.engine.builtin.frame.ClipFormat;
import dev.vidgate.testsupport.media.Mp4Probe;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_free;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_BT709;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@link VideoEncoder} contract; every encoder's test extends this. */
abstract class VideoEncoderContract {
    private static final int WIDTH = 320;
    private static final int HEIGHT = 180;

    @TempDir
    Path dir;

    /** The encoders under test. */
    abstract VideoEncoder.Factory encoders();

    @Test
    void everyFrameBecomesOnePacketInOrderTimedFromTheSegmentsFirstFrame() throws Exception {
        List<PacketSpool.Packet> packets = encode(TestFrames.of(WIDTH, HEIGHT), 48, 30, List.of(), true, "a");

        assertEquals(30, packets.size());
        for (int i = 0; i < packets.size(); i++) {
            assertEquals(48 + i, packets.get(i).pts(), "pts of packet " + i);
            assertEquals(48 + i, packets.get(i).dts(), "dts of packet " + i);
            assertTrue(packets.get(i).data().length > 0, "packet " + i + " is empty");
        }
    }

    @Test
    void keyFramesComeFirstThenEveryGopAfterTheLastOne() throws Exception {
        List<PacketSpool.Packet> packets = encode(TestFrames.of(WIDTH, HEIGHT), 0, 2 * H264Encoder.GOP + 1, List.of(), true, "a");

        assertEquals(List.of(0, H264Encoder.GOP, 2 * H264Encoder.GOP), keyFrames(packets));
    }

    @Test
    void aKeyFrameAskedForStartsTheNextGop() throws Exception {
        List<PacketSpool.Packet> packets = encode(TestFrames.of(WIDTH, HEIGHT), 0, H264Encoder.GOP + 30, List.of(20), true, "a");

        assertEquals(List.of(0, 20, 20 + H264Encoder.GOP), keyFrames(packets));
    }

    private static List<Integer> keyFrames(List<PacketSpool.Packet> packets) {
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < packets.size(); i++) if (packets.get(i).key()) keys.add(i);
        return keys;
    }

    @Test
    void theSameFramesGiveTheSameBytes() throws Exception {
        TestFrames frames = TestFrames.of(WIDTH, HEIGHT).noise(6);
        List<PacketSpool.Packet> first = encode(frames, 0, 12, List.of(), true, "a");
        List<PacketSpool.Packet> second = encode(frames, 0, 12, List.of(), true, "b");

        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) assertArrayEquals(first.get(i).data(), second.get(i).data(), "packet " + i);
    }

    @Test
    void theTrackParametersCarryTheSizeTheColourTagsAndTheParameterSets() throws Exception {
        AVCodecParameters parameters = encodeSegment(TestFrames.of(WIDTH, HEIGHT), 0, 2, true, dir.resolve("p.spool"));
        try {
            assertEquals(AV_CODEC_ID_H264, parameters.codec_id());
            assertEquals(WIDTH, parameters.width());
            assertEquals(HEIGHT, parameters.height());
            assertEquals(AVCOL_SPC_SMPTE170M, parameters.color_space());
            assertEquals(AVCOL_PRI_BT709, parameters.color_primaries());
            assertEquals(AVCOL_TRC_BT709, parameters.color_trc());
            assertEquals(AVCOL_RANGE_MPEG, parameters.color_range());
            byte[] extradata = new byte[parameters.extradata_size()];
            parameters.extradata().get(extradata);
            assertEquals(List.of(7, 8), nalTypes(extradata), "SPS then PPS, Annex B");
        } finally {
            avcodec_parameters_free(parameters);
        }
    }

    @Test
    void twoSegmentsFromTwoEncodersPlayAsOneClipThatDecodesToTheFramesGiven() throws Exception {
        TestFrames frames = TestFrames.of(WIDTH, HEIGHT);
        int total = 2 * H264Encoder.GOP;
        Path first = dir.resolve("segment-0.spool");
        Path second = dir.resolve("segment-1.spool");
        AVCodecParameters video = encodeSegment(frames, 0, H264Encoder.GOP, false, first);
        avcodec_parameters_free(encodeSegment(frames, H264Encoder.GOP, H264Encoder.GOP, false, second));
        Path audioSpool = dir.resolve("audio.spool");
        AVCodecParameters audio = silence(total, audioSpool);
        Path mp4 = dir.resolve("clip.mp4");
        try {
            Mp4Muxer.write(mp4, video, List.of(first, second), audio, audioSpool);
        } finally {
            avcodec_parameters_free(video);
            avcodec_parameters_free(audio);
        }

        Mp4Probe probe = Mp4Probe.of(mp4);
        assertEquals("h264", probe.videoCodec());
        assertEquals(total, probe.frameCount());
        for (int index : new int[] {0, H264Encoder.GOP - 1, H264Encoder.GOP, total - 1}) {
            double error = meanLumaError(frames, frames.frame(index), probe.frame(index));
            assertTrue(error < 2.5, "frame " + index + " is " + error + " luma levels off on average");
        }
    }

    @Test
    void aProceduralSceneIsCodedMoreCoarselyThanAPicture() throws Exception {
        // faint grain: a picture keeps it (quantisers finer than the scene floor), a scene lets it go
        TestFrames grainy = TestFrames.of(WIDTH, HEIGHT).noise(4);
        long scene = bytes(encode(grainy, 0, 6, List.of(), true, "scene"));
        long picture = bytes(encode(grainy, 0, 6, List.of(), false, "picture"));

        assertTrue(scene * 3 < picture, "scene " + scene + " bytes, picture " + picture);
    }

    private List<PacketSpool.Packet> encode(TestFrames frames, int first, int count, List<Integer> forcedKeys, boolean scene, String name)
            throws Exception {
        Path spool = dir.resolve(name + ".spool");
        avcodec_parameters_free(encodeSegment(frames, first, count, scene, spool, forcedKeys));
        List<PacketSpool.Packet> packets = new ArrayList<>();
        try (PacketSpool.Reader reader = new PacketSpool.Reader(spool)) {
            for (PacketSpool.Packet p = reader.next(); p != null; p = reader.next()) packets.add(p);
        }
        return packets;
    }

    private AVCodecParameters encodeSegment(TestFrames frames, int first, int count, boolean scene, Path spoolFile) throws Exception {
        return encodeSegment(frames, first, count, scene, spoolFile, List.of());
    }

    private AVCodecParameters encodeSegment(TestFrames frames, int first, int count, boolean scene, Path spoolFile, List<Integer> forcedKeys)
            throws Exception {
        try (PacketSpool spool = new PacketSpool(spoolFile);
             VideoEncoder encoder = encoders().open(WIDTH, HEIGHT, first, scene, spool)) {
            for (int i = 0; i < count; i++) encoder.encode(frames.frame(first + i), forcedKeys.contains(i));
            return encoder.finish();
        }
    }

    private static AVCodecParameters silence(int videoFrames, Path spoolFile) throws Exception {
        float[] samples = new float[ClipFormat.SAMPLES_PER_FRAME * ClipFormat.AUDIO_CHANNELS];
        try (PacketSpool spool = new PacketSpool(spoolFile); AacEncoder aac = new AacEncoder(spool)) {
            for (int i = 0; i < videoFrames; i++) aac.encode(samples, ClipFormat.SAMPLES_PER_FRAME);
            return aac.finish();
        }
    }

    private static double meanLumaError(TestFrames frames, byte[] given, BufferedImage decoded) {
        long sum = 0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int rgb = decoded.getRGB(x, y);
                int luma = ((66 * ((rgb >> 16) & 0xFF) + 129 * ((rgb >> 8) & 0xFF) + 25 * (rgb & 0xFF) + 128) >> 8) + 16;
                sum += Math.abs(luma - frames.luma(given, x, y));
            }
        }
        return sum / (double) (WIDTH * HEIGHT);
    }

    private static long bytes(List<PacketSpool.Packet> packets) {
        return packets.stream().mapToLong(p -> p.data().length).sum();
    }

    /** The NAL unit types of an Annex B stream, in order. */
    private static List<Integer> nalTypes(byte[] annexB) {
        List<Integer> types = new ArrayList<>();
        for (int i = 0; i + 3 < annexB.length; i++) {
            if (annexB[i] == 0 && annexB[i + 1] == 0 && annexB[i + 2] == 1) {
                types.add(annexB[i + 3] & 0x1F);
                i += 3;
            }
        }
        return types;
    }
}
