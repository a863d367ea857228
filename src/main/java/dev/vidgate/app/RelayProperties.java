package dev.vidgate.app;

import dev.vidgate.engine.relay.ApiKey;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.Provider;
import dev.vidgate.engine.relay.RelaySettings;
import dev.vidgate.catalog.DurationPolicy;
import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.catalog.ModelRoute;
import dev.vidgate.catalog.ModelSpec;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code vidgate.relay.*}: the upstream channels of the relay engine and how it polls them. Read
 * as written, then checked by {@link #toSettings}, whose messages name the offending key.
 */
public record RelayProperties(
        List<ChannelProperties> channels,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("4s") Duration maxPollInterval,
        @DefaultValue("60m") Duration jobTimeout,
        @DefaultValue("10m") Duration unknownStatusTimeout,
        @DefaultValue("512MB") DataSize maxVideoSize,
        @DefaultValue("10m") Duration downloadTimeout,
        @DefaultValue("5") int circuitFailures,
        @DefaultValue("30s") Duration circuitCooldown,
        @DefaultValue("60s") Duration submitWait) {

    private static final String PREFIX = "vidgate.relay.";
    /** The name of the relay engine, which models name as their engine. */
    static final String ENGINE = "relay";

    /** One {@code vidgate.relay.channels[i]} entry. */
    public record ChannelProperties(String name, String baseUrl, String apiKey, String apiKeyEnv, String flavour,
                                    List<String> models, @DefaultValue("0") int priority, @DefaultValue("1") int weight,
                                    Integer maxInFlight, @DefaultValue("50") double requestsPerSecond,
                                    @DefaultValue("32") int maxConnections, @DefaultValue("5s") Duration connectTimeout,
                                    @DefaultValue("30s") Duration requestTimeout, String apiVersion, Boolean idempotencyKeys,
                                    String project, String location, Map<String, String> options,
                                    String durationPolicy) {

        /** The adapter options: {@code options.*} with {@code project} and {@code location} (Vertex's own keys) folded in. */
        Map<String, String> adapterOptions() {
            Map<String, String> all = new LinkedHashMap<>();
            if (options != null) options.forEach((k, v) -> all.put(k.trim(), v == null ? "" : v.trim()));
            if (project != null) all.put("project", project.trim());
            if (location != null) all.put("location", location.trim());
            return all;
        }
    }

    boolean configured() {
        return channels != null && !channels.isEmpty();
    }

    /**
     * The engine's settings, with every key checked.
     *
     * @param env     reads an environment variable (for {@code api-key-env})
     * @param catalog the models a channel's {@code models} may name (aliases map like their model)
     */
    RelaySettings toSettings(Path workDir, Function<String, String> env, ModelCatalog catalog) {
        return toSettings(workDir, env, catalog, Providers.all());
    }

    /** As above, choosing each channel's flavour among {@code providers}. */
    RelaySettings toSettings(Path workDir, Function<String, String> env, ModelCatalog catalog, List<Provider> providers) {
        positive(pollInterval, "poll-interval");
        positive(maxPollInterval, "max-poll-interval");
        require(maxPollInterval.compareTo(pollInterval) >= 0, key("max-poll-interval") + " must be at least " + key("poll-interval"));
        positive(jobTimeout, "job-timeout");
        positive(unknownStatusTimeout, "unknown-status-timeout");
        positive(downloadTimeout, "download-timeout");
        positive(circuitCooldown, "circuit-cooldown");
        positive(submitWait, "submit-wait");
        require(maxVideoSize != null && maxVideoSize.toBytes() >= 1024 * 1024, key("max-video-size") + " must be at least 1MB");
        require(circuitFailures >= 1, key("circuit-failures") + " must be at least 1");
        List<ChannelSettings> built = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < channels.size(); i++) {
            ChannelSettings channel = channel(i, channels.get(i), env, catalog, providers);
            require(names.add(channel.name()), key("channels[" + i + "].name") + " repeats the channel name " + channel.name());
            built.add(channel);
        }
        return new RelaySettings(ENGINE, built, workDir, pollInterval, maxPollInterval, jobTimeout, unknownStatusTimeout,
                maxVideoSize.toBytes(), downloadTimeout, circuitFailures, circuitCooldown, submitWait);
    }

    private static ChannelSettings channel(int i, ChannelProperties c, Function<String, String> env, ModelCatalog catalog,
                                           List<Provider> providers) {
        String at = "channels[" + i + "].";
        require(c != null, key("channels[" + i + "]") + " is empty");
        require(c.name() != null && c.name().matches("[a-z0-9][a-z0-9_-]{0,39}"), key(at + "name")
                + " must be 1 to 40 lowercase letters, digits, '-' or '_', starting with a letter or digit");
        String wanted = flavourName(c);
        Provider flavour = providers.stream().filter(p -> p.wireName().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(key(at + "flavour") + " must be one of "
                        + providers.stream().map(Provider::wireName).collect(Collectors.joining(", ")) + "; got '" + c.flavour() + "'"));
        URI base = c.baseUrl() == null && flavour.defaultBaseUrl().isPresent() ? flavour.defaultBaseUrl().get()
                : baseUrl(c.baseUrl(), key(at + "base-url"));
        Map<String, String> options = c.adapterOptions();
        for (String option : options.keySet()) {
            require(flavour.options().contains(option), key(at + "options." + option) + " is not an option of the "
                    + flavour.wireName() + " flavour" + (flavour.options().isEmpty() ? ", which takes none"
                    : "; it takes " + flavour.options().stream().sorted().collect(Collectors.joining(", "))));
        }
        require(c.apiKey() == null || c.apiKeyEnv() == null, key(at + "api-key") + " and " + key(at + "api-key-env")
                + " are both set; use one (api-key-env keeps the key out of the configuration)");
        String secret = c.apiKey();
        if (c.apiKeyEnv() != null) {
            secret = env.apply(c.apiKeyEnv().trim());
            require(secret != null && !secret.isBlank(), key(at + "api-key-env") + " names the environment variable "
                    + c.apiKeyEnv().trim() + ", which is not set");
        }
        require(c.weight() >= 1, key(at + "weight") + " must be at least 1");
        int maxInFlight = c.maxInFlight() != null ? c.maxInFlight() : flavour.defaultMaxInFlight();
        require(maxInFlight >= 1, key(at + "max-in-flight") + " must be at least 1");
        require(c.requestsPerSecond() > 0, key(at + "requests-per-second") + " must be positive");
        require(c.maxConnections() >= 1, key(at + "max-connections") + " must be at least 1");
        positive(c.connectTimeout(), at + "connect-timeout");
        positive(c.requestTimeout(), at + "request-timeout");
        boolean idempotent = c.idempotencyKeys() != null ? c.idempotencyKeys() : flavour.idempotentByDefault();
        ChannelSettings settings = new ChannelSettings(c.name(), base, ApiKey.of(secret), flavour,
                models(c.models(), key(at + "models"), catalog), c.priority(), c.weight(), maxInFlight, c.requestsPerSecond(),
                c.maxConnections(), c.connectTimeout(), c.requestTimeout(), blankToNull(c.apiVersion()), idempotent, options);
        try {
            flavour.check(settings);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("vidgate.relay." + at + e.getMessage(), null);
        }
        return settings;
    }

    /**
     * {@code catalog} with every relay model bounded by what its channels send it as ({@link ModelCatalog#routed}): a
     * channel's {@code models} entry {@code ours=theirs} is a route to {@code theirs}; a channel that lists no models
     * routes every model to itself. Models on other engines stay. Called before {@link #servedOnly}, so that a target
     * no channel lists by our name is still found.
     */
    ModelCatalog routed(ModelCatalog catalog) {
        return routed(catalog, Providers.all());
    }

    /** As above, with each channel's flavour among {@code providers} (a flavour that cannot edit takes the video input away). */
    ModelCatalog routed(ModelCatalog catalog, List<Provider> providers) {
        if (!configured()) return catalog;
        List<ModelRoute> routes = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            ChannelProperties c = channels.get(i);
            if (c == null) continue; // toSettings names it
            DurationPolicy policy = durationPolicy(c.durationPolicy(), key("channels[" + i + "].duration-policy"));
            String wanted = flavourName(c);
            boolean footage = providers.stream().filter(p -> p.wireName().equals(wanted)).findFirst()
                    .map(Provider::editsVideos).orElse(true); // an unknown flavour: toSettings names it
            List<String> entries = c.models() == null ? List.of() : c.models().stream().filter(e -> e != null && !e.isBlank()).toList();
            if (entries.isEmpty()) catalog.models().forEach(m -> routes.add(new ModelRoute(m.name(), m.name(), policy, footage)));
            for (String entry : entries) {
                String[] parts = entry.split("=", 2);
                String ours = parts[0].trim();
                String theirs = parts.length == 2 ? parts[1].trim() : ours;
                if (catalog.find(ours).isPresent()) routes.add(new ModelRoute(ours, theirs, policy, footage)); // else toSettings names it
            }
        }
        try {
            return catalog.routed(routes.stream().filter(r -> catalog.find(r.model()).orElseThrow().engine().equals(ENGINE)).toList());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PREFIX + "channels[i].models: " + e.getMessage()
                    + "; route it to models that share a size and a duration");
        }
    }

    /** The flavour a channel names, {@code openai} when it names none. */
    private static String flavourName(ChannelProperties c) {
        return c.flavour() == null ? "openai" : c.flavour().trim().toLowerCase(Locale.ROOT);
    }

    private static DurationPolicy durationPolicy(String wire, String key) {
        if (wire == null || wire.isBlank()) return DurationPolicy.EXACT;
        return DurationPolicy.parse(wire.trim()).orElseThrow(() -> new IllegalArgumentException(
                key + " must be exact or nearest; got '" + wire + "'"));
    }

    /**
     * The catalog without the models of other providers than OpenAI that only {@code vidgate.engine=relay} sends to the
     * relay and that no channel lists: behind a relay, the gateway serves what its channels serve. A channel without
     * {@code models} serves every model; Sora models and models routed by {@code vidgate.model-engines} stay (and
     * must be listed, as before).
     */
    ModelCatalog servedOnly(ModelCatalog catalog, Set<String> routedExplicitly) {
        if (!configured()) return catalog;
        Set<String> listed = new HashSet<>();
        for (ChannelProperties c : channels) {
            if (c == null || c.models() == null || c.models().stream().allMatch(e -> e == null || e.isBlank())) return catalog;
            for (String entry : c.models()) {
                if (entry != null) catalog.find(entry.split("=", 2)[0].trim()).ifPresent(m -> listed.add(m.name()));
            }
        }
        routedExplicitly.forEach(name -> catalog.find(name).ifPresent(m -> listed.add(m.name())));
        return new ModelCatalog(catalog.models().stream()
                .filter(m -> m.isSora() || !m.engine().equals(ENGINE) || listed.contains(m.name())).toList());
    }

    /** {@code sora-2=their-name,sora-2-pro}: our model (and its aliases) to the upstream's name. */
    private static Map<String, String> models(List<String> entries, String key, ModelCatalog catalog) {
        Map<String, String> map = new LinkedHashMap<>();
        if (entries == null) return map;
        for (String entry : entries) {
            if (entry == null || entry.isBlank()) continue;
            String[] parts = entry.split("=", 2);
            String ours = parts[0].trim();
            String theirs = parts.length == 2 ? parts[1].trim() : ours;
            require(!theirs.isEmpty(), key + " maps " + ours + " to an empty name");
            ModelSpec model = catalog.find(ours).orElseThrow(() -> new IllegalArgumentException(key + " names '" + ours
                    + "', which is not a model of this gateway (" + catalog.models().stream().map(ModelSpec::name)
                    .collect(Collectors.joining(", ")) + ")"));
            if (ours.equals(model.name())) {
                map.put(model.name(), theirs);
                for (String alias : model.aliases()) map.putIfAbsent(alias, theirs);
            } else {
                map.put(ours, theirs);
            }
        }
        return map;
    }

    private static URI baseUrl(String raw, String key) {
        require(raw != null && !raw.isBlank(), key + " is required, e.g. https://api.example.com/v1");
        try {
            URI uri = new URI(raw.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            require((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null,
                    key + " must be an http:// or https:// URL with a host; got '" + raw + "'");
            require(uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null,
                    key + " must not carry a query, fragment or credentials (use api-key / api-key-env, api-version)");
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + " is not a valid URL: '" + raw + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static void positive(Duration d, String name) {
        require(d != null && !d.isNegative() && !d.isZero(), key(name) + " must be a positive duration such as 30s");
    }

    /** {@code vidgate.relay.channels[0].base-url (VIDGATE_RELAY_CHANNELS_0_BASE_URL)}. */
    static String key(String name) {
        String full = PREFIX + name;
        String envName = full.toUpperCase(Locale.ROOT).replace("[", "_").replace("]", "").replace('.', '_').replace('-', '_');
        return full + " (" + envName + ")";
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
