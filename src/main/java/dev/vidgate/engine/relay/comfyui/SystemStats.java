package dev.vidgate.engine.relay.comfyui;

import dev.vidgate.engine.relay.Answer;
import dev.vidgate.engine.relay.UpstreamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * A ComfyUI server's own figures for the channel report and the metrics: total and free VRAM over its devices from
 * {@code GET /system_stats}, fetched in the background at most every {@value #EVERY_SECONDS} s when someone looks,
 * and the prompts in its queue as its websocket last said. Never counts against the channel's health.
 */
final class SystemStats {
    private static final Logger log = LoggerFactory.getLogger(SystemStats.class);
    static final int EVERY_SECONDS = 15;

    /** Sends a request and answers it, as the channel's transport does. */
    interface Exchange {
        Answer exchange(HttpRequest request) throws UpstreamException, InterruptedException;
    }

    private final String channel;
    private final Supplier<HttpRequest> request;
    private final Exchange http;
    private final ObjectMapper json;
    private final IntSupplier queueRemaining;
    private final AtomicBoolean fetching = new AtomicBoolean();
    private volatile long fetchedAt = System.nanoTime() - Duration.ofSeconds(EVERY_SECONDS + 1).toNanos();
    private volatile double vramTotal = Double.NaN;
    private volatile double vramFree = Double.NaN;

    /** @param queueRemaining the websocket's last {@code queue_remaining}, negative when unknown */
    SystemStats(String channel, Supplier<HttpRequest> request, Exchange http, ObjectMapper json, IntSupplier queueRemaining) {
        this.channel = channel;
        this.request = request;
        this.http = http;
        this.json = json;
        this.queueRemaining = queueRemaining;
    }

    Map<String, Double> figures() {
        if (System.nanoTime() - fetchedAt > Duration.ofSeconds(EVERY_SECONDS).toNanos() && fetching.compareAndSet(false, true)) {
            Thread.ofVirtual().name("comfyui-stats-" + channel).start(this::fetch);
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("vram_total_bytes", vramTotal);
        figures.put("vram_free_bytes", vramFree);
        int queue = queueRemaining.getAsInt();
        figures.put("queue_remaining", queue < 0 ? Double.NaN : queue);
        return figures;
    }

    private void fetch() {
        try {
            Answer answer = http.exchange(request.get());
            JsonNode devices = answer.ok() ? json.readTree(answer.body()).path("devices") : null;
            if (devices == null || !devices.isArray()) {
                vramTotal = vramFree = Double.NaN;
                return;
            }
            double total = 0;
            double free = 0;
            for (JsonNode device : devices) {
                total += device.path("vram_total").asDouble(0);
                free += device.path("vram_free").asDouble(0);
            }
            vramTotal = total;
            vramFree = free;
        } catch (UpstreamException | JacksonException e) {
            vramTotal = vramFree = Double.NaN;
            log.debug("channel {}: /system_stats unreadable: {}", channel, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            fetchedAt = System.nanoTime();
            fetching.set(false);
        }
    }
}
