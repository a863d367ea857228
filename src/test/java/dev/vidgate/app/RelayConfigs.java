package dev.vidgate.app;

import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.engine.relay.ChannelSettings;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Relay configuration as Spring would bind it, with the documented defaults: one place for every test that reads it. */
final class RelayConfigs {
    private RelayConfigs() {}

    /** A channel with the defaults of everything not given. */
    static RelayProperties.ChannelProperties channel(String name, String baseUrl, String apiKey, String apiKeyEnv, String flavour,
                                                     List<String> models) {
        return channel(name, baseUrl, apiKey, apiKeyEnv, flavour, models, null);
    }

    /** As above, with a {@code duration-policy}. */
    static RelayProperties.ChannelProperties channel(String name, String baseUrl, String apiKey, String apiKeyEnv, String flavour,
                                                     List<String> models, String durationPolicy) {
        return new RelayProperties.ChannelProperties(name, baseUrl, apiKey, apiKeyEnv, flavour, models, 0, 1, 100, 50, 32,
                Duration.ofSeconds(5), Duration.ofSeconds(30), null, null, null, null, null, durationPolicy);
    }

    /** A channel of an adapter flavour with its own keys ({@code project}, {@code location}, {@code options.*}). */
    static RelayProperties.ChannelProperties adapterChannel(String name, String apiKey, String flavour, List<String> models,
                                                            String project, String location, Map<String, String> options) {
        return new RelayProperties.ChannelProperties(name, null, apiKey, null, flavour, models, 0, 1, 100, 50, 32,
                Duration.ofSeconds(5), Duration.ofSeconds(30), null, null, project, location, options, null);
    }

    /** The relay with the default polling, limits and deadlines around {@code channels}. */
    static RelayProperties relay(RelayProperties.ChannelProperties... channels) {
        return new RelayProperties(List.of(channels), Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofMinutes(60),
                Duration.ofMinutes(10), DataSize.ofMegabytes(512), Duration.ofMinutes(10), 5, Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    /** The one channel's settings, read with no environment variables and the shipped catalog. */
    static ChannelSettings read(Path workDir, RelayProperties.ChannelProperties channel) {
        return relay(channel).toSettings(workDir, Map.<String, String>of()::get, ModelCatalog.defaults("relay")).channels().getFirst();
    }
}
