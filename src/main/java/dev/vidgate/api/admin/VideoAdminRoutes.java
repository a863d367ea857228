package dev.vidgate.api.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.vidgate.api.ApiSettings;
import dev.vidgate.api.ContentDownload;
import dev.vidgate.api.PageJson;
import dev.vidgate.api.Paging;
import dev.vidgate.api.VideoJson;
import dev.vidgate.common.ApiException;
import dev.vidgate.video.JobStore;
import dev.vidgate.tenancy.Tenants;
import dev.vidgate.video.Video;
import dev.vidgate.video.VideoService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/** {@code /admin/v1/videos}: the jobs of any tenant, paged like {@code /v1/videos}, with their tenant and key; their content. */
@RestController
@RequestMapping("/admin/v1/videos")
final class VideoAdminRoutes {
    private final JobStore jobs;
    private final Tenants tenants;
    private final VideoService videos;
    private final ContentDownload download;

    VideoAdminRoutes(JobStore jobs, Tenants tenants, VideoService videos, ApiSettings settings) {
        this.jobs = jobs;
        this.tenants = tenants;
        this.videos = videos;
        this.download = new ContentDownload(videos, settings.contentRedirectTtl());
    }

    @GetMapping
    PageJson<AdminVideoJson> list(@RequestParam(required = false) String tenant, @RequestParam(required = false) String after,
                                  @RequestParam(required = false) String limit, @RequestParam(required = false) String order) {
        if (tenant == null || tenant.isEmpty()) {
            throw ApiException.invalid("Missing required parameter: tenant (an id or a name).", "tenant", "missing_required_parameter");
        }
        String tenantId = tenants.tenant(tenant).id();
        String cursor = Paging.cursor(after);
        if (cursor != null && jobs.find(tenantId, cursor).isEmpty()) {
            throw ApiException.notFound("No video found with id '" + ApiException.echo(cursor, 64) + "' for this tenant.", "after");
        }
        int size = Paging.limit(limit);
        return PageJson.of(jobs.list(tenantId, cursor, size + 1, Paging.ascending(order)), size, AdminVideoJson::of,
                v -> v.video().id());
    }

    @GetMapping("/{id}")
    AdminVideoJson get(@PathVariable String id) {
        return jobs.findById(id).map(AdminVideoJson::of)
                .orElseThrow(() -> ApiException.notFound("No video found with id '" + ApiException.echo(id, 64) + "'.", "video_id"));
    }

    /** Any tenant's finished video, thumbnail or spritesheet, sent as {@code /v1/videos/{id}/content} sends it (ranges too). */
    @GetMapping("/{id}/content")
    void content(@PathVariable String id, @RequestParam(required = false) String variant,
                 HttpServletRequest request, HttpServletResponse response) throws IOException {
        download.send(videos.contentOfAnyTenant(id, ContentDownload.variant(variant)), request, response);
    }

    /**
     * The Video object plus who owns it, what it delivered, the job's seed (the client's, or drawn at create; null for jobs
     * from before seeds were recorded) and what the built-in renderer read in its prompt (null until it has).
     */
    record AdminVideoJson(@JsonUnwrapped VideoJson video, @JsonProperty("tenant_id") String tenantId,
                          @JsonProperty("key_id") String keyId, @JsonProperty("delivered_seconds") int deliveredSeconds,
                          String engine, Long seed, @JsonProperty("prompt_reading") String promptReading) {
        static AdminVideoJson of(Video v) {
            return new AdminVideoJson(VideoJson.of(v), v.tenantId(), v.keyId(), v.deliveredSeconds(), v.engine(), v.jobSeed(),
                    v.promptReading());
        }
    }
}
