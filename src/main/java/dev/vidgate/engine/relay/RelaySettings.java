package dev.vidgate.engine.relay;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * How the relay engine works, across its channels.
 *
 * @param name                 the engine's name, which the model catalog routes to (usually {@code relay})
 * @param channels             the upstreams, at least one, with unique names
 * @param workDir              scratch space for downloads (emptied at start)
 * @param pollInterval         the shortest gap between two polls of one upstream job
 * @param maxPollInterval      the longest gap: every tracked job is refreshed at least this often
 * @param jobTimeout           an upstream job not finished this long after it was created fails
 * @param unknownStatusTimeout an upstream status we do not know is treated as "in progress" this long
 * @param maxVideoBytes        larger upstream videos are refused (and never stored whole in memory)
 * @param downloadTimeout      for one whole download, headers to last byte
 * @param circuitFailures      consecutive failed requests that open a channel's circuit
 * @param circuitCooldown      how long an open circuit skips its channel before one trial request
 * @param submitWait           how long a create waits for a channel with room (all full or failing)
 */
public record RelaySettings(String name, List<ChannelSettings> channels, Path workDir, Duration pollInterval,
                            Duration maxPollInterval, Duration jobTimeout, Duration unknownStatusTimeout,
                            long maxVideoBytes, Duration downloadTimeout, int circuitFailures,
                            Duration circuitCooldown, Duration submitWait) {

    public RelaySettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(workDir, "workDir");
        channels = List.copyOf(channels);
        if (channels.isEmpty()) throw new IllegalArgumentException("the relay needs at least one channel");
        var names = new HashSet<String>();
        for (ChannelSettings c : channels) {
            if (!names.add(c.name())) throw new IllegalArgumentException("two channels are named " + c.name());
        }
        if (pollInterval.isNegative() || pollInterval.isZero() || maxPollInterval.compareTo(pollInterval) < 0) {
            throw new IllegalArgumentException("poll intervals must be positive, the maximum at least the minimum");
        }
        if (maxVideoBytes < 1024 || circuitFailures < 1) {
            throw new IllegalArgumentException("max video bytes must be at least 1 KiB and circuit failures at least 1");
        }
    }

    /** Production defaults around the given channels. */
    public static RelaySettings defaults(List<ChannelSettings> channels, Path workDir) {
        return new RelaySettings("relay", channels, workDir, Duration.ofSeconds(1), Duration.ofSeconds(4),
                Duration.ofHours(1), Duration.ofMinutes(10), 512L * 1024 * 1024, Duration.ofMinutes(10), 5,
                Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    public RelaySettings withPolling(Duration pollInterval, Duration maxPollInterval) {
        return new RelaySettings(name, channels, workDir, pollInterval, maxPollInterval, jobTimeout, unknownStatusTimeout,
                maxVideoBytes, downloadTimeout, circuitFailures, circuitCooldown, submitWait);
    }

    public RelaySettings withDeadlines(Duration jobTimeout, Duration unknownStatusTimeout, Duration submitWait) {
        return new RelaySettings(name, channels, workDir, pollInterval, maxPollInterval, jobTimeout, unknownStatusTimeout,
                maxVideoBytes, downloadTimeout, circuitFailures, circuitCooldown, submitWait);
    }

    public RelaySettings withDownloads(long maxVideoBytes, Duration downloadTimeout) {
        return new RelaySettings(name, channels, workDir, pollInterval, maxPollInterval, jobTimeout, unknownStatusTimeout,
                maxVideoBytes, downloadTimeout, circuitFailures, circuitCooldown, submitWait);
    }

    public RelaySettings withCircuit(int circuitFailures, Duration circuitCooldown) {
        return new RelaySettings(name, channels, workDir, pollInterval, maxPollInterval, jobTimeout, unknownStatusTimeout,
                maxVideoBytes, downloadTimeout, circuitFailures, circuitCooldown, submitWait);
    }
}
