package dev.vidgate.api.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vidgate.common.ApiException;
import dev.vidgate.engine.ChannelProbe;
import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

/**
 * {@code POST /admin/v1/channels/{channel}/test}: one cheap call without side effects to the channel's upstream, through
 * the channel's own connection ({@link Engine#probe}), answered as whether it is reachable and takes the channel's key.
 * Guarded by the admin key ({@link AdminModule}). The name of a local engine (one without channels, such as
 * {@code builtin}) is answered {@code ok} with the status {@code builtin}: there is nothing upstream to test, and the
 * engine is available. A name that is neither is 404.
 */
@RestController
@RequestMapping("/admin/v1/channels")
final class ChannelTestRoutes {
    private static final Logger log = LoggerFactory.getLogger(ChannelTestRoutes.class);

    private final EngineRegistry engines;

    ChannelTestRoutes(EngineRegistry engines) {
        this.engines = engines;
    }

    @PostMapping("/{channel}/test")
    ProbeJson test(@PathVariable String channel) {
        for (Engine engine : engines.all()) {
            Optional<ChannelProbe> probe = engine.probe(channel);
            if (probe.isPresent()) {
                ChannelProbe p = probe.get();
                log.info("channel {}: tested by the operator: {} (HTTP {}) in {} ms", channel, p.outcome().wireName(), p.httpStatus(),
                        p.latencyMillis());
                return ProbeJson.of(channel, p);
            }
        }
        Optional<Engine> local = engines.find(channel).filter(e -> e.channels().isEmpty());
        if (local.isPresent()) {
            return ProbeJson.of(channel, new ChannelProbe(ChannelProbe.Outcome.BUILTIN, 0, 0,
                    "This engine renders on this server; it has no upstream to test."));
        }
        throw ApiException.notFound("No channel named '" + ApiException.echo(channel, 64) + "'.", "channel");
    }

    record ProbeJson(String object, String channel, boolean ok, String status, @JsonProperty("http_status") int httpStatus,
                     @JsonProperty("latency_ms") long latencyMillis, String message) {

        static ProbeJson of(String channel, ChannelProbe p) {
            return new ProbeJson("channel.test", channel, p.ok(), p.outcome().wireName(), p.httpStatus(), p.latencyMillis(), p.message());
        }
    }
}
