package dev.vidgate.testsupport.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Test helper: lists the top-level ISO-BMFF boxes of an MP4 file without decoding anything. */
public final class Mp4Boxes {
    private Mp4Boxes() {}

    /** Box types in file order, e.g. {@code [ftyp, moov, free, mdat]}. */
    public static List<String> topLevel(Path file) throws IOException {
        List<String> types = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long position = 0;
            ByteBuffer header = ByteBuffer.allocate(16);
            while (position + 8 <= size) {
                header.clear().limit(8);
                channel.read(header, position);
                header.flip();
                long boxSize = header.getInt() & 0xFFFFFFFFL;
                byte[] type = new byte[4];
                header.get(type);
                long headerSize = 8;
                if (boxSize == 1) {
                    header.clear().limit(8);
                    channel.read(header, position + 8);
                    header.flip();
                    boxSize = header.getLong();
                    headerSize = 16;
                } else if (boxSize == 0) {
                    boxSize = size - position;
                }
                if (boxSize < headerSize) throw new IOException("corrupt box at offset " + position);
                types.add(new String(type, StandardCharsets.ISO_8859_1));
                position += boxSize;
            }
        }
        return types;
    }
}
