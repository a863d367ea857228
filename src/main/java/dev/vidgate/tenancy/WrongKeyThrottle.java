package dev.vidgate.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import dev.vidgate.common.ApiException;
import dev.vidgate.common.ClockedCaches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Slows down key guessing: once a client address has sent {@code maxFailures} wrong keys within
 * {@code window}, every request from it is refused with 429 (whatever key it carries, the right one
 * included) until enough of those failures are older than the window; each then frees room for one
 * more try. A refused request does not count, and a right key does not wipe the slate, so guessing
 * never goes faster than {@code maxFailures} per window. IPv6 clients count per /64, the block one
 * subscriber usually holds. Counted on each node on its own, in a bounded table that forgets quiet
 * addresses after one window.
 */
public final class WrongKeyThrottle {
    private static final Logger log = LoggerFactory.getLogger(WrongKeyThrottle.class);
    private static final int MAX_ADDRESSES = 100_000;
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private final InstantSource clock;
    private final int maxFailures;
    private final Duration window;
    private final Cache<String, SlidingWindow> failures;

    /** @param maxFailures wrong keys an address may send per {@code window}; 0 turns the throttle off */
    public WrongKeyThrottle(InstantSource clock, int maxFailures, Duration window) {
        if (maxFailures < 0) throw new IllegalArgumentException("maxFailures must not be negative");
        if (window.compareTo(Duration.ofSeconds(1)) < 0) throw new IllegalArgumentException("window must be at least 1s");
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.failures = ClockedCaches.bounded(clock, MAX_ADDRESSES).expireAfterAccess(window).build();
    }

    /** Throws the 429 while {@code address} has used up its wrong keys for now. */
    public void refuseIfBlocked(String address) {
        if (maxFailures == 0) return;
        SlidingWindow counted = failures.getIfPresent(group(address));
        if (counted == null) return;
        counted.whenRoom(clock.millis(), maxFailures).ifPresent(wait -> {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new ApiException(429, "requests", "Too many requests with an incorrect API key from your address: "
                    + maxFailures + " per " + describe(window) + ". Please try again in " + seconds + "s.",
                    null, "rate_limit_exceeded", seconds);
        });
    }

    /** Counts a wrong key sent from {@code address}. */
    public void recordFailure(String address) {
        if (maxFailures == 0) return;
        String group = group(address);
        SlidingWindow counted = failures.get(group, g -> new SlidingWindow(window));
        long now = clock.millis();
        counted.add(now);
        if (counted.used(now) == maxFailures) {
            log.warn("{} sent {} wrong API keys within {}; its requests are refused for now", group, maxFailures, describe(window));
        }
    }

    /** The address itself for IPv4, its /64 for IPv6; anything unparsable as it is. */
    static String group(String address) {
        if (address == null) return "";
        if (address.indexOf(':') < 0) return address;
        String literal = address.replaceFirst("%.*$", ""); // a link-local address's zone
        if (!IPV6_LITERAL.matcher(literal).matches()) return address; // so that getByName never asks DNS
        try {
            InetAddress parsed = InetAddress.getByName(literal);
            if (!(parsed instanceof Inet6Address)) return parsed.getHostAddress();
            byte[] prefix = Arrays.copyOf(Arrays.copyOf(parsed.getAddress(), 8), 16);
            return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
        } catch (IllegalArgumentException | java.net.UnknownHostException e) {
            return address;
        }
    }

    private static String describe(Duration d) {
        long s = d.toSeconds();
        if (s % 3600 == 0) return (s / 3600) + "h";
        if (s % 60 == 0) return (s / 60) + "m";
        return s + "s";
    }
}
