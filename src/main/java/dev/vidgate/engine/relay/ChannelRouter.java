package dev.vidgate.engine.relay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The order in which channels are tried for a model: higher priority first; among equal priorities
 * a weighted random order (a channel of weight 3 comes first three times as often as one of weight 1),
 * so load spreads by weight while a failure still falls through to every other channel.
 */
final class ChannelRouter {
    private final List<Channel> channels;
    private final RandomGenerator random;

    ChannelRouter(List<Channel> channels, RandomGenerator random) {
        this.channels = List.copyOf(channels);
        this.random = random;
    }

    /** Every channel that serves {@code model}, in the order to try them. */
    List<Channel> order(String model) {
        record Ranked(Channel channel, double key) {}
        List<Ranked> ranked = new ArrayList<>();
        for (Channel c : channels) {
            if (!c.serves(model)) continue;
            // Efraimidis-Spirakis: sorting by U^(1/w) descending is a weighted random permutation
            double u = random.nextDouble();
            ranked.add(new Ranked(c, Math.log(u == 0 ? Double.MIN_VALUE : u) / c.settings().weight()));
        }
        ranked.sort(Comparator.comparingInt((Ranked r) -> -r.channel().settings().priority())
                .thenComparing(Comparator.comparingDouble(Ranked::key).reversed()));
        return ranked.stream().map(Ranked::channel).toList();
    }

    boolean anyServes(String model) {
        return channels.stream().anyMatch(c -> c.serves(model));
    }
}
