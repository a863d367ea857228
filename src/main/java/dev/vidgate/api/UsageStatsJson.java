package dev.vidgate.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vidgate.billing.UsageRange;
import dev.vidgate.billing.UsageStats;
import dev.vidgate.video.VideoStatus;

import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire form of usage statistics ({@code GET /v1/usage/stats}, {@code GET /admin/v1/usage/stats}): money in
 * micro-credits per UTC day, jobs per UTC hour (Unix seconds) by status, the jobs of the range by status, the success rate
 * (completed over completed and failed; null when none finished either way) and time to complete per model in ms.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UsageStatsJson(String object, String from, String to, @JsonProperty("tenant_id") String tenantId,
                             Map<String, Long> jobs, @JsonProperty("success_rate") Double successRate, List<Day> spend,
                             List<Hour> hourly, List<Latency> latency) {

    /** The range of the {@code from} and {@code to} query parameters ({@code YYYY-MM-DD}, UTC, both optional). */
    public static UsageRange range(String from, String to, InstantSource clock) {
        return UsageRange.of(UsageJson.day(from, "from"), UsageJson.day(to, "to"), clock);
    }

    public static UsageStatsJson of(UsageRange range, String tenantId, UsageStats.Report report) {
        Map<String, Long> jobs = new LinkedHashMap<>();
        for (VideoStatus s : VideoStatus.values()) jobs.put(s.wireName(), report.jobs(s.name()));
        long completed = jobs.get(VideoStatus.COMPLETED.wireName());
        long ended = completed + jobs.get(VideoStatus.FAILED.wireName());
        return new UsageStatsJson("usage.stats", range.from().toString(), range.to().toString(), tenantId, jobs,
                ended == 0 ? null : (double) completed / ended,
                report.spend().stream().map(d -> new Day(d.day().toString(), d.held(), d.charged(), d.refunded())).toList(),
                report.hourly().stream().map(h -> new Hour(h.hour().getEpochSecond(), VideoStatus.valueOf(h.status()).wireName(),
                        h.jobs())).toList(),
                report.latency().stream().map(l -> new Latency(l.model(), l.jobs(), l.p50Millis(), l.p95Millis())).toList());
    }

    public record Day(String date, long held, long charged, long refunded) {}

    public record Hour(long hour, String status, long jobs) {}

    public record Latency(String model, long jobs, @JsonProperty("p50_ms") long p50Millis, @JsonProperty("p95_ms") long p95Millis) {}
}
