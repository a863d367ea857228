package dev.vidgate.api.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vidgate.engine.ChannelStatus;
import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /admin/v1/channels}: the health of every upstream channel of every engine (success rate,
 * latency, jobs in flight, circuit), for operators. Guarded by the admin key (see {@link AdminModule}); never shows credentials.
 */
@RestController
@RequestMapping("/admin/v1")
final class ChannelAdminRoutes {
    private final EngineRegistry engines;

    ChannelAdminRoutes(EngineRegistry engines) {
        this.engines = engines;
    }

    @GetMapping("/channels")
    ChannelList channels() {
        List<ChannelJson> data = new ArrayList<>();
        List<Engine> sorted = engines.all().stream().sorted(Comparator.comparing(Engine::name)).toList();
        for (Engine engine : sorted) {
            for (ChannelStatus s : engine.channels()) data.add(ChannelJson.of(engine.name(), s));
        }
        return new ChannelList("list", data);
    }

    record ChannelList(String object, List<ChannelJson> data) {}

    record ChannelJson(String object, String engine, String name, String flavour, String circuit,
                       @JsonProperty("open_until") Long openUntil, @JsonProperty("in_flight") int inFlight,
                       @JsonProperty("max_in_flight") int maxInFlight, @JsonProperty("recent_requests") int recentRequests,
                       @JsonProperty("success_rate") double successRate, @JsonProperty("latency_ms") long latencyMillis,
                       @JsonProperty("total_requests") long totalRequests, @JsonProperty("total_failures") long totalFailures,
                       @JsonProperty("last_error") String lastError, @JsonProperty("last_error_at") Long lastErrorAt,
                       java.util.Map<String, Double> upstream) {

        static ChannelJson of(String engine, ChannelStatus s) {
            return new ChannelJson("channel", engine, s.name(), s.flavour(), s.circuit(), seconds(s.openUntil()), s.inFlight(),
                    s.maxInFlight(), s.recentRequests(), Math.round(s.successRate() * 1000) / 1000.0, s.latencyMillis(),
                    s.totalRequests(), s.totalFailures(), s.lastError(), seconds(s.lastErrorAt()), known(s.figures()));
        }

        /** The upstream's own figures that are known (JSON has no NaN). */
        private static java.util.Map<String, Double> known(java.util.Map<String, Double> figures) {
            java.util.Map<String, Double> known = new java.util.TreeMap<>();
            figures.forEach((k, v) -> {
                if (!v.isNaN()) known.put(k, v);
            });
            return known;
        }

        private static Long seconds(Instant at) {
            return at == null ? null : at.getEpochSecond();
        }
    }
}
