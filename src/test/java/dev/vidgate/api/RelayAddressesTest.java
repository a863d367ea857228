package dev.vidgate.api;

import dev.vidgate.storage.PublicImages;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two addresses providers call without a key: images handed out by token, and job callbacks. A wrong token gets
 * the same 404 envelope as an expired one; neither needs nor accepts an API key.
 */
class RelayAddressesTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static RawHttp anonymous;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, new TestClock(), Map.of(
                "vidgate.public-url", "https://videos.example.com",
                "vidgate.relay.channels[0].name", "nowhere",
                "vidgate.relay.channels[0].base-url", "http://127.0.0.1:9/v1",
                "vidgate.relay.channels[0].models", "sora-2"));
        anonymous = new RawHttp(server.baseUrl(), null);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void aPublishedImageIsServedByItsTokenWithItsTypeAndNoCaching() {
        byte[] png = TestImages.png(64, 36);
        String token = server.bean(PublicImages.class).publish("video_pub1", png);

        HttpResponse<byte[]> got = anonymous.getBytes("/relay/images/" + token);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(png);
        assertThat(got.headers().firstValue("content-type")).hasValue("image/png");
        assertThat(got.headers().firstValue("cache-control")).hasValue("no-store");

        server.clock().advance(Duration.ofHours(2));
        assertThat(anonymous.getBytes("/relay/images/" + token).statusCode()).isEqualTo(404);
    }

    @Test
    void aCallbackVerificationHandshakeHasItsChallengeEchoedWithoutTouchingAnyJob() {
        HttpResponse<String> r = anonymous.postJson("/relay/callbacks/" + "a".repeat(32), "{\"challenge\":\"c7f3-91\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"challenge\":\"c7f3-91\"}");
        assertThat(anonymous.postJson("/relay/callbacks/not-a-token", "{\"challenge\":\"x\"}").statusCode()).isEqualTo(404);
        assertThat(anonymous.post("/relay/callbacks/" + "a".repeat(32), "text/plain", "done".getBytes()).statusCode())
                .as("any other body is a plain callback: this token is no job's").isEqualTo(404);
    }

    @Test
    void anUnknownImageOrCallbackTokenIsA404InTheEnvelope() {
        for (HttpResponse<String> r : new HttpResponse[] {anonymous.get("/relay/images/1.video_x.forged"),
                anonymous.postJson("/relay/callbacks/forged-token-0123456789abcdef", "{\"status\":\"succeed\"}")}) {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).contains("\"error\"").contains("or it has expired");
            assertThat(r.headers().firstValue("x-request-id")).isPresent();
        }
    }
}
