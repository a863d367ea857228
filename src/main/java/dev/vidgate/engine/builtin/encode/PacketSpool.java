package dev.vidgate.engine.builtin.encode;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.javacpp.BytePointer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Encoded packets parked in a file until the muxer takes them: each record holds the timestamps (in
 * the encoder's time base), the key-frame flag and the bytes. Memory stays flat however long the clip.
 */
public final class PacketSpool implements AutoCloseable {
    /** One packet read back. */
    record Packet(long pts, long dts, long duration, boolean key, byte[] data) {}

    private final DataOutputStream out;
    private byte[] copy = new byte[64 * 1024];

    public PacketSpool(Path file) throws IOException {
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 256 * 1024));
    }

    /** Appends an encoded packet. */
    void append(AVPacket packet, boolean key) throws IOException {
        append(packet.pts(), packet.dts(), packet.duration(), key, packet.data(), packet.size());
    }

    /** Appends an encoded packet whose {@code size} bytes start at {@code data} (native memory). */
    void append(long pts, long dts, long duration, boolean key, BytePointer data, int size) throws IOException {
        if (copy.length < size) copy = new byte[Math.max(size, copy.length * 2)];
        data.get(copy, 0, size);
        out.writeLong(pts);
        out.writeLong(dts);
        out.writeLong(duration);
        out.writeBoolean(key);
        out.writeInt(size);
        out.write(copy, 0, size);
    }

    /** Ends writing; the packets can now be read. */
    @Override
    public void close() throws IOException {
        out.close();
    }

    /** Reads packets back in the order they were written. */
    static final class Reader implements AutoCloseable {
        private final DataInputStream in;

        Reader(Path file) throws IOException {
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 256 * 1024));
        }

        /** The next packet, or null at the end. */
        Packet next() throws IOException {
            long pts;
            try {
                pts = in.readLong();
            } catch (EOFException e) {
                return null;
            }
            long dts = in.readLong();
            long duration = in.readLong();
            boolean key = in.readBoolean();
            byte[] data = new byte[in.readInt()];
            in.readFully(data);
            return new Packet(pts, dts, duration, key, data);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
