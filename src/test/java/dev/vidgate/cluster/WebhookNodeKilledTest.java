package dev.vidgate.cluster;

import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoSeconds;
import dev.vidgate.api.SdkClients;
import dev.vidgate.testsupport.NodeProcess;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestDatabases;
import dev.vidgate.testsupport.Waits;
import dev.vidgate.testsupport.WebhookReceiver;
import dev.vidgate.testsupport.WebhookReceiver.Fault;
import dev.vidgate.testsupport.WebhookReceiver.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two node processes on one PostgreSQL; the receiver takes the first delivery's connection and never answers, and the
 * node that sent it is killed with SIGKILL mid-delivery. After the delivery lease runs out, the other node sends the same
 * event again with the same {@code webhook-id}, and the receiver acknowledges it once.
 */
class WebhookNodeKilledTest {
    private static final Duration LEASE = Duration.ofSeconds(4);

    private ClusterNodes cluster;
    private WebhookReceiver receiver;

    @AfterEach
    void stop() {
        if (cluster != null) cluster.close();
        if (receiver != null) receiver.close();
    }

    @Test
    void aNodeKilledMidDeliveryLeavesTheEventToTheOtherNodeWhichSendsItWithTheSameWebhookIdAfterTheLease(@TempDir Path root)
            throws Exception {
        String url = TestDatabases.freshPostgresUrl();
        receiver = WebhookReceiver.start().then(Fault.HANG);
        cluster = new ClusterNodes(url, root, Map.of("vidgate.webhooks.timeout", "2s", "vidgate.webhooks.lease", LEASE.toSeconds() + "s"));
        cluster.addTogether("node-a", "node-b");
        NodeProcess first = cluster.nodes.getFirst();
        String key = ClusterNodes.createKey(first, "hooks");
        var endpoint = new RawHttp(first.baseUrl(), ClusterNodes.ADMIN_KEY).postJson("/admin/v1/webhooks",
                "{\"tenant\":\"hooks\",\"url\":\"" + receiver.url() + "\",\"allow_private\":true}");
        assertThat(endpoint.statusCode()).as(endpoint.body()).isEqualTo(200);

        String videoId = SdkClients.client(first.baseUrl(), key).videos().create(VideoCreateParams.builder()
                .prompt("a lighthouse at dusk").seconds(VideoSeconds._4).build()).id();

        Received hung = Waits.await("the first delivery's connection", Duration.ofSeconds(90), Duration.ofMillis(10))
                .until(receiver::received, r -> !r.isEmpty()).getFirst();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", "postgres"));
        String sender = jdbc.queryForObject("SELECT lease_owner FROM webhook_deliveries WHERE id = ?", String.class, hung.header("webhook-id"));
        NodeProcess victim = cluster.nodes.stream().filter(n -> n.name().equals(sender)).findFirst().orElseThrow();
        victim.kill();
        NodeProcess survivor = cluster.nodes.stream().filter(NodeProcess::isAlive).findFirst().orElseThrow();

        List<Received> all = Waits.await("the survivor's delivery", Duration.ofSeconds(30), Duration.ofMillis(50))
                .until(receiver::received, r -> r.size() >= 2);
        Received again = all.get(1);
        assertThat(hung.acknowledged()).isFalse();
        assertThat(hung.bodyText()).contains(videoId).contains("\"type\":\"video.completed\"");
        assertThat(again.header("webhook-id")).isEqualTo(hung.header("webhook-id"));
        assertThat(again.bodyText()).isEqualTo(hung.bodyText());
        assertThat(Duration.between(hung.at(), again.at())).as("sent again only once the lease ran out")
                .isGreaterThanOrEqualTo(LEASE.minusMillis(500));

        Waits.await("the delivery recorded as delivered", Duration.ofSeconds(10), Duration.ofMillis(50))
                .until(() -> jdbc.queryForMap("SELECT status, lease_owner FROM webhook_deliveries WHERE id = ?", hung.header("webhook-id")),
                        r -> "DELIVERED".equalsIgnoreCase(Objects.toString(r.get("status"))));
        assertThat(jdbc.queryForList("SELECT worker FROM webhook_attempts WHERE delivery_id = ?", String.class, hung.header("webhook-id")))
                .as("attempts recorded: the killed node recorded none").containsExactly(survivor.name());
        Waits.await("no further requests", Duration.ofSeconds(3), Duration.ofMillis(100)).during(Duration.ofSeconds(2))
                .until(() -> receiver.received().size() == 2);
        assertThat(receiver.acknowledged()).extracting(r -> r.header("webhook-id")).as("acknowledged deliveries per webhook-id")
                .containsExactly(hung.header("webhook-id"));
    }
}
