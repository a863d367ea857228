package dev.vidgate.app;

import dev.vidgate.engine.builtin.encode.H264Library;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Every {@code vidgate.*} setting, validated at start. Each can also be set from the environment
 * ({@code vidgate.data-dir} as {@code VIDGATE_DATA_DIR}, and so on). README's configuration
 * reference lists them.
 */
@ConfigurationProperties("vidgate")
public record VidgateProperties(
        @DefaultValue("./data") Path dataDir,
        String bootstrapKey,
        String adminKey,
        @DefaultValue("24h") Duration retention,
        @DefaultValue("2") int maxConcurrentPerKey,
        @DefaultValue("0") int workerSlots,
        @DefaultValue("0") int renderThreads,
        @DefaultValue("auto") String openh264,
        @DefaultValue("1s") Duration pollAfter,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("1m") Duration expirySweepInterval,
        @DefaultValue("false") boolean remoteReferences,
        @DefaultValue("3") int maxAttempts,
        String nodeId,
        @DefaultValue("api,worker") String roles,
        @DefaultValue StorageProperties storage,
        @DefaultValue("builtin") String engine,
        Map<String, String> modelEngines,
        @DefaultValue RelayProperties relay,
        String publicUrl) {

    public VidgateProperties {
        require(dataDir != null && !dataDir.toString().isBlank(), "vidgate.data-dir (VIDGATE_DATA_DIR) must name a directory");
        require(bootstrapKey == null || bootstrapKey.length() >= 20,
                "vidgate.bootstrap-key (VIDGATE_BOOTSTRAP_KEY) must be at least 20 characters long");
        require(adminKey == null || adminKey.length() >= 20,
                "vidgate.admin-key (VIDGATE_ADMIN_KEY) must be at least 20 characters long");
        require(bootstrapKey == null || !bootstrapKey.equals(adminKey),
                "vidgate.admin-key (VIDGATE_ADMIN_KEY) must differ from vidgate.bootstrap-key");
        positive(retention, "vidgate.retention (VIDGATE_RETENTION)");
        require(maxConcurrentPerKey >= 1, "vidgate.max-concurrent-per-key (VIDGATE_MAX_CONCURRENT_PER_KEY) must be at least 1");
        require(workerSlots >= 0, "vidgate.worker-slots (VIDGATE_WORKER_SLOTS) must be 0 (one per core) or more");
        require(renderThreads >= 0, "vidgate.render-threads (VIDGATE_RENDER_THREADS) must be 0 (one per core) or more");
        require(H264Library.parse(openh264) != null, "vidgate.openh264 (VIDGATE_OPENH264) must be auto, bundled or system, not '"
                + openh264 + "'");
        positive(pollAfter, "vidgate.poll-after (VIDGATE_POLL_AFTER)");
        require(lease != null && lease.compareTo(Duration.ofSeconds(5)) >= 0, "vidgate.lease (VIDGATE_LEASE) must be at least 5s");
        positive(expirySweepInterval, "vidgate.expiry-sweep-interval (VIDGATE_EXPIRY_SWEEP_INTERVAL)");
        require(maxAttempts >= 1, "vidgate.max-attempts (VIDGATE_MAX_ATTEMPTS) must be at least 1");
        NodeRoles.parse(roles);
        require(engine != null && !engine.isBlank(), "vidgate.engine (VIDGATE_ENGINE) must name an engine: builtin or relay");
        modelEngines = modelEngines == null ? Map.of() : Map.copyOf(modelEngines);
        publicAddress(publicUrl);
    }

    /**
     * {@code vidgate.public-url}: this gateway's address as providers reach it (for their callbacks and the images they
     * fetch by URL), or {@code null} when unset.
     */
    public java.net.URI publicAddress() {
        return publicAddress(publicUrl);
    }

    private static java.net.URI publicAddress(String raw) {
        if (raw == null || raw.isBlank()) return null;
        String key = "vidgate.public-url (VIDGATE_PUBLIC_URL)";
        try {
            java.net.URI uri = new java.net.URI(raw.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            require((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getRawQuery() == null
                    && uri.getRawFragment() == null && uri.getRawUserInfo() == null,
                    key + " must be an http:// or https:// URL with a host and nothing after the path, such as "
                            + "https://videos.example.com; got '" + raw + "'");
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(key + " is not a valid URL: '" + raw + "'");
        }
    }

    /** Where the file-system content store keeps videos. */
    Path contentDir() {
        return storage.contentDir() != null ? storage.contentDir() : dataDir.resolve("content");
    }

    boolean runsWorkers() {
        return NodeRoles.parse(roles).contains(NodeRoles.Role.WORKER);
    }

    int effectiveWorkerSlots() {
        return workerSlots > 0 ? workerSlots : Runtime.getRuntime().availableProcessors();
    }

    H264Library h264Library() {
        return H264Library.parse(openh264);
    }

    int effectiveRenderThreads() {
        return renderThreads > 0 ? renderThreads : Runtime.getRuntime().availableProcessors();
    }

    static void positive(Duration d, String key) {
        require(d != null && !d.isNegative() && !d.isZero(), key + " must be a positive duration such as 30s or 24h");
    }

    static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
