package dev.vidgate.api;

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
import java.util.List;
import java.util.Map;

/** The videos API (SPEC sections 1 to 6), served under {@code /v1} and {@code /openai/v1}. */
@RestController
@RequestMapping({"/v1/videos", "/openai/v1/videos"})
final class VideoRoutes {
    private final VideoService videos;
    private final CreateRequestParser parser;
    private final long pollAfterMillis;
    private final ContentDownload download;
    private final TenantJobs jobs;

    VideoRoutes(VideoService videos, CreateRequestParser parser, ApiSettings settings, TenantJobs jobs) {
        this.videos = videos;
        this.jobs = jobs;
        this.parser = parser;
        this.pollAfterMillis = settings.pollAfter().toMillis();
        this.download = new ContentDownload(videos, settings.contentRedirectTtl());
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
    PageJson<VideoJson> list(@RequestParam Map<String, String> q, HttpServletRequest request) {
        int pageSize = Paging.limit(q.get("limit"));
        List<Video> rows = jobs.list(Authentication.principal(request), q, pageSize + 1);
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
        download.send(videos.content(Authentication.principal(request), id, ContentDownload.variant(variant)), request, response);
    }
}
