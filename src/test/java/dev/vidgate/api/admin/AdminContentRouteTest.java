package dev.vidgate.api.admin;

import dev.vidgate.testsupport.ApiCalls;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.TestServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Arrays;

import static dev.vidgate.testsupport.ApiAssertions.assertError;
import static dev.vidgate.testsupport.ApiCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /admin/v1/videos/{id}/content}: any tenant's rendition for the operator, as the public route sends it. */
class AdminContentRouteTest {
    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2();
    static final RawHttp user = server.http();
    static final RawHttp admin = server.http(TestServer.ADMIN_KEY);
    static String id;
    static byte[] video;

    @BeforeAll
    static void aCompletedVideo() {
        id = json(user.postJson("/v1/videos", "{\"prompt\":\"an operator preview\",\"seconds\":\"4\"}")).get("id").asString();
        ApiCalls.awaitCompleted(user, id);
        video = user.getBytes("/v1/videos/" + id + "/content").body();
    }

    @Test
    void theOperatorDownloadsAnyTenantsVideoWithTheSameBytesAndHeaders() {
        var whole = admin.getBytes("/admin/v1/videos/" + id + "/content");
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(video);
        assertThat(whole.headers().firstValue("Content-Type")).contains("video/mp4");
        assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(whole.headers().firstValue("Content-Disposition")).contains("inline; filename=\"" + id + ".mp4\"");
    }

    @Test
    void aRangeIsAnsweredPartiallyAndTheThumbnailIsAnImage() {
        var part = admin.getBytes("/admin/v1/videos/" + id + "/content", "Range", "bytes=10-99");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(video, 10, 100));
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 10-99/" + video.length);
        var thumbnail = admin.getBytes("/admin/v1/videos/" + id + "/content?variant=thumbnail");
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(thumbnail.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("image/"));
    }

    @Test
    void anUnknownVideoAVariantOrAnUnsatisfiableRangeOrAnApiKeyAreRefused() {
        assertError(admin.get("/admin/v1/videos/video_" + "0".repeat(32) + "/content"), 404, null, "video_id", "not_found");
        assertError(admin.get("/admin/v1/videos/" + id + "/content?variant=poster"), 400, null, "variant", "invalid_value");
        var beyond = admin.get("/admin/v1/videos/" + id + "/content", "Range", "bytes=" + (video.length + 5) + "-");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(user.get("/admin/v1/videos/" + id + "/content").statusCode()).as("an API key is not the admin key").isEqualTo(401);
    }
}
