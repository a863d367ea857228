package dev.vidgate.api;

import java.util.Optional;
import java.util.regex.Pattern;

/** One satisfiable byte range of an HTTP {@code Range: bytes=...} header, resolved against a length. */
record ByteRange(long start, long length) {
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /**
     * The range asked for, or empty for the whole body (no header, a header we do not serve such as
     * several ranges). Throws {@link Unsatisfiable} for a range outside the body.
     */
    static Optional<ByteRange> parse(String header, long size) {
        if (header == null) return Optional.empty();
        var m = SINGLE.matcher(header.trim());
        if (!m.matches()) return Optional.empty();
        String first = m.group(1), last = m.group(2);
        try {
            if (first.isEmpty()) {
                if (last.isEmpty()) return Optional.empty();
                long suffix = Long.parseLong(last);
                if (suffix == 0 || size == 0) throw new Unsatisfiable();
                long n = Math.min(suffix, size);
                return Optional.of(new ByteRange(size - n, n));
            }
            long start = Long.parseLong(first);
            if (start >= size) throw new Unsatisfiable();
            long end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
            if (end < start) throw new Unsatisfiable();
            return Optional.of(new ByteRange(start, end - start + 1));
        } catch (NumberFormatException tooBig) {
            throw new Unsatisfiable();
        }
    }

    long end() {
        return start + length - 1;
    }

    static final class Unsatisfiable extends RuntimeException {
        Unsatisfiable() {
            super(null, null, false, false);
        }
    }
}
