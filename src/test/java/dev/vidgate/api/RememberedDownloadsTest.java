package dev.vidgate.api;

import dev.vidgate.storage.ContentStore;
import dev.vidgate.tenancy.KeyChanges;
import dev.vidgate.tenancy.KeyStore;
import dev.vidgate.testsupport.ApiCalls;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.TestServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;

import static dev.vidgate.testsupport.ApiAssertions.assertError;
import static dev.vidgate.testsupport.ApiAssertions.assertRequestId;
import static dev.vidgate.testsupport.ApiCalls.json;
import static dev.vidgate.testsupport.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Downloads served from what the node remembers (the caller's key, the completed video) answer as the database would:
 * other tenants, disabled keys, deleted and expired videos and files gone underneath are refused in the error envelope.
 * The test that moves the clock a day on runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RememberedDownloadsTest {
    static final TestClock clock = new TestClock();
    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2().clock(clock);
    static final RawHttp http = server.http();
    static final AdminCalls admin = new AdminCalls(server.http(TestServer.ADMIN_KEY));
    static String kept;
    static String doomed;

    @BeforeAll
    static void twoCompletedVideos() {
        kept = json(http.postJson("/v1/videos", "{\"prompt\":\"a harbour at noon\"}")).get("id").asString();
        doomed = json(http.postJson("/v1/videos", "{\"prompt\":\"a meadow in the wind\"}")).get("id").asString();
        ApiCalls.awaitCompleted(http, kept);
        ApiCalls.awaitCompleted(http, doomed);
    }

    private static HttpResponse<byte[]> download(RawHttp as, String id, String query) {
        return as.getBytes("/v1/videos/" + id + "/content" + query);
    }

    private static HttpResponse<String> asText(RawHttp as, String id, String query) {
        return as.get("/v1/videos/" + id + "/content" + query);
    }

    @Test
    @Order(1)
    void anotherTenantsKeyGetsNotFoundWhileTheOwnersDownloadIsRemembered() {
        assertThat(download(http, kept, "").statusCode()).isEqualTo(200);
        var stranger = new RawHttp(server.baseUrl(), admin.fundedKey("strangers", 0, ""));
        var answer = asText(stranger, kept, "");
        assertError(answer, 404, null, "video_id", "not_found");
        assertRequestId(answer);
    }

    @Test
    @Order(2)
    void aKeyDisabledOnAnotherNodeStopsDownloadingWithinTenSecondsAndOneDisabledHereAtOnce() {
        JsonNode created = admin.key("default", "");
        var user = new RawHttp(server.baseUrl(), created.get("secret").asString());
        assertThat(download(user, kept, "").statusCode()).isEqualTo(200);

        // another node's operator writes the database only: this node trusts what it remembers for at most 10 s
        server.bean(KeyStore.class).updateKey(created.get("id").asString(), KeyChanges.none().withDisabled(true));
        clock.advance(Duration.ofSeconds(11));
        assertError(asText(user, kept, ""), 401, null, null, "invalid_api_key");

        JsonNode other = admin.key("default", "");
        var second = new RawHttp(server.baseUrl(), other.get("secret").asString());
        assertThat(download(second, kept, "").statusCode()).isEqualTo(200);
        ok(admin.http().postJson("/admin/v1/keys/" + other.get("id").asString(), "{\"disabled\":true}"));
        assertError(asText(second, kept, ""), 401, null, null, "invalid_api_key");
    }

    @Test
    @Order(3)
    void aFileGoneAfterItsDownloadWasRememberedIsAnsweredAsExpiredInTheEnvelopeNotADroppedConnection() {
        assertThat(download(http, kept, "?variant=thumbnail").statusCode()).isEqualTo(200);
        // as an expiry sweep on another node would: the file goes, the record stays
        server.bean(ContentStore.class).delete("videos/" + kept + "/thumbnail.webp");
        var answer = asText(http, kept, "?variant=thumbnail");
        assertError(answer, 404, null, "video_id", "video_expired");
        assertRequestId(answer);
        assertThat(download(http, kept, "").statusCode()).as("the other renditions are still there").isEqualTo(200);
    }

    @Test
    @Order(4)
    void aDeletedVideoIsNotFoundAtOnceOnTheNodeThatDeletedIt() {
        assertThat(download(http, doomed, "").statusCode()).isEqualTo(200);
        ok(http.delete("/v1/videos/" + doomed));
        assertError(asText(http, doomed, ""), 404, null, "video_id", "not_found");
    }

    @Test
    @Order(5)
    void aRememberedVideoIsRefusedAsExpiredOnceItsTimeIsUp() {
        assertThat(download(http, kept, "").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofHours(24));
        assertError(asText(http, kept, ""), 404, null, "video_id", "video_expired");
    }
}
