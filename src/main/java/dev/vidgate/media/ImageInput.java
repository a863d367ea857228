package dev.vidgate.media;

import javax.imageio.IIOException;
import javax.imageio.stream.ImageInputStreamImpl;
import java.io.IOException;
import java.io.InputStream;

/**
 * The encoded bytes as a decoder reads them, with two guards:
 * <ul>
 *   <li>every read (and every position query, which TwelveMonkeys' WebP bit reader makes per symbol) fails
 *       once the reading thread is interrupted, so a decode that overran its time limit stops within
 *       microseconds instead of burning a core to the end;</li>
 *   <li>for WebP, {@code padding} zero bytes follow the data and reading past them is an error, not an end
 *       of file. TwelveMonkeys' bit reader reads up to 16 bytes ahead, and at an end of file it throws and
 *       catches an {@code EOFException} for every symbol it decodes from then on: seconds of CPU for 10 bytes
 *       of garbage under a 1280x720 canvas. With the padding a sound file never meets the end; a bitstream
 *       that runs past it fails at once.</li>
 * </ul>
 * The length is reported unknown, as for any stream: TwelveMonkeys would otherwise refuse highly compressible
 * pictures (a flat 1280x720 lossless WebP is some 50 bytes) by its expansion-ratio rule; the pixel limits
 * checked before decoding bound the allocation instead.
 */
final class ImageInput extends ImageInputStreamImpl {
    /** Enough for TwelveMonkeys' 64-bit look-ahead from the last byte of a sound bitstream. */
    static final int WEBP_PADDING = 16;

    private final byte[] data;
    private final int padding;

    ImageInput(byte[] data, int padding) {
        this.data = data;
        this.padding = padding;
    }

    /** The bytes as an {@link InputStream} for FFmpeg, with the same interruption guard. */
    static InputStream stream(byte[] data) {
        return new InputStream() {
            private int pos;

            @Override
            public int read() throws IOException {
                checkInterrupted();
                return pos < data.length ? data[pos++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                checkInterrupted();
                if (len == 0) return 0;
                if (pos >= data.length) return -1;
                int n = Math.min(len, data.length - pos);
                System.arraycopy(data, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    @Override
    public long getStreamPosition() throws IOException {
        checkInterrupted();
        return super.getStreamPosition();
    }

    @Override
    public int read() throws IOException {
        if (atEnd()) return -1;
        int value = streamPos < data.length ? data[(int) streamPos] & 0xFF : 0;
        streamPos++;
        return value;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (atEnd()) return -1;
        int n = (int) Math.min(len, (long) data.length + padding - streamPos);
        int fromData = (int) Math.max(0, Math.min(n, data.length - streamPos));
        if (fromData > 0) System.arraycopy(data, (int) streamPos, b, off, fromData);
        java.util.Arrays.fill(b, off + fromData, off + n, (byte) 0);
        streamPos += n;
        return n;
    }

    /** Guards a read: true at the end of the data, an error past the padding. */
    private boolean atEnd() throws IOException {
        checkInterrupted();
        checkClosed();
        bitOffset = 0;
        if (streamPos < (long) data.length + padding) return false;
        if (padding > 0) throw new IIOException("the bitstream runs past the end of the file");
        return true;
    }

    private static void checkInterrupted() throws IOException {
        if (Thread.currentThread().isInterrupted()) throw new IIOException("decoding was stopped: it ran out of time");
    }
}
