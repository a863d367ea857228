package dev.vidgate.api;

import dev.vidgate.storage.ContentStore;
import dev.vidgate.testsupport.ApiCalls;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

import static dev.vidgate.testsupport.ApiCalls.json;
import static java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME;
import static org.assertj.core.api.Assertions.assertThat;

/** Downloads large enough to go out through sendfile carry the same bytes and headers as the copied ones. */
class ContentDownloadsTest {
    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2();
    static final RawHttp http = server.http();
    static String id;
    static byte[] stored;

    @BeforeAll
    static void aCompletedVideo() throws IOException {
        id = json(http.postJson("/v1/videos", "{\"prompt\":\"sendfile\",\"size\":\"1280x720\"}")).get("id").asString();
        ApiCalls.awaitCompleted(http, id);
        String key = "videos/" + id + "/video.mp4";
        ContentStore store = server.bean(ContentStore.class);
        try (InputStream in = store.open(key, 0, Long.MAX_VALUE)) {
            stored = in.readAllBytes();
        }
        assertThat(store.localFile(key)).as("the file store names the file it sends").isPresent();
        assertThat(stored.length).as("a video above the sendfile threshold").isGreaterThan((int) Sendfile.MIN_LENGTH * 3);
    }

    @Test
    void theWholeVideoArrivesWithItsLengthTypeDispositionAndRequestId() {
        var whole = http.getBytes("/v1/videos/" + id + "/content");
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(stored);
        assertThat(whole.headers().firstValueAsLong("Content-Length")).hasValue(stored.length);
        assertThat(whole.headers().firstValue("Content-Type")).contains("video/mp4");
        assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(whole.headers().firstValue("Content-Disposition")).contains("inline; filename=\"" + id + ".mp4\"");
        assertThat(whole.headers().firstValue("x-request-id")).isPresent();
    }

    @Test
    void aLargeRangeIsAnsweredPartiallyWithItsContentRange() {
        int from = 1000, to = from + (int) Sendfile.MIN_LENGTH * 2;
        var part = http.getBytes("/v1/videos/" + id + "/content", "Range", "bytes=" + from + "-" + to);
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(stored, from, to + 1));
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes " + from + "-" + to + "/" + stored.length);
        assertThat(part.headers().firstValueAsLong("Content-Length")).hasValue(to - from + 1);
        assertThat(part.headers().firstValue("Content-Type")).contains("video/mp4");
    }

    @Test
    void aHeadRequestAnswersTheHeadersOfTheGetWithoutItsBytes() {
        var whole = http.head("/v1/videos/" + id + "/content");
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEmpty();
        assertThat(whole.headers().firstValueAsLong("Content-Length")).hasValue(stored.length);
        assertThat(whole.headers().firstValue("Content-Type")).contains("video/mp4");
        assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(whole.headers().firstValue("Content-Disposition")).contains("inline; filename=\"" + id + ".mp4\"");
        assertThat(whole.headers().firstValue("x-request-id")).isPresent();

        var part = http.head("/v1/videos/" + id + "/content", "Range", "bytes=10-99");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEmpty();
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 10-99/" + stored.length);
        assertThat(part.headers().firstValueAsLong("Content-Length")).hasValue(90);
    }

    @Test
    void anOpenEndedRangeAndThenAWholeDownloadShareOneConnection() {
        int from = stored.length - (int) Sendfile.MIN_LENGTH - 7;
        var tail = http.getBytes("/v1/videos/" + id + "/content", "Range", "bytes=" + from + "-");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(stored, from, stored.length));
        assertThat(tail.headers().firstValue("Content-Range")).contains("bytes " + from + "-" + (stored.length - 1) + "/" + stored.length);
        // the next response on the kept-alive connection starts where the sent file ended
        for (int i = 0; i < 3; i++) assertThat(http.getBytes("/v1/videos/" + id + "/content").body()).isEqualTo(stored);
    }

    @Test
    void aResumedDownloadGetsTheRestWhileItsIfRangeNamesTheseBytesAndTheWholeFileOtherwise() {
        String url = "/v1/videos/" + id + "/content";
        var whole = http.getBytes(url);
        String etag = whole.headers().firstValue("ETag").orElseThrow();
        String modified = whole.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(etag).startsWith("\"").endsWith("\"").contains(id);
        assertThat(http.head(url, "Range", "bytes=0-9").headers().firstValue("ETag")).contains(etag);
        String range = "bytes=100-" + (100 + (int) Sendfile.MIN_LENGTH * 2);
        byte[] rest = Arrays.copyOfRange(stored, 100, 101 + (int) Sendfile.MIN_LENGTH * 2);
        for (String same : List.of(etag, modified)) {
            var part = http.getBytes(url, "Range", range, "If-Range", same);
            assertThat(part.statusCode()).as(same).isEqualTo(206);
            assertThat(part.body()).as(same).isEqualTo(rest);
        }
        String secondEarlier = RFC_1123_DATE_TIME.format(ZonedDateTime.parse(modified, RFC_1123_DATE_TIME).minusSeconds(1));
        for (String other : List.of("\"another\"", "W/" + etag, secondEarlier, "not a date")) {
            var full = http.getBytes(url, "Range", range, "If-Range", other);
            assertThat(full.statusCode()).as(other).isEqualTo(200);
            assertThat(full.body()).as(other).isEqualTo(stored);
            assertThat(full.headers().firstValue("Content-Range")).as(other).isEmpty();
        }
    }
}
