package dev.vidgate.engine.relay;

import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.FakeUpstream.Route;
import dev.vidgate.testsupport.media.TestClips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;

import static dev.vidgate.engine.relay.RelayFixture.SIZE;
import static dev.vidgate.engine.relay.RelayFixture.failed;
import static org.assertj.core.api.Assertions.assertThat;

/** Edits and extensions through the relay: the openai flavour sends them as OpenAI takes them; others refuse them. */
class RelayEditsTest {
    private static final byte[] CLIP = TestClips.mp4(320, 180, 1);

    @TempDir
    Path dir;

    @Test
    void anExtensionGoesToTheExtensionsRouteWithTheAddedSecondsAndTheFootageAsAnMp4File() {
        FakeUpstream upstream = FakeUpstream.start(Flavour.OPENAI);
        try (RelayFixture relay = RelayFixture.over(dir, upstream)) {
            EngineStatus done = relay.run(footage("video_ext", true, 5));
            assertThat(done).isInstanceOf(EngineStatus.Done.class);
            var sent = upstream.seen(Route.EXTEND);
            assertThat(sent).hasSize(1);
            assertThat(sent.getFirst().form().text("seconds")).isEqualTo("4");
            assertThat(sent.getFirst().form().text("prompt")).isEqualTo("and the lantern drifts on");
            assertThat(sent.getFirst().form().parts().get("video")).isEqualTo(CLIP);
            assertThat(upstream.seen(Route.CREATE)).isEmpty();
        }
    }

    @Test
    void anEditGoesToTheEditsRouteWithoutSeconds() {
        FakeUpstream upstream = FakeUpstream.start(Flavour.OPENAI);
        try (RelayFixture relay = RelayFixture.over(dir, upstream)) {
            assertThat(relay.run(footage("video_edit", false, 1))).isInstanceOf(EngineStatus.Done.class);
            assertThat(upstream.seen(Route.EDIT)).hasSize(1);
            assertThat(upstream.seen(Route.EDIT).getFirst().form().text("seconds")).isNull();
        }
    }

    @Test
    void aFlavourWithoutEditsFailsTheJobSayingSoAndSendsNothing() {
        FakeUpstream upstream = FakeUpstream.start(Flavour.AZURE);
        try (RelayFixture relay = RelayFixture.over(dir, upstream)) {
            EngineStatus.Failed failed = failed(relay.run(footage("video_azure_edit", false, 1)));
            assertThat(failed.message()).contains("does not edit videos");
            assertThat(failed.retryable()).isFalse();
            assertThat(upstream.seen(Route.CREATE)).isEmpty();
        }
    }

    private static GenerationRequest footage(String jobId, boolean extension, int seconds) {
        var source = new GenerationRequest.SourceFootage(extension, 1, () -> new ByteArrayInputStream(CLIP));
        return new GenerationRequest(jobId, "sora-2", SIZE, seconds, extension ? "and the lantern drifts on" : "a lantern in the rain",
                null, null, GenerationRequest.Options.NONE, source);
    }
}
