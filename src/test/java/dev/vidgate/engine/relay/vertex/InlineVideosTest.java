package dev.vidgate.engine.relay.vertex;

import dev.vidgate.engine.relay.UpstreamException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A Vertex operation with its video inline is read with the video decoded into a file, the rest kept as a tree. */
class InlineVideosTest {
    @TempDir
    Path scratch;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aBase64VideoLargerThanJacksonsStringLimitIsDecodedIntoAFileAndTheRestIsKept() throws Exception {
        byte[] video = new byte[40 * 1024 * 1024];
        new Random(7).nextBytes(video);
        byte[] head = "{\"name\":\"op\",\"done\":true,\"response\":{\"videos\":[{\"mimeType\":\"video/mp4\",\"bytesBase64Encoded\":\""
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"}],\"raiMediaFilteredCount\":0}}".getBytes(StandardCharsets.UTF_8);
        var in = new SequenceInputStream(new SequenceInputStream(new ByteArrayInputStream(head),
                new ByteArrayInputStream(Base64.getEncoder().encode(video))), new ByteArrayInputStream(tail));

        JsonNode tree = new InlineVideos(json, scratch, 1L << 30).read(in);

        JsonNode first = tree.path("response").path("videos").path(0);
        assertThat(first.path("mimeType").asString()).isEqualTo("video/mp4");
        assertThat(first.has("bytesBase64Encoded")).isFalse();
        assertThat(Files.readAllBytes(Path.of(first.path(InlineVideos.FILE).asString()))).isEqualTo(video);
        assertThat(tree.path("done").asBoolean()).isTrue();
        assertThat(tree.path("response").path("raiMediaFilteredCount").asInt(-1)).isZero();
    }

    @Test
    void aVideoOverTheLimitIsRefusedAndLeavesNoFile() throws Exception {
        String body = "{\"response\":{\"videos\":[{\"bytesBase64Encoded\":\"" + Base64.getEncoder().encodeToString(new byte[4096]) + "\"}]}}";
        assertThatThrownBy(() -> new InlineVideos(json, scratch, 1024).read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.kind()).isEqualTo(UpstreamException.Kind.UNACCEPTABLE));
        try (var files = Files.list(scratch)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anAnswerCutOffInTheMiddleIsBrokenAndLeavesNoFile() throws Exception {
        String body = "{\"done\":true,\"response\":{\"videos\":[{\"bytesBase64Encoded\":\"AAAA";
        assertThatThrownBy(() -> new InlineVideos(json, scratch, 1024).read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.kind()).isEqualTo(UpstreamException.Kind.BROKEN));
        try (var files = Files.list(scratch)) {
            assertThat(files).isEmpty();
        }
    }
}
