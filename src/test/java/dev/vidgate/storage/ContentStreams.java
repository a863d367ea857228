package dev.vidgate.storage;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Object contents for storage tests: deterministic bytes, of any size, and uploads that fail part-way. */
public final class ContentStreams {
    private ContentStreams() {}

    public static byte[] pattern(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) bytes[i] = GeneratedInputStream.byteAt(i);
        return bytes;
    }

    public static byte[] filled(char c, int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) c);
        return bytes;
    }

    /** Yields {@code bytesBeforeFailure} bytes, then throws an IOException (a client that hung up mid-upload). */
    public static InputStream failingAfter(long bytesBeforeFailure) {
        return new InputStream() {
            private final GeneratedInputStream source = new GeneratedInputStream(bytesBeforeFailure);

            @Override
            public int read() throws IOException {
                int b = source.read();
                if (b < 0) throw new IOException("connection reset");
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = source.read(buffer, off, len);
                if (n < 0) throw new IOException("connection reset");
                return n;
            }
        };
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code size} deterministic bytes made on the fly, with their SHA-256 computed as they are served. */
    public static final class GeneratedInputStream extends InputStream {
        private final long size;
        private final MessageDigest digest = sha256();
        private long position;

        public GeneratedInputStream(long size) {
            this.size = size;
        }

        public static byte byteAt(long p) {
            long x = p * 0x9E3779B97F4A7C15L;
            return (byte) (x >>> 56 ^ p);
        }

        @Override
        public int read() {
            if (position >= size) return -1;
            byte b = byteAt(position++);
            digest.update(b);
            return b & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int off, int len) {
            if (len == 0) return 0;
            if (position >= size) return -1;
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) buffer[off + i] = byteAt(position + i);
            digest.update(buffer, off, n);
            position += n;
            return n;
        }

        /** The digest of everything served so far (call once, after the stream is exhausted). */
        public byte[] digest() {
            return digest.digest();
        }
    }
}
