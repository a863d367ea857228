package dev.vidgate.api.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.vidgate.api.JobFilters;
import dev.vidgate.api.PageJson;
import dev.vidgate.api.Paging;
import dev.vidgate.api.VideoJson;
import dev.vidgate.engine.EngineRegistry;
import dev.vidgate.video.JobLog;
import dev.vidgate.video.Video;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.Map;

/**
 * {@code GET /admin/v1/jobs}: the job log of every tenant (the console's), filtered by tenant, key, status, model,
 * engine, relay channel and creation time ({@link JobFilters}), paged like {@code /v1/videos}; each job with its relay
 * channel, queue wait, run time, attempts and money.
 */
@RestController
final class JobLogAdminRoutes {
    private final JobLog log;
    private final JobFilters filters;
    private final EngineRegistry engines;

    JobLogAdminRoutes(JobLog log, JobFilters filters, EngineRegistry engines) {
        this.log = log;
        this.filters = filters;
        this.engines = engines;
    }

    @GetMapping("/admin/v1/jobs")
    PageJson<JobJson> jobs(@RequestParam Map<String, String> q) {
        var filter = filters.forOperator(q);
        int size = Paging.limit(q.get("limit"));
        return PageJson.of(log.find(filter, Paging.cursor(q.get("after")), size + 1, Paging.ascending(q.get("order"))), size,
                e -> JobJson.of(e, channelOf(e.video())), j -> j.video().id());
    }

    /** The relay channel a job went to (its name only: never the upstream's id). */
    private String channelOf(Video v) {
        if (v.engineHandle() == null) return null;
        return engines.find(v.engine()).map(engine -> engine.channelOf(v.engineHandle())).orElse(null);
    }

    /** A Video with its owner, engine, attempts, times (ms) and money (micro-credits). */
    record JobJson(@JsonUnwrapped VideoJson video, @JsonProperty("tenant_id") String tenantId, @JsonProperty("key_id") String keyId,
                   String engine, String channel, int attempts, @JsonProperty("started_at") Long startedAt,
                   @JsonProperty("queue_wait_ms") Long queueWaitMillis, @JsonProperty("run_ms") Long runMillis,
                   long held, long charged, long refunded) {
        static JobJson of(JobLog.Entry e, String channel) {
            Video v = e.video();
            Long wait = v.startedAt() == null ? null : Duration.between(v.createdAt(), v.startedAt()).toMillis();
            Long run = v.startedAt() == null || v.completedAt() == null ? null : Duration.between(v.startedAt(), v.completedAt()).toMillis();
            return new JobJson(VideoJson.of(v), v.tenantId(), v.keyId(), v.engine(), channel, v.attempts(),
                    v.startedAt() == null ? null : v.startedAt().getEpochSecond(), wait, run, e.held(), e.charged(), e.refunded());
        }
    }
}
