package dev.vidgate.engine.builtin.encode;

import dev.vidgate.media.FfmpegSupport;
import dev.vidgate.engine.builtin.frame.ClipFormat;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacv.FrameRecorder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.av_compare_ts;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;

/**
 * Writes the final MP4 from spooled packets: the video segments one after another as one H.264 track,
 * and the AAC track, interleaved by time, with {@code moov} at the front ({@code +faststart}) so browsers
 * play it while it downloads. The result depends only on the packets, never on thread timing.
 */
public final class Mp4Muxer {
    private static final AVRational VIDEO_TIME = new AVRational().num(1).den(ClipFormat.FPS);
    private static final AVRational AUDIO_TIME = new AVRational().num(1).den(ClipFormat.SAMPLE_RATE);

    private Mp4Muxer() {}

    /**
     * @param video    parameters of the video track (from the first segment's encoder)
     * @param segments the video spools, in clip order
     * @param audio    parameters of the audio track
     */
    public static void write(Path file, AVCodecParameters video, List<Path> segments, AVCodecParameters audio, Path audioSpool)
            throws IOException {
        FfmpegSupport.init();
        AVFormatContext out = new AVFormatContext(null);
        if (avformat_alloc_output_context2(out, null, "mp4", file.toString()) < 0) throw new FrameRecorder.Exception("no mp4 muxer");
        AVIOContext io = new AVIOContext(null);
        try {
            AVStream videoStream = stream(out, video, VIDEO_TIME);
            videoStream.avg_frame_rate(new AVRational().num(ClipFormat.FPS).den(1));
            AVStream audioStream = stream(out, audio, AUDIO_TIME);
            if (avio_open(io, file.toString(), AVIO_FLAG_WRITE) < 0) throw new IOException("cannot open " + file + " for writing");
            out.pb(io);
            AVDictionary options = new AVDictionary(null);
            av_dict_set(options, "movflags", "+faststart", 0);
            int ret = avformat_write_header(out, options);
            av_dict_free(options);
            if (ret < 0) throw new FrameRecorder.Exception("avformat_write_header failed: " + ret);
            interleave(out, videoStream, segments, audioStream, audioSpool);
            if (av_write_trailer(out) < 0) throw new FrameRecorder.Exception("av_write_trailer failed");
        } finally {
            avio_closep(io);
            avformat_free_context(out);
        }
    }

    private static AVStream stream(AVFormatContext out, AVCodecParameters parameters, AVRational timeBase) throws FrameRecorder.Exception {
        AVStream stream = avformat_new_stream(out, null);
        if (stream == null || avcodec_parameters_copy(stream.codecpar(), parameters) < 0) {
            throw new FrameRecorder.Exception("could not add a stream");
        }
        stream.codecpar().codec_tag(0);
        stream.time_base(timeBase);
        return stream;
    }

    /** Writes video and audio packets in order of their decoding time. */
    private static void interleave(AVFormatContext out, AVStream videoStream, List<Path> segments, AVStream audioStream, Path audioSpool)
            throws IOException {
        AVPacket packet = av_packet_alloc();
        try (PacketSpool.Reader audio = new PacketSpool.Reader(audioSpool)) {
            PacketSpool.Packet nextAudio = audio.next();
            for (Path segment : segments) {
                try (PacketSpool.Reader video = new PacketSpool.Reader(segment)) {
                    PacketSpool.Packet nextVideo;
                    while ((nextVideo = video.next()) != null) {
                        while (nextAudio != null && av_compare_ts(nextAudio.dts(), AUDIO_TIME, nextVideo.dts(), VIDEO_TIME) <= 0) {
                            write(out, packet, nextAudio, audioStream, AUDIO_TIME);
                            nextAudio = audio.next();
                        }
                        write(out, packet, nextVideo, videoStream, VIDEO_TIME);
                    }
                }
            }
            for (; nextAudio != null; nextAudio = audio.next()) write(out, packet, nextAudio, audioStream, AUDIO_TIME);
            if (av_interleaved_write_frame(out, null) < 0) throw new FrameRecorder.Exception("could not flush the muxer");
        } finally {
            av_packet_free(packet);
        }
    }

    private static void write(AVFormatContext out, AVPacket packet, PacketSpool.Packet p, AVStream stream, AVRational from)
            throws FrameRecorder.Exception {
        if (av_new_packet(packet, p.data().length) < 0) throw new FrameRecorder.Exception("could not allocate a packet");
        packet.data().put(p.data());
        packet.pts(p.pts());
        packet.dts(p.dts());
        packet.duration(p.duration());
        packet.flags(p.key() ? AV_PKT_FLAG_KEY : 0);
        packet.stream_index(stream.index());
        av_packet_rescale_ts(packet, from, stream.time_base());
        int ret = av_interleaved_write_frame(out, packet);
        av_packet_unref(packet);
        if (ret < 0) throw new FrameRecorder.Exception("av_interleaved_write_frame failed: " + ret);
    }
}
