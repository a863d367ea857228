package dev.vidgate.api;

import dev.vidgate.common.ApiException;
import dev.vidgate.video.VideoService.DownloadableContent;
import dev.vidgate.video.Variant;
import dev.vidgate.video.VideoService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends a finished video's rendition: a redirect to the store when it can serve the bytes itself, else the bytes
 * (a {@code Range} answered with 206 unless its {@code If-Range} names other bytes, sendfile when the store has a local
 * file), with an {@code ETag} and {@code Last-Modified} to resume by. The public content route and the operator's use it
 * alike.
 */
public final class ContentDownload {
    private final VideoService videos;
    private final Duration redirectTtl;

    /** @param redirectTtl how long a redirect to the store works; null sends the bytes through this server */
    public ContentDownload(VideoService videos, Duration redirectTtl) {
        this.videos = videos;
        this.redirectTtl = redirectTtl;
    }

    /** The {@code variant} query parameter: absent or empty is the video. */
    public static Variant variant(String wire) {
        if (wire == null || wire.isEmpty()) return Variant.VIDEO;
        return Variant.fromWire(wire).orElseThrow(() ->
                ApiException.invalid("Invalid variant '" + ApiException.echo(wire, 40) + "': must be one of video, thumbnail, spritesheet.",
                        "variant", "invalid_value"));
    }

    public void send(DownloadableContent content, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Variant wanted = content.variant();
        String disposition = "inline; filename=\"" + content.video().id() + "." + extension(wanted) + "\"";
        if (redirectTtl != null) {
            // The bytes (ranges included) then come straight from the bucket, through a URL that soon stops working.
            Optional<URI> direct = videos.directUrl(content, redirectTtl, disposition);
            if (direct.isPresent()) {
                response.setStatus(302);
                response.setHeader("Location", direct.get().toString());
                response.setHeader("Cache-Control", "no-store");
                return;
            }
        }
        Validators validators = Validators.of(content);
        Optional<ByteRange> range;
        try {
            range = ByteRange.parse(validators.rangeToServe(request), content.size());
        } catch (ByteRange.Unsatisfiable e) {
            response.setHeader("Content-Range", "bytes */" + content.size());
            throw new ApiException(416, "invalid_request_error", "The requested range is not satisfiable; the "
                    + wanted.wireName() + " is " + content.size() + " bytes long.", "range", "range_not_satisfiable", null);
        }
        long start = range.map(ByteRange::start).orElse(0L);
        long length = range.map(ByteRange::length).orElse(content.size());
        if ("HEAD".equals(request.getMethod())) {
            headers(response, range, wanted, length, content.size(), disposition, validators); // the GET's headers; no bytes to read
            return;
        }
        if (Sendfile.offer(request, videos.localFile(content), start, length)) {
            headers(response, range, wanted, length, content.size(), disposition, validators); // Tomcat sends the bytes
            return;
        }
        try (InputStream in = videos.open(content, start, length)) {
            headers(response, range, wanted, length, content.size(), disposition, validators);
            in.transferTo(response.getOutputStream());
        }
    }

    private static void headers(HttpServletResponse response, Optional<ByteRange> range, Variant wanted, long length,
                                long size, String disposition, Validators validators) {
        response.setStatus(range.isPresent() ? 206 : 200);
        response.setContentType(wanted.mediaType());
        response.setHeader("Accept-Ranges", "bytes");
        response.setContentLengthLong(length);
        range.ifPresent(r -> response.setHeader("Content-Range", "bytes " + r.start() + "-" + r.end() + "/" + size));
        response.setHeader("Content-Disposition", disposition);
        response.setHeader("ETag", validators.etag());
        if (validators.modified() != null) response.setDateHeader("Last-Modified", validators.modified().toEpochMilli());
    }

    /**
     * What identifies this rendition, so that a download cut short resumes only on the same bytes: a finished video's
     * renditions never change (a remix, an edit or an extension is another video), so its id, the variant and the size
     * make a strong entity tag, and the video's completion its Last-Modified.
     */
    private record Validators(String etag, Instant modified) {
        static Validators of(DownloadableContent content) {
            return new Validators("\"" + content.video().id() + "-" + content.variant().wireName() + "-" + content.size() + "\"",
                    content.video().completedAt());
        }

        /**
         * The request's {@code Range}, or null for the whole file when its {@code If-Range} names other bytes (RFC 9110,
         * 13.1.5): an entity tag matches only this one, strongly (a weak tag never does), a date only the Last-Modified,
         * to the second.
         */
        String rangeToServe(HttpServletRequest request) {
            String range = request.getHeader("Range");
            String ifRange = request.getHeader("If-Range");
            if (range == null || ifRange == null) return range;
            String condition = ifRange.trim();
            if (condition.startsWith("\"") || condition.startsWith("W/")) return condition.equals(etag) ? range : null;
            if (modified == null) return null;
            try {
                return request.getDateHeader("If-Range") / 1000 == modified.getEpochSecond() ? range : null;
            } catch (IllegalArgumentException notADate) {
                return null;
            }
        }
    }

    private static String extension(Variant v) {
        String name = v.fileName();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
