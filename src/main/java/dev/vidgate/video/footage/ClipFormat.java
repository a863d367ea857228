package dev.vidgate.video.footage;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/** The container sniffer for footage: an ISO base media file (MP4, MOV) is recognised by its first box, never its name. */
final class ClipFormat {
    /** The box types a QuickTime or MP4 file may open with. */
    private static final Set<String> FIRST_BOXES = Set.of("ftyp", "moov", "mdat", "wide", "free", "skip");

    private ClipFormat() {}

    /** Whether the bytes open as an MP4 or MOV file: a first box of a known type whose size fits the file. */
    static boolean isIsoMedia(byte[] b) {
        if (b.length < 12) return false;
        long size = (b[0] & 0xFFL) << 24 | (b[1] & 0xFFL) << 16 | (b[2] & 0xFFL) << 8 | (b[3] & 0xFFL);
        String type = new String(b, 4, 4, StandardCharsets.ISO_8859_1);
        if (!FIRST_BOXES.contains(type)) return false;
        return size == 1 || (size >= 8 && (size <= b.length || !type.equals("ftyp")));
    }
}
