package dev.vidgate.engine.relay.google;

import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.catalog.ModelSpec;
import dev.vidgate.catalog.VideoSize;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.Submission;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job's callback URL in Veo's body: the Gemini API gets it as the top-level {@code webhookConfig.uris} of Google's
 * SDK; Vertex AI, which refuses {@code webhookConfig}, never gets it; without a public address neither does.
 */
class VeoRequestTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CALLBACK = "https://videos.example.com/relay/callbacks/tok_veo";

    private static Submission submission(String callbackUrl) {
        GenerationRequest request = new GenerationRequest("video_veo", VeoJobs.MODEL, new VideoSize(1280, 720), 8,
                "a lighthouse at dusk", null);
        ModelSpec spec = ModelCatalog.defaults("relay").find(VeoJobs.MODEL).orElse(null);
        return new Submission(request, VeoJobs.MODEL, spec, null, null, null, callbackUrl);
    }

    private static JsonNode body(Submission submission, VeoRequest.Surface surface) {
        JsonNode body = JSON.readTree(VeoRequest.body(JSON, submission, surface));
        assertThat(VeoShape.problem(body, surface == VeoRequest.Surface.GEMINI)).as("Veo's checks of %s", body).isNull();
        return body;
    }

    @Test
    void theGeminiApiGetsTheCallbackAsTheTopLevelWebhookConfigUris() {
        JsonNode body = body(submission(CALLBACK), VeoRequest.Surface.GEMINI);
        assertThat(body.get("webhookConfig").get("uris")).hasSize(1);
        assertThat(body.get("webhookConfig").get("uris").get(0).asString()).isEqualTo(CALLBACK);
        assertThat(body.get("parameters").has("webhookConfig")).isFalse();
    }

    @Test
    void vertexNeverGetsAWebhookConfigEvenWithACallbackUrl() {
        JsonNode body = body(submission(CALLBACK), VeoRequest.Surface.VERTEX);
        assertThat(body.has("webhookConfig")).isFalse();
        assertThat(body.toString()).doesNotContain(CALLBACK);
    }

    @Test
    void withoutACallbackUrlTheGeminiApiGetsNoWebhookConfig() {
        assertThat(body(submission(null), VeoRequest.Surface.GEMINI).has("webhookConfig")).isFalse();
    }
}
