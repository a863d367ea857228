package dev.vidgate.api;

import dev.vidgate.tenancy.Principal;
import dev.vidgate.video.JobLog;
import dev.vidgate.video.Video;
import dev.vidgate.video.VideoService;

import java.util.List;
import java.util.Map;

/**
 * A tenant's {@code GET /v1/videos}: the plain list, or with {@link JobFilters} the job log narrowed to the caller's
 * tenant, whatever the filters say; a cursor that is not one of the tenant's jobs is a 404 in both.
 */
final class TenantJobs {
    private final VideoService videos;
    private final JobLog log;
    private final JobFilters filters;

    TenantJobs(VideoService videos, JobLog log, JobFilters filters) {
        this.videos = videos;
        this.log = log;
        this.filters = filters;
    }

    List<Video> list(Principal who, Map<String, String> q, int limit) {
        String after = Paging.cursor(q.get("after"));
        boolean ascending = Paging.ascending(q.get("order"));
        if (!JobFilters.any(q)) return videos.list(who, after, limit, ascending);
        JobLog.Filter filter = filters.forTenant(who.tenantId(), q);
        if (after != null) videos.get(who, after);
        return log.find(filter, after, limit, ascending).stream().map(JobLog.Entry::video).toList();
    }
}
