package dev.vidgate.engine.relay.comfyui;

import dev.vidgate.engine.relay.ChannelSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A channel's workflows are checked at start; a broken one is refused with the option, the file and the node named. */
class ComfyUiWorkflowTest {
    private final ComfyUiProvider provider = new ComfyUiProvider();

    @TempDir
    Path dir;

    @Test
    void theBuiltInWan22WorkflowsPassAndUseOnlyCoreNodes() throws IOException {
        assertThatCode(() -> provider.check(channel(Map.of()))).doesNotThrowAnyException();
        for (String name : new String[] {"wan2.2-t2v", "wan2.2-i2v"}) {
            String text = builtIn(name);
            var graph = tools.jackson.databind.json.JsonMapper.builder().build().readTree(text);
            for (var node : graph.properties()) {
                assertThat(FakeGraphs.CLASSES).as(name + " node " + node.getKey()).contains(node.getValue().path("class_type").asString());
            }
        }
    }

    @Test
    void aComfyUiChannelRunsOneJobAtATimeUnlessConfiguredOtherwise() {
        assertThat(channel(Map.of()).maxInFlight()).isEqualTo(1);
    }

    @Test
    void aWorkflowWithoutTheFrameCountPlaceholderIsRefusedNamingTheOptionAndFile() throws IOException {
        Path file = write("no-frames.json", builtIn("wan2.2-t2v").replace("\"{{frames}}\"", "81"));
        assertThatThrownBy(() -> provider.check(channel(Map.of("workflow", file.toString()))))
                .hasMessage("options.workflow: workflow " + file + " lacks the placeholder {{frames}}");
    }

    @Test
    void anImageWorkflowWithoutTheImagePlaceholderIsRefused() throws IOException {
        Path file = write("t2v-as-i2v.json", builtIn("wan2.2-t2v"));
        assertThatThrownBy(() -> provider.check(channel(Map.of("image-workflow", file.toString()))))
                .hasMessageContaining("options.image-workflow: workflow " + file + " lacks the placeholder {{image}}");
    }

    @Test
    void aLinkToAMissingNodeIsRefusedNamingTheNode() throws IOException {
        Path file = write("broken-link.json", builtIn("wan2.2-t2v").replace("\"latent_image\": [\n        \"9\",", "\"latent_image\": [\n        \"99\","));
        assertThatThrownBy(() -> provider.check(channel(Map.of("workflow", file.toString()))))
                .hasMessageContaining("workflow " + file + ": node 10 (KSamplerAdvanced): input latent_image links to node 99");
    }

    @Test
    void anUnknownOrPartialPlaceholderIsRefusedNamingTheNode() throws IOException {
        Path unknown = write("unknown.json", builtIn("wan2.2-t2v").replace("\"{{negative_prompt}}\"", "\"{{colour}}\""));
        assertThatThrownBy(() -> provider.check(channel(Map.of("workflow", unknown.toString()))))
                .hasMessageContaining("node 8 (CLIPTextEncode): input text has the placeholder {{colour}}");
        Path partial = write("partial.json", builtIn("wan2.2-t2v").replace("\"{{prompt}}\"", "\"cinematic, {{prompt}}\""));
        assertThatThrownBy(() -> provider.check(channel(Map.of("workflow", partial.toString()))))
                .hasMessageContaining("node 7 (CLIPTextEncode)").hasMessageContaining("a placeholder is a whole value");
    }

    @Test
    void aWorkflowWithoutAnOutputNodeIsRefused() throws IOException {
        Path file = write("no-output.json", builtIn("wan2.2-t2v").replace("\"SaveVideo\"", "\"PreviewAny\""));
        assertThatThrownBy(() -> provider.check(channel(Map.of("workflow", file.toString()))))
                .hasMessageContaining("workflow " + file + " has no output node").hasMessageContaining("SaveVideo");
    }

    @Test
    void aWorkflowInTheUiFormatOrNotJsonOrMissingIsRefused() throws IOException {
        Path ui = write("ui.json", "{\"nodes\": [], \"links\": [], \"version\": 0.4}");
        assertThatThrownBy(() -> provider.check(channel(Map.of("workflow", ui.toString())))).hasMessageContaining("Save (API)");
        Path garbage = write("garbage.json", "{\"1\": {");
        assertThatThrownBy(() -> provider.check(channel(Map.of("workflow", garbage.toString())))).hasMessageContaining("is not valid JSON");
        assertThatThrownBy(() -> provider.check(channel(Map.of("workflow", dir.resolve("absent.json").toString()))))
                .hasMessageContaining("options.workflow: workflow " + dir.resolve("absent.json") + " cannot be read");
    }

    @Test
    void aFrameRateOutOfRangeOrABadHeaderNameIsRefused() {
        assertThatThrownBy(() -> provider.check(channel(Map.of("fps", "0")))).hasMessageStartingWith("options.fps must be");
        assertThatThrownBy(() -> provider.check(channel(Map.of("auth-header", "X Api Key")))).hasMessageStartingWith("options.auth-header");
        assertThatThrownBy(() -> provider.check(channel(Map.of("websocket-url", "http://gpu:8188/ws"))))
                .hasMessageStartingWith("options.websocket-url");
    }

    private ChannelSettings channel(Map<String, String> options) {
        return ChannelSettings.of("gpu", URI.create("http://127.0.0.1:8188"), null, provider).withOptions(options);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String builtIn(String name) throws IOException {
        try (InputStream in = ComfyUiProvider.class.getResourceAsStream("/comfyui/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
