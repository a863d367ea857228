package dev.vidgate.app;

import dev.vidgate.video.ActiveJobs;
import dev.vidgate.video.JobStore;
import dev.vidgate.video.VideoStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The unfinished jobs as the database has them, counted on a schedule ({@link #refresh}): per state and engine
 * ({@code vidgate.jobs.active}), and the queue per API key ({@code vidgate.queue.depth.key}) for the keys with the
 * longest queues, the rest summed as {@code other}. Every node reports the same cluster-wide numbers: take the max.
 */
final class JobGauges {
    private static final List<VideoStatus> ACTIVE = List.of(VideoStatus.QUEUED, VideoStatus.IN_PROGRESS);

    private final JobStore jobs;
    private final Collection<String> engines;
    private final int maxKeys;
    private final MultiGauge active;
    private final MultiGauge queuedPerKey;
    /**
     * The value behind each row, kept between refreshes: a refresh sets the values and registers the rows without
     * overwriting them, because an overwrite removes a gauge and adds it again, and a scrape in between would miss it.
     */
    private final Map<Tags, AtomicLong> values = new ConcurrentHashMap<>();

    JobGauges(JobStore jobs, Collection<String> engines, int maxKeys, MeterRegistry registry) {
        this.jobs = jobs;
        this.engines = List.copyOf(engines);
        this.maxKeys = maxKeys;
        this.active = MultiGauge.builder("vidgate.jobs.active").description("unfinished jobs by state and engine (queue depth: state=queued)")
                .register(registry);
        this.queuedPerKey = MultiGauge.builder("vidgate.queue.depth.key").description("queued jobs of the API keys with the longest queues")
                .register(registry);
    }

    /** Counts again; the answer is for the duty's log, which need not hear of it. */
    int refresh() {
        List<ActiveJobs> rows = jobs.countActive();
        Map<Tags, Long> byStateAndEngine = new HashMap<>();
        for (String engine : engines) {
            for (VideoStatus state : ACTIVE) byStateAndEngine.put(stateAndEngine(state, engine), 0L); // a drained queue reads 0
        }
        Map<String, Long> queuedByKey = new HashMap<>();
        for (ActiveJobs row : rows) {
            byStateAndEngine.merge(stateAndEngine(row.status(), row.engine()), row.count(), Long::sum);
            if (row.status() == VideoStatus.QUEUED) queuedByKey.merge(row.keyId(), row.count(), Long::sum);
        }
        active.register(rows(byStateAndEngine), false);
        Map<Tags, Long> perKey = perKeyCounts(queuedByKey);
        queuedPerKey.register(rows(perKey), false);
        // a key whose row went away keeps no value: a key that returns gets a new row and a new value
        values.keySet().removeIf(tags -> tags.stream().anyMatch(t -> t.getKey().equals("key")) && !perKey.containsKey(tags));
        return 0;
    }

    /** Rows whose values are the same objects as at the last refresh, set to {@code counts}. */
    private List<MultiGauge.Row<?>> rows(Map<Tags, Long> counts) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        counts.forEach((tags, count) -> {
            AtomicLong value = values.computeIfAbsent(tags, t -> new AtomicLong());
            value.set(count);
            rows.add(MultiGauge.Row.of(tags, value));
        });
        return rows;
    }

    private Map<Tags, Long> perKeyCounts(Map<String, Long> queuedByKey) {
        List<Map.Entry<String, Long>> longest = queuedByKey.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .toList();
        Map<Tags, Long> counts = new HashMap<>();
        long others = 0;
        for (int i = 0; i < longest.size(); i++) {
            if (i < maxKeys) counts.put(Tags.of("key", longest.get(i).getKey()), longest.get(i).getValue());
            else others += longest.get(i).getValue();
        }
        counts.put(Tags.of("key", "other"), others); // always there: an empty queue reads 0
        return counts;
    }

    private static Tags stateAndEngine(VideoStatus state, String engine) {
        return Tags.of("state", state.name().toLowerCase(Locale.ROOT), "engine", engine);
    }
}
