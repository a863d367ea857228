package dev.vidgate.engine.builtin.encode;

import dev.vidgate.engine.builtin.frame.YuvPlanes;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Encodes one segment of a clip (a run of frames starting on a key frame) to H.264 for the
 * {@link Mp4Muxer}, parking the packets in a {@link PacketSpool}. The contract every encoder keeps (and
 * {@code VideoEncoderContract} checks):
 * <ul>
 *   <li>Frames arrive as YUV 4:2:0 planes laid out as {@link YuvPlanes} says, at the size it was opened with.</li>
 *   <li>One packet per frame, in order, timestamped in frames from the segment's first frame index; the
 *       first is an IDR frame, and so is every frame {@code encode} is asked to make a key frame and
 *       every {@link H264Encoder#GOP}-th frame after the last key frame. Packets hold Annex B NAL units without SPS/PPS.</li>
 *   <li>{@link #finish} returns the track's parameters with SPS and PPS as extradata (Annex B), which the
 *       caller frees; segments of one clip, each from its own encoder, play back to back as one stream.</li>
 *   <li>The same frames give the same bytes (one thread, no timing-dependent decisions).</li>
 *   <li>Failures are {@link FrameRecorder.Exception} (permanent); trouble writing the spool is an
 *       {@link java.io.UncheckedIOException}.</li>
 * </ul>
 */
public interface VideoEncoder extends AutoCloseable {
    void encode(byte[] yuv420p, boolean keyFrame) throws FrameRecorder.Exception;

    AVCodecParameters finish() throws FrameRecorder.Exception;

    @Override
    void close();

    /** Opens encoders of one kind. */
    interface Factory {
        /**
         * @param firstFrame the clip index of the first frame this encoder gets (its timestamp)
         * @param scene      the frames are a procedural scene rather than a picture (see {@link H264Encoder#SCENE_FINEST_QUANTISER})
         */
        VideoEncoder open(int width, int height, long firstFrame, boolean scene, PacketSpool spool) throws FrameRecorder.Exception;

        /** Which H.264 encoder this is, for logs and the benchmark. */
        String description();
    }
}
