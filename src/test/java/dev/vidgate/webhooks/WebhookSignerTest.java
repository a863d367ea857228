package dev.vidgate.webhooks;

import com.openai.errors.InvalidWebhookSignatureException;
import dev.vidgate.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignerTest {

    @Test
    void theSignatureOfThePublishedTestVectorIsTheOneOpenAisSdksExpect() {
        // openai-node tests/api-resources/webhooks.test.ts, as recorded in the research notes (section 6)
        byte[] body = ("{\"id\": \"evt_685c059ae3a481909bdc86819b066fb6\", \"object\": \"event\", \"created_at\": 1750861210, "
                + "\"type\": \"response.completed\", \"data\": {\"id\": \"resp_123\"}}").getBytes(StandardCharsets.UTF_8);

        String signature = WebhookSigner.sign("whsec_RdvaYFYUXuIFuEbvZHwMfYFhUf7aMYjYcmM24+Aj40c=",
                "wh_685c059ae39c8190af8c71ed1022a24d", 1750861210L, body);

        assertThat(signature).isEqualTo("v1,gUAg4R2hWouRZqRQG4uJypNS8YK885G838+EHb4nKBY=");
    }

    @Test
    void aNewSecretIsWhsecAndTheBase64OfThirtyTwoRandomBytesAndNeverRepeats() {
        String one = WebhookSigner.newSecret();
        String two = WebhookSigner.newSecret();

        assertThat(one).startsWith("whsec_").isNotEqualTo(two);
        assertThat(java.util.Base64.getDecoder().decode(one.substring(6))).hasSize(32);
    }

    @Test
    void theOpenAiJavaSdkVerifiesEitherSecretOfARotatedEndpointAndRefusesAnyOther() {
        String oldSecret = WebhookSigner.newSecret();
        String newSecret = WebhookSigner.newSecret();
        var event = new WebhookEvent("evt_0123456789abcdef0123456789abcdef", EventType.COMPLETED, "video_abc123", "ten_a",
                Instant.now());
        byte[] body = Payloads.body(event);
        long now = Instant.now().getEpochSecond();
        String header = WebhookSigner.header(List.of(newSecret, oldSecret), "wh_1", now, body);
        var request = new WebhookReceiver.Received("POST", "/", Map.of("webhook-id", "wh_1", "webhook-timestamp", Long.toString(now),
                "webhook-signature", header, "content-type", "application/json"), body, null, Instant.now());

        assertThat(header.split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        WebhookReceiver.verify(request, newSecret);
        WebhookReceiver.verify(request, oldSecret);
        assertThatThrownBy(() -> WebhookReceiver.verify(request, WebhookSigner.newSecret()))
                .isInstanceOf(InvalidWebhookSignatureException.class);
    }

    @Test
    void thePayloadIsExactlyOpenAisEventShape() {
        var event = new WebhookEvent("evt_abc123", EventType.FAILED, "video_abc123", "ten_a", Instant.ofEpochSecond(1758941485));

        assertThat(new String(Payloads.body(event), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":\"evt_abc123\",\"object\":\"event\",\"created_at\":1758941485,\"type\":\"video.failed\","
                        + "\"data\":{\"id\":\"video_abc123\"}}");
    }
}
