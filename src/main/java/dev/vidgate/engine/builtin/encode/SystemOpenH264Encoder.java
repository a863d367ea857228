package dev.vidgate.engine.builtin.encode;

import dev.vidgate.engine.builtin.frame.ClipFormat;
import dev.vidgate.engine.builtin.frame.YuvPlanes;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FrameRecorder;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PROFILE_H264_CONSTRAINED_BASELINE;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_free;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_mallocz;

/**
 * The {@link VideoEncoder} on the machine's own OpenH264 ({@link SystemOpenH264}), configured as FFmpeg
 * configures the bundled one for {@link H264Encoder} (the same rate control, quantiser floor, key frame
 * interval, profile, colour tags and single thread), so the two make the same kind of stream; the bytes
 * differ, as the libraries' versions do.
 */
final class SystemOpenH264Encoder implements VideoEncoder {
    // SEncParamExt (920 bytes in the library's 2.3 ABI) and SSpatialLayerConfig, byte offsets
    private static final int PARAMS_SIZE = 920;
    private static final int P_WIDTH = 4, P_HEIGHT = 8, P_TARGET_BITRATE = 12, P_RC_MODE = 16, P_FRAME_RATE = 20;
    private static final int P_TEMPORAL_LAYERS = 24, P_SPATIAL_LAYERS = 28, P_LAYER0 = 32;
    private static final int P_INTRA_PERIOD = 836, P_SPS_PPS_STRATEGY = 844, P_PREFIX_NAL = 848, P_ENTROPY_CODING = 856;
    private static final int P_FRAME_SKIP = 860, P_MAX_BITRATE = 864, P_MIN_QP = 872, P_LONG_TERM_REFERENCE = 880;
    private static final int P_LTR_MARK_PERIOD = 888, P_THREADS = 892, P_LOOP_FILTER_OFF = 896;
    private static final int P_DENOISE = 908, P_BACKGROUND_DETECTION = 909, P_ADAPTIVE_QUANT = 910;
    private static final int L_WIDTH = 0, L_HEIGHT = 4, L_FRAME_RATE = 8, L_BITRATE = 12, L_MAX_BITRATE = 16;
    private static final int L_SLICE_MODE = 32, L_SLICE_NUM = 36, L_SIGNAL_TYPE = 184, L_VIDEO_FORMAT = 185, L_FULL_RANGE = 186;
    private static final int L_COLOUR_DESCRIPTION = 187, L_PRIMARIES = 188, L_TRANSFER = 189, L_MATRIX = 190, L_ASPECT_RATIO = 191;
    // SSourcePicture (72 bytes), SFrameBSInfo (5144) and its SLayerBSInfo entries (40 each)
    private static final int PICTURE_SIZE = 72, S_FORMAT = 0, S_STRIDES = 4, S_PLANES = 24, S_WIDTH = 56, S_HEIGHT = 60, S_TIMESTAMP = 64;
    private static final int INFO_SIZE = 5144, I_LAYERS = 0, I_LAYER0 = 8, LAYER_SIZE = 40, I_FRAME_TYPE = 5128;
    private static final int B_NAL_COUNT = 16, B_NAL_LENGTHS = 24, B_BUFFER = 32;
    private static final int RC_QUALITY_MODE = 0, SM_SINGLE_SLICE = 0, CONSTANT_ID = 0, VIDEO_FORMAT_I420 = 23, VF_UNDEF = 5;
    private static final int FRAME_TYPE_IDR = 1, FRAME_TYPE_SKIP = 4;

    private final SystemOpenH264 library;
    private final YuvPlanes planes;
    private final PacketSpool spool;
    private final long encoder;
    private final BytePointer picture = new BytePointer(PICTURE_SIZE);
    private final BytePointer info = new BytePointer(INFO_SIZE);
    private final BytePointer yuv;
    private final byte[] extradata;
    private long pts;
    private boolean closed;

