package dev.vidgate.engine.relay;

import dev.vidgate.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Which channel a job goes to first: priority, then weight; model filters. */
class ChannelRouterTest {
    @TempDir
    Path dir;

    private final Watchdog watchdog = new Watchdog();
    private final List<Channel> made = new ArrayList<>();

    @AfterEach
    void close() {
        made.forEach(Channel::close);
        watchdog.close();
    }

    private Channel channel(String name, int priority, int weight, Map<String, String> models) {
        ChannelSettings settings = ChannelSettings.of(name, URI.create("http://127.0.0.1:9/v1"), null, Flavour.OPENAI)
                .withRouting(priority, weight).withModels(models);
        RelaySettings relay = RelaySettings.defaults(List.of(settings), dir);
        Channel channel = new Channel(settings, relay, watchdog, new TestClock(), RelayMetrics.NONE);
        made.add(channel);
        return channel;
    }

    @Test
    void equalPrioritiesShareTheFirstPlaceByWeight() {
        Channel heavy = channel("heavy", 0, 3, Map.of());
        Channel light = channel("light", 0, 1, Map.of());
        ChannelRouter router = new ChannelRouter(List.of(light, heavy), RandomGenerator.of("L64X128MixRandom"));
        Map<String, Integer> firsts = new HashMap<>();
        int rounds = 8000;
        for (int i = 0; i < rounds; i++) {
            List<Channel> order = router.order("sora-2");
            assertThat(order).hasSize(2);
            firsts.merge(order.getFirst().name(), 1, Integer::sum);
        }
        assertThat(firsts.get("heavy") / (double) rounds).isCloseTo(0.75, within(0.03));
    }

    @Test
    void aHigherPriorityAlwaysComesFirstWhateverTheWeights() {
        Channel preferred = channel("preferred", 5, 1, Map.of());
        Channel fallback = channel("fallback", 0, 100, Map.of());
        ChannelRouter router = new ChannelRouter(List.of(fallback, preferred), RandomGenerator.of("L64X128MixRandom"));
        for (int i = 0; i < 200; i++) {
            assertThat(router.order("sora-2")).extracting(Channel::name).containsExactly("preferred", "fallback");
        }
    }

    @Test
    void onlyChannelsThatServeTheModelAreOffered() {
        Channel pro = channel("pro", 0, 1, Map.of("sora-2-pro", "sora-2-pro"));
        Channel all = channel("all", 0, 1, Map.of());
        ChannelRouter router = new ChannelRouter(List.of(pro, all), RandomGenerator.of("L64X128MixRandom"));
        assertThat(router.order("sora-2")).extracting(Channel::name).containsExactly("all");
        assertThat(router.order("sora-2-pro")).extracting(Channel::name).containsExactlyInAnyOrder("pro", "all");
        assertThat(router.anyServes("veo-3")).isTrue(); // "all" passes any model through
        assertThat(new ChannelRouter(List.of(pro), RandomGenerator.getDefault()).anyServes("sora-2")).isFalse();
    }
}
