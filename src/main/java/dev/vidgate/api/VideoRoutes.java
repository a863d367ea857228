package dev.vidgate.api;

import dev.vidgate.common.ApiException;
import dev.vidgate.video.Variant;
import dev.vidgate.video.Video;
import dev.vidgate.video.VideoService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The videos API (SPEC sections 1 to 6), served under {@code /v1} and {@code /openai/v1}. */
@RestController
@RequestMapping({"/v1/videos", "/openai/v1/videos"})
final class VideoRoutes {
    private final VideoService videos;
    private final CreateRequestParser parser;
    private final long pollAfterMillis;
    private final Duration contentRedirectTtl;

    VideoRoutes(VideoService videos, CreateRequestParser parser, ApiSettings settings) {
        this.videos = videos;
        this.parser = parser;
        this.pollAfterMillis = settings.pollAfter().toMillis();
        this.contentRedirectTtl = settings.contentRedirectTtl();
    }

    @PostMapping
    VideoJson create(HttpServletRequest request) {
        return VideoJson.of(videos.create(Authentication.principal(request), parser.parse(request)));
    }

    @GetMapping("/{id}")
    ResponseEntity<VideoJson> retrieve(@PathVariable String id, HttpServletRequest request) {
        Video video = videos.get(Authentication.principal(request), id);
        var response = ResponseEntity.ok();
        if (!video.status().isFinished()) response.header("openai-poll-after-ms", Long.toString(pollAfterMillis));
        return response.body(VideoJson.of(video));
    }

    @GetMapping
    PageJson<VideoJson> list(@RequestParam(required = false) String after, @RequestParam(required = false) String limit,
                             @RequestParam(required = false) String order, HttpServletRequest request) {
        int pageSize = Paging.limit(limit);
        List<Video> rows = videos.list(Authentication.principal(request), Paging.cursor(after), pageSize + 1, Paging.ascending(order));
        return PageJson.of(rows, pageSize, VideoJson::of, VideoJson::id);
    }

    @DeleteMapping("/{id}")
    VideoJson.Deleted delete(@PathVariable String id, HttpServletRequest request) {
        videos.delete(Authentication.principal(request), id);
        return new VideoJson.Deleted(id, "video.deleted", true);
    }

    @PostMapping("/{id}/remix")
    VideoJson remix(@PathVariable String id, HttpServletRequest request) {
        return VideoJson.of(videos.remix(Authentication.principal(request), id, parser.remix(request)));
    }

    @PostMapping("/{id}/cancel")
    VideoJson cancel(@PathVariable String id, HttpServletRequest request) {
        return VideoJson.of(videos.cancel(Authentication.principal(request), id));
    }

    @GetMapping("/{id}/content")
    void content(@PathVariable String id, @RequestParam(required = false) String variant,
                 HttpServletRequest request, HttpServletResponse response) throws IOException {
        Variant wanted = variant == null || variant.isEmpty() ? Variant.VIDEO : Variant.fromWire(variant).orElseThrow(() ->
                ApiException.invalid("Invalid variant '" + ApiException.echo(variant, 40) + "': must be one of video, thumbnail, spritesheet.",
                        "variant", "invalid_value"));
        var content = videos.content(Authentication.principal(request), id, wanted);
        String disposition = "inline; filename=\"" + id + "." + extension(wanted) + "\"";
        if (contentRedirectTtl != null) {
            // The bytes (ranges included) then come straight from the bucket, through a URL that soon stops working.
            Optional<URI> direct = videos.directUrl(content, contentRedirectTtl, disposition);
            if (direct.isPresent()) {
                response.setStatus(302);
                response.setHeader("Location", direct.get().toString());
                response.setHeader("Cache-Control", "no-store");
                return;
            }
        }
        Optional<ByteRange> range;
        try {
            range = ByteRange.parse(request.getHeader("Range"), content.size());
        } catch (ByteRange.Unsatisfiable e) {
            response.setHeader("Content-Range", "bytes */" + content.size());
            throw new ApiException(416, "invalid_request_error", "The requested range is not satisfiable; the "
                    + wanted.wireName() + " is " + content.size() + " bytes long.", "range", "range_not_satisfiable", null);
        }
        long start = range.map(ByteRange::start).orElse(0L);
        long length = range.map(ByteRange::length).orElse(content.size());
        if (Sendfile.offer(request, videos.localFile(content), start, length)) {
            contentHeaders(response, range, wanted, length, content.size(), disposition); // Tomcat sends the bytes
            return;
        }
        try (InputStream in = videos.open(content, start, length)) {
            contentHeaders(response, range, wanted, length, content.size(), disposition);
            OutputStream out = response.getOutputStream();
            in.transferTo(out);
        }
    }

    private static void contentHeaders(HttpServletResponse response, Optional<ByteRange> range, Variant wanted, long length,
                                       long size, String disposition) {
        response.setStatus(range.isPresent() ? 206 : 200);
        response.setContentType(wanted.mediaType());
        response.setHeader("Accept-Ranges", "bytes");
        response.setContentLengthLong(length);
        range.ifPresent(r -> response.setHeader("Content-Range", "bytes " + r.start() + "-" + r.end() + "/" + size));
        response.setHeader("Content-Disposition", disposition);
    }

    private static String extension(Variant v) {
        String name = v.fileName();
        return name.substring(name.lastIndexOf('.') + 1);
    }

}