    /** Opens encoders on the machine's OpenH264. */
    static VideoEncoder.Factory factory(SystemOpenH264 library) {
        return new VideoEncoder.Factory() {
            @Override
            public VideoEncoder open(int width, int height, long firstFrame, boolean scene, PacketSpool spool) throws FrameRecorder.Exception {
                return new SystemOpenH264Encoder(library, width, height, firstFrame, scene, spool);
            }

            @Override
            public String description() {
                return "the machine's OpenH264 " + library.version() + " (" + SystemOpenH264.LIBRARY + ")";
            }
        };
    }

    private SystemOpenH264Encoder(SystemOpenH264 library, int width, int height, long firstFrame, boolean scene, PacketSpool spool)
            throws FrameRecorder.Exception {
        this.library = library;
        this.planes = new YuvPlanes(width, height);
        this.spool = spool;
        this.pts = firstFrame;
        this.yuv = new BytePointer(planes.size());
        this.encoder = library.newEncoder(); // last: nothing after it can fail before the try that frees it
        try {
            initialise(width, height, scene);
            extradata = parameterSets();
            describePicture(width, height);
        } catch (FrameRecorder.Exception | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void initialise(int width, int height, boolean scene) throws FrameRecorder.Exception {
        try (BytePointer quiet = new BytePointer(4); BytePointer p = new BytePointer(PARAMS_SIZE)) {
            quiet.putInt(0, 0); // WELS_LOG_QUIET: failures come back as return codes
            library.setOption(encoder, SystemOpenH264.ENCODER_OPTION_TRACE_LEVEL, quiet.address());
            p.fill(0);
            library.getDefaultParams(encoder, p.address());
            int bitrate = H264Encoder.bitrate(width, height);
            p.putInt(P_WIDTH, width).putInt(P_HEIGHT, height).putInt(P_TARGET_BITRATE, bitrate).putInt(P_MAX_BITRATE, bitrate);
            p.putInt(P_RC_MODE, RC_QUALITY_MODE).putFloat(P_FRAME_RATE, ClipFormat.FPS);
            if (scene) p.putInt(P_MIN_QP, H264Encoder.SCENE_FINEST_QUANTISER);
            p.putInt(P_TEMPORAL_LAYERS, 1).putInt(P_SPATIAL_LAYERS, 1);
            p.put(P_DENOISE, (byte) 0).put(P_BACKGROUND_DETECTION, (byte) 1).put(P_ADAPTIVE_QUANT, (byte) 1);
            p.put(P_FRAME_SKIP, (byte) 0).put(P_LONG_TERM_REFERENCE, (byte) 0).putInt(P_LTR_MARK_PERIOD, 30);
            p.putInt(P_INTRA_PERIOD, H264Encoder.GOP).putInt(P_SPS_PPS_STRATEGY, CONSTANT_ID).put(P_PREFIX_NAL, (byte) 0);
            p.putInt(P_LOOP_FILTER_OFF, 0).putInt(P_ENTROPY_CODING, 0).putShort(P_THREADS, (short) 1);
            int layer = P_LAYER0;
            p.putInt(layer + L_WIDTH, width).putInt(layer + L_HEIGHT, height).putFloat(layer + L_FRAME_RATE, ClipFormat.FPS);
            p.putInt(layer + L_BITRATE, bitrate).putInt(layer + L_MAX_BITRATE, bitrate);
            p.putInt(layer + L_SLICE_MODE, SM_SINGLE_SLICE).putInt(layer + L_SLICE_NUM, 1);
            // tagged as H264Encoder tags them, limited range
            p.put(layer + L_SIGNAL_TYPE, (byte) 1).put(layer + L_VIDEO_FORMAT, (byte) VF_UNDEF).put(layer + L_FULL_RANGE, (byte) 0);
            p.put(layer + L_COLOUR_DESCRIPTION, (byte) 1).put(layer + L_PRIMARIES, (byte) H264Encoder.COLOUR_PRIMARIES);
            p.put(layer + L_TRANSFER, (byte) H264Encoder.COLOUR_TRANSFER)
                    .put(layer + L_MATRIX, (byte) H264Encoder.COLOUR_MATRIX);
            p.put(layer + L_ASPECT_RATIO, (byte) 0);
            library.initializeExt(encoder, p.address());
        }
    }

    /** SPS and PPS, Annex B, for the track's extradata. */
    private byte[] parameterSets() throws FrameRecorder.Exception {
        info.fill(0);
        library.encodeParameterSets(encoder, info.address());
        int size = layerSize(0);
        byte[] out = new byte[size];
        layerBuffer(0, size).get(out);
        return out;
    }

    private void describePicture(int width, int height) {
        picture.fill(0);
        picture.putInt(S_FORMAT, VIDEO_FORMAT_I420);
        picture.putInt(S_STRIDES, width).putInt(S_STRIDES + 4, planes.chromaWidth()).putInt(S_STRIDES + 8, planes.chromaWidth());
        long base = yuv.address();
        picture.putLong(S_PLANES, base).putLong(S_PLANES + 8, base + planes.u()).putLong(S_PLANES + 16, base + planes.v());
        picture.putInt(S_WIDTH, width).putInt(S_HEIGHT, height);
    }

    @Override
    public void encode(byte[] yuv420p, boolean keyFrame) throws FrameRecorder.Exception {
        yuv.position(0).put(yuv420p, 0, planes.size());
        picture.putLong(S_TIMESTAMP, pts * 1000 / ClipFormat.FPS);
        if (keyFrame) library.forceIntraFrame(encoder);
        library.encodeFrame(encoder, picture.address(), info.address());
        int frameType = info.getInt(I_FRAME_TYPE);
        long frameIndex = pts++;
        if (frameType == FRAME_TYPE_SKIP) return; // frame skipping is off; kept for a library that skips anyway
        // an IDR frame comes as two layers, the first being SPS and PPS, which live in the extradata instead
        int last = info.getInt(I_LAYERS) - 1;
        int size = layerSize(last);
        try {
            spool.append(frameIndex, frameIndex, 1, frameType == FRAME_TYPE_IDR, layerBuffer(last, size), size);
        } catch (IOException e) {
            throw new UncheckedIOException("could not spool an encoded packet", e); // disk trouble may pass
        }
    }

    private int layerSize(int layer) {
        long at = I_LAYER0 + (long) layer * LAYER_SIZE;
        int nals = info.getInt(at + B_NAL_COUNT);
        BytePointer lengths = SystemOpenH264.at(info.getLong(at + B_NAL_LENGTHS), 4L * nals);
        int size = 0;
        for (int i = 0; i < nals; i++) size += lengths.getInt(4L * i);
        return size;
    }

    private BytePointer layerBuffer(int layer, int size) {
        return SystemOpenH264.at(info.getLong(I_LAYER0 + (long) layer * LAYER_SIZE + B_BUFFER), size);
    }

    @Override
    public AVCodecParameters finish() throws FrameRecorder.Exception {
        AVCodecParameters parameters = avcodec_parameters_alloc();
        if (parameters == null) throw new FrameRecorder.Exception("could not allocate codec parameters");
        parameters.codec_type(AVMEDIA_TYPE_VIDEO).codec_id(AV_CODEC_ID_H264).format(AV_PIX_FMT_YUV420P);
        parameters.width(planes.width()).height(planes.height()).profile(AV_PROFILE_H264_CONSTRAINED_BASELINE);
        parameters.bit_rate(H264Encoder.bitrate(planes.width(), planes.height()));
        parameters.color_space(H264Encoder.COLOUR_MATRIX).color_primaries(H264Encoder.COLOUR_PRIMARIES)
                .color_trc(H264Encoder.COLOUR_TRANSFER).color_range(AVCOL_RANGE_MPEG);
        BytePointer headers = new BytePointer(av_mallocz(extradata.length + AV_INPUT_BUFFER_PADDING_SIZE));
        if (headers.isNull()) {
            avcodec_parameters_free(parameters);
            throw new FrameRecorder.Exception("could not allocate the track's parameter sets");
        }
        headers.put(extradata);
        parameters.extradata(headers).extradata_size(extradata.length);
        return parameters;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        library.destroy(encoder);
        picture.close();
        info.close();
        yuv.close();
    }
}
