package dev.vidgate.api;

import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.TestServerExtension;
import dev.vidgate.testsupport.Waits;
import dev.vidgate.testsupport.WebhookReceiver;
import dev.vidgate.testsupport.WebhookReceiver.Received;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static dev.vidgate.testsupport.ApiAssertions.assertError;
import static dev.vidgate.testsupport.ApiCalls.json;
import static dev.vidgate.testsupport.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks through the whole server: {@code /v1/webhooks} for key holders (public addresses only), the admin API (which
 * alone may allow a private address), and a real job's {@code video.completed} reaching a receiver on 127.0.0.1.
 */
class WebhooksApiTest {
    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2();
    static final AdminCalls admin = new AdminCalls(server.http(TestServer.ADMIN_KEY));
    static final RawHttp http = server.http();
    static final WebhookReceiver receiver = WebhookReceiver.start();

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void aKeyHolderCannotPointAWebhookAtAPrivateAddressAndIsToldWhy() {
        for (String url : List.of(receiver.url(), "http://10.0.0.7/hook", "https://169.254.169.254/latest", "http://0x7f.1/hook",
                "https://[::1]/hook")) {
            var refused = http.postJson("/v1/webhooks", "{\"url\":\"" + url + "\"}");
            assertError(refused, 400, null, "url", "invalid_url");
            assertThat(json(refused).get("error").get("message").asString()).contains("private, loopback or link-local address");
        }
        assertError(http.postJson("/v1/webhooks", "{\"url\":\"ftp://example.com/x\"}"), 400, null, "url", "invalid_url");
        assertError(http.postJson("/v1/webhooks", "{\"url\":\"https://user:pw@example.com/x\"}"), 400, null, "url", "invalid_url");
        assertError(http.postJson("/v1/webhooks", "{}"), 400, null, "url", "invalid_url");
        assertError(http.postJson("/v1/webhooks", "{\"url\":\"https://8.8.8.8/x\",\"events\":[\"video.done\"]}"), 400, null, "events", "invalid_value");
        assertError(http.postJson("/v1/webhooks", "[1]"), 400, null, null, "invalid_json");
    }

    @Test
    void anEndpointIsShownWithItsSecretOnlyAtCreateAndRotateAndOnlyToItsOwnTenant() {
        JsonNode made = ok(http.postJson("/v1/webhooks", "{\"url\":\"https://8.8.8.8/hooks\",\"events\":[\"video.completed\"]}"));
        String id = made.get("id").asString();
        assertThat(id).startsWith("whep_");
        assertThat(made.get("secret").asString()).startsWith("whsec_");
        assertThat(made.get("events")).extracting(JsonNode::asString).containsExactly("video.completed");
        assertThat(made.get("allow_private").asBoolean()).isFalse();

        JsonNode shown = ok(http.get("/v1/webhooks/" + id));
        assertThat(shown.has("secret")).isFalse();
        assertThat(shown.get("secret_hint").asString()).endsWith(made.get("secret").asString().substring(made.get("secret").asString().length() - 4));
        assertThat(ok(http.get("/v1/webhooks")).get("data")).extracting(e -> e.get("id").asString()).contains(id);
        JsonNode rotated = ok(http.postJson("/v1/webhooks/" + id + "/rotate", ""));
        assertThat(rotated.get("secret").asString()).startsWith("whsec_").isNotEqualTo(made.get("secret").asString());

        RawHttp stranger = new RawHttp(server.baseUrl(), admin.fundedKey("stranger", 1_000_000, ""));
        assertError(stranger.get("/v1/webhooks/" + id), 404, null, "id", "not_found");
        assertError(stranger.delete("/v1/webhooks/" + id), 404, null, "id", "not_found");
        assertThat(ok(stranger.get("/v1/webhooks")).get("data")).isEmpty();

        assertThat(ok(http.delete("/v1/webhooks/" + id)).get("deleted").asBoolean()).isTrue();
        assertError(http.get("/v1/webhooks/" + id), 404, null, "id", "not_found");
    }

    @Test
    void aFinishedVideoReachesAReceiverTheAdminAllowedOnLoopbackAndCanBeRedelivered() {
        assertError(admin.http().postJson("/admin/v1/webhooks", "{\"tenant\":\"default\",\"url\":\"" + receiver.url() + "\"}"),
                400, null, "url", "invalid_url");
        JsonNode made = ok(admin.http().postJson("/admin/v1/webhooks",
                "{\"tenant\":\"default\",\"url\":\"" + receiver.url() + "\",\"allow_private\":true}"));
        String endpoint = made.get("id").asString();

        String video = ok(http.postJson("/v1/videos", "{\"prompt\":\"a lighthouse at dusk\",\"seconds\":\"4\"}")).get("id").asString();

        Received r = Waits.await("the webhook of " + video, Waits.RENDER, Duration.ofMillis(100))
                .until(() -> receiver.received().stream().filter(x -> x.bodyText().contains(video)).toList(), l -> !l.isEmpty()).getFirst();
        assertThat(r.bodyText()).contains("\"type\":\"video.completed\"");
        WebhookReceiver.verify(r, made.get("secret").asString());
        JsonNode page = Waits.await("the delivery logged", Duration.ofSeconds(30), Duration.ofMillis(100))
                .until(() -> ok(admin.http().get("/admin/v1/webhooks/" + endpoint + "/deliveries")),
                        p -> p.get("data").size() == 1 && p.get("data").get(0).get("status").asString().equals("delivered"));
        JsonNode delivery = page.get("data").get(0);
        assertThat(delivery.get("id").asString()).isEqualTo(r.header("webhook-id"));
        assertThat(delivery.get("attempts").get(0).get("status_code").asInt()).isEqualTo(200);

        ok(admin.http().postJson("/admin/v1/webhooks/" + endpoint + "/deliveries/" + delivery.get("id").asString() + "/redeliver", ""));

        Waits.await("the redelivery", Duration.ofSeconds(30), Duration.ofMillis(100))
                .until(() -> receiver.received().stream().filter(x -> r.header("webhook-id").equals(x.header("webhook-id"))).count() == 2);
        JsonNode disabled = ok(admin.http().postJson("/admin/v1/webhooks/" + endpoint, "{\"enabled\":false}"));
        assertThat(disabled.get("enabled").asBoolean()).isFalse();
        assertThat(ok(admin.http().get("/admin/v1/webhooks?tenant=default")).get("data")).extracting(e -> e.get("id").asString()).contains(endpoint);
    }
}
