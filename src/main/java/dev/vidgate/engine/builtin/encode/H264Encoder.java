package dev.vidgate.engine.builtin.encode;

import dev.vidgate.engine.builtin.frame.ClipFormat;
import dev.vidgate.engine.builtin.frame.FinishPass;
import dev.vidgate.engine.builtin.frame.YuvPlanes;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FrameRecorder;

import java.util.Map;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PROFILE_H264_CONSTRAINED_BASELINE;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_I;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;

/**
 * Encodes one run of frames ("segment") to H.264 with OpenH264 (constrained baseline, yuv420p, BT.601
 * matrix tagged as such), parking the packets in a {@link PacketSpool}. Each segment starts with an IDR
 * frame and has key frames every {@link #GOP} frames, so segments encoded side by side by separate
 * encoders play back to back as one stream; each encoder runs on a single thread, because OpenH264's
 * own threading balances slices by measured time and would make the bytes differ from run to run.
 */
public final class H264Encoder extends SpoolingEncoder implements VideoEncoder {
    /** Opens FFmpeg's OpenH264 encoder, the one bundled with the FFmpeg build (always there). */
    static final VideoEncoder.Factory BUNDLED = new VideoEncoder.Factory() {
        @Override
        public VideoEncoder open(int width, int height, long firstFrame, boolean scene, PacketSpool spool) throws FrameRecorder.Exception {
            return new H264Encoder(width, height, firstFrame, scene, spool);
        }

        @Override
        public String description() {
            return "OpenH264 bundled with FFmpeg";
        }
    };

    /** Frames between key frames (two seconds); segments start on multiples of it. */
    public static final int GOP = 2 * ClipFormat.FPS;
    /** Bits per pixel per frame; ~5.3 Mbit/s at 1280x720, enough for frame 0 to match its source closely. */
    private static final double BITS_PER_PIXEL = 0.24;
    private static final int MIN_BITRATE = 1_000_000;
    /**
     * The finest quantiser used for a procedural scene. Without a floor, OpenH264's rate control spends
     * the whole bitrate on any busy frame, down to quantisers that copy the fine grain of a noise texture
     * exactly (the sea took 5.2 Mbit/s at 720p), and encoding time grows with the bits. At 26 a scene
     * looks the same, needs an eighth of the bits and encodes about a third faster. A user's picture keeps
     * the whole bitrate, so that frame 0 matches it as closely as the bitrate allows.
     */
    static final int SCENE_FINEST_QUANTISER = 26;
    /**
     * How every encoder tags the video's colours (with limited range): the BT.601 matrix the frames are
     * converted with ({@link FinishPass}), BT.709 primaries and transfer.
     */
    static final int COLOUR_MATRIX = AVCOL_SPC_SMPTE170M;
    static final int COLOUR_PRIMARIES = AVCOL_PRI_BT709;
    static final int COLOUR_TRANSFER = AVCOL_TRC_BT709;

    private final YuvPlanes planes;
    private long pts;

    /**
     * @param firstFrame the clip index of the first frame this encoder gets (its timestamp)
     * @param scene      the frames are a procedural scene rather than a picture (see {@link #SCENE_FINEST_QUANTISER})
     */
    H264Encoder(int width, int height, long firstFrame, boolean scene, PacketSpool spool) throws FrameRecorder.Exception {
        this(open(width, height, scene), width, height, firstFrame, spool);
    }

    private H264Encoder(AVCodecContext context, int width, int height, long firstFrame, PacketSpool spool) throws FrameRecorder.Exception {
        super(context, av_frame_alloc(), spool);
        this.planes = new YuvPlanes(width, height);
        this.pts = firstFrame;
        frame.format(AV_PIX_FMT_YUV420P);
        frame.width(width);
        frame.height(height);
        // a reference-counted frame: FFmpeg takes a reference to it rather than copying every frame into
        // a freshly allocated buffer (3 MB per 1080p frame, and the page faults of touching it)
        if (av_frame_get_buffer(frame, 0) < 0) {
            close();
            throw new FrameRecorder.Exception("could not allocate a " + width + "x" + height + " frame");
        }
    }

    private static AVCodecContext open(int width, int height, boolean scene) throws FrameRecorder.Exception {
        AVCodecContext context = SpoolingEncoder.context("libopenh264");
        context.width(width);
        context.height(height);
        context.pix_fmt(AV_PIX_FMT_YUV420P);
        context.time_base(new AVRational().num(1).den(ClipFormat.FPS));
        context.framerate(new AVRational().num(ClipFormat.FPS).den(1));
        context.gop_size(GOP);
        context.bit_rate(bitrate(width, height));
        if (scene) context.qmin(SCENE_FINEST_QUANTISER);
        context.profile(AV_PROFILE_H264_CONSTRAINED_BASELINE);
        context.thread_count(1);
        context.colorspace(COLOUR_MATRIX);
        context.color_primaries(COLOUR_PRIMARIES);
        context.color_trc(COLOUR_TRANSFER);
        context.color_range(AVCOL_RANGE_MPEG);
        context.flags(context.flags() | AV_CODEC_FLAG_GLOBAL_HEADER); // SPS and PPS go into the MP4 header
        SpoolingEncoder.open(context, Map.of("allow_skip_frames", "0"));
        return context;
    }

    public static int bitrate(int width, int height) {
        return (int) Math.max(MIN_BITRATE, Math.min(50_000_000, BITS_PER_PIXEL * width * height * ClipFormat.FPS));
    }

    /**
     * Encodes the next frame from its YUV 4:2:0 planes (laid out as {@link YuvPlanes} says); {@code keyFrame}
     * forces a key frame there. OpenH264 (as FFmpeg configures it) skips blocks that change very little
     * from frame to frame, so a slow, even change such as a look fading in can leave stale patches; a
     * key frame when the change settles repaints everything.
     */
    @Override
    public void encode(byte[] yuv420p, boolean keyFrame) throws FrameRecorder.Exception {
        // the encoder has let go of the previous frame by now, so this does not copy; it would if it had not
        if (av_frame_make_writable(frame) < 0) throw new FrameRecorder.Exception("could not make the frame writable");
        putPlane(frame.data(0), frame.linesize(0), yuv420p, 0, planes.width(), planes.height());
        putPlane(frame.data(1), frame.linesize(1), yuv420p, planes.u(), planes.chromaWidth(), planes.chromaHeight());
        putPlane(frame.data(2), frame.linesize(2), yuv420p, planes.v(), planes.chromaWidth(), planes.chromaHeight());
        frame.pict_type(keyFrame ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE);
        frame.pts(pts++);
        send();
    }

    /** Copies a tightly packed plane into a frame plane whose rows are {@code stride} bytes apart. */
    private static void putPlane(BytePointer plane, int stride, byte[] source, int offset, int width, int rows) {
        if (stride == width) {
            plane.put(source, offset, width * rows);
            return;
        }
        for (int y = 0; y < rows; y++) plane.position((long) y * stride).put(source, offset + y * width, width);
    }
}
