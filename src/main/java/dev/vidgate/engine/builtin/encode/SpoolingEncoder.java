package dev.vidgate.engine.builtin.encode;

import dev.vidgate.media.FfmpegSupport;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.FrameRecorder;

import java.io.IOException;
import java.util.Map;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

/**
 * An FFmpeg encoder that parks its packets in a {@link PacketSpool} for the {@link Mp4Muxer}: opening a
 * named encoder with options, the send-frame / receive-packets loop, flushing, freeing. Errors become
 * {@link FrameRecorder.Exception} (permanent: an encoder that fails once fails again); trouble writing
 * the spool is an {@link java.io.UncheckedIOException} (the disk may recover).
 */
abstract class SpoolingEncoder implements AutoCloseable {
    protected final AVCodecContext context;
    protected final AVFrame frame;
    private final PacketSpool spool;

    /** @param context an opened encoder; {@code frame} its reusable input frame; both are freed by {@link #close} */
    SpoolingEncoder(AVCodecContext context, AVFrame frame, PacketSpool spool) {
        this.context = context;
        this.frame = frame;
        this.spool = spool;
    }

    /** Encodes {@link #frame} as it is now. */
    protected void send() throws FrameRecorder.Exception {
        encode(context, frame, spool);
    }

    /** Called before the final flush, to encode what a subclass still buffers. */
    protected void beforeFlush() throws FrameRecorder.Exception {
    }

    /** Flushes the encoder; returns the stream parameters (with its headers) for the muxer, which frees them. */
    public AVCodecParameters finish() throws FrameRecorder.Exception {
        beforeFlush();
        encode(context, null, spool);
        return parameters(context);
    }

    @Override
    public void close() {
        av_frame_free(frame);
        avcodec_free_context(context);
    }

    /** Allocates a context for the encoder called {@code name}; configure it, then {@link #open}. */
    static AVCodecContext context(String name) throws FrameRecorder.Exception {
        FfmpegSupport.init();
        AVCodec codec = avcodec_find_encoder_by_name(name);
        if (codec == null) throw new FrameRecorder.Exception("the FFmpeg build has no " + name + " encoder");
        AVCodecContext context = avcodec_alloc_context3(codec);
        if (context == null) throw new FrameRecorder.Exception("could not allocate a " + name + " encoder");
        return context;
    }

    /** Opens the configured context with private {@code options}; frees it on failure. */
    static void open(AVCodecContext context, Map<String, String> options) throws FrameRecorder.Exception {
        AVDictionary dict = new AVDictionary(null);
        options.forEach((k, v) -> av_dict_set(dict, k, v, 0));
        int ret = avcodec_open2(context, context.codec(), dict);
        av_dict_free(dict);
        if (ret < 0) {
            avcodec_free_context(context);
            throw new FrameRecorder.Exception("avcodec_open2 failed: " + ret);
        }
    }

    /** The stream parameters of an opened encoder (with its extradata), for the muxer; caller frees. */
    private static AVCodecParameters parameters(AVCodecContext context) throws FrameRecorder.Exception {
        AVCodecParameters par = avcodec_parameters_alloc();
        if (avcodec_parameters_from_context(par, context) < 0) throw new FrameRecorder.Exception("could not copy encoder parameters");
        return par;
    }

    /** Sends {@code frame} (null to flush) and spools every packet the encoder has ready. */
    private static void encode(AVCodecContext context, AVFrame frame, PacketSpool spool) throws FrameRecorder.Exception {
        int ret = avcodec_send_frame(context, frame);
        if (ret < 0 && !(frame == null && ret == AVERROR_EOF)) throw new FrameRecorder.Exception("avcodec_send_frame failed: " + ret);
        AVPacket packet = av_packet_alloc();
        try {
            while (true) {
                ret = avcodec_receive_packet(context, packet);
                if (ret == AVERROR_EAGAIN() || ret == AVERROR_EOF) return;
                if (ret < 0) throw new FrameRecorder.Exception("avcodec_receive_packet failed: " + ret);
                try {
                    spool.append(packet, (packet.flags() & AV_PKT_FLAG_KEY) != 0);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("could not spool an encoded packet", e); // disk trouble may pass
                } finally {
                    av_packet_unref(packet);
                }
            }
        } finally {
            av_packet_free(packet);
        }
    }
}
