package dev.vidgate.api;

import jakarta.servlet.http.HttpServletRequest;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Zero-copy downloads: hands a range of a local file to Tomcat, which writes it to the socket with {@code sendfile}
 * once the route returns (its request attributes, as its own default servlet uses them). The route sets the status and
 * headers as for any download and writes no body.
 */
final class Sendfile {
    static final String SUPPORT = "org.apache.tomcat.sendfile.support";
    static final String FILENAME = "org.apache.tomcat.sendfile.filename";
    static final String START = "org.apache.tomcat.sendfile.start";
    static final String END = "org.apache.tomcat.sendfile.end";
    /** Below this a plain copy is as cheap (Tomcat's default servlet uses the same threshold). */
    static final long MIN_LENGTH = 48 * 1024;

    private Sendfile() {}

    /**
     * Whether Tomcat will send {@code length} bytes of {@code file} from {@code start}: only for a {@code GET} whose
     * connector supports sendfile, and a range worth it. Then the request carries the attributes.
     */
    static boolean offer(HttpServletRequest request, Optional<Path> file, long start, long length) {
        if (file.isEmpty() || length < MIN_LENGTH || !"GET".equals(request.getMethod())
                || !Boolean.TRUE.equals(request.getAttribute(SUPPORT))) {
            return false;
        }
        request.setAttribute(FILENAME, file.get().toString());
        request.setAttribute(START, start);
        request.setAttribute(END, start + length);
        return true;
    }
}
