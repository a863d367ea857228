package dev.vidgate.app;

import dev.vidgate.common.LoopErrors;
import dev.vidgate.engine.ChannelStatus;
import dev.vidgate.engine.Engine;
import dev.vidgate.engine.relay.RelayMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The upstream meters: the latency of every request per channel and outcome ({@code vidgate.upstream.requests}), and
 * each channel's circuit state ({@code vidgate.upstream.circuit}: 1 for the state it is in, 0 for the others), and what
 * an upstream reports of itself ({@code vidgate.upstream.figure}, tagged with the figure's name: a ComfyUI server's VRAM).
 */
final class RelayMeters implements RelayMetrics {
    private static final List<String> CIRCUIT_STATES = List.of("closed", "open", "half_open");

    private final MeterRegistry registry;
    private final LoopErrors loops;

    RelayMeters(MeterRegistry registry, LoopErrors loops) {
        this.registry = registry;
        this.loops = loops;
    }

    @Override
    public void request(String channel, boolean ok, long nanos) {
        JobMeters.timer("vidgate.upstream.requests", "requests to an upstream channel", Duration.ofMinutes(2))
                .tags("channel", channel, "outcome", ok ? "success" : "failure")
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void caught(String loop) {
        loops.caught(loop);
    }

    /** Registers the circuit gauges of every channel {@code engine} sends work to. */
    void watchCircuits(Engine engine) {
        for (ChannelStatus channel : engine.channels()) {
            for (String state : CIRCUIT_STATES) {
                Gauge.builder("vidgate.upstream.circuit", () -> circuitOf(engine, channel.name()).equals(state) ? 1 : 0)
                        .description("1 for the circuit state the channel is in").tags("channel", channel.name(), "state", state)
                        .register(registry);
            }
            for (String figure : channel.figures().keySet()) {
                Gauge.builder("vidgate.upstream.figure", () -> figureOf(engine, channel.name(), figure))
                        .description("what the upstream reports of itself (NaN while unknown)").tags("channel", channel.name(), "figure", figure)
                        .register(registry);
            }
        }
    }

    private static double figureOf(Engine engine, String channel, String figure) {
        return engine.channels().stream().filter(c -> c.name().equals(channel)).map(c -> c.figures().getOrDefault(figure, Double.NaN))
                .findFirst().orElse(Double.NaN);
    }

    private static String circuitOf(Engine engine, String channel) {
        return engine.channels().stream().filter(c -> c.name().equals(channel)).map(ChannelStatus::circuit).findFirst().orElse("");
    }
}
