package dev.vidgate.video.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidgate.common.ApiException;
import dev.vidgate.testsupport.media.TestImages;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DataUrlsTest {
    private static final String MALFORMED =
            "input_reference.image_url must be a data URL (data:image/png;base64,...) or an https URL";
    private static final long LIMIT = ReferenceLimits.DEFAULT_MAX_BYTES;

    @Test
    void aBase64DataUrlDecodesToItsBytes() {
        byte[] png = TestImages.png(8, 8);
        String url = "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        assertThat(DataUrls.decode(url, LIMIT)).isEqualTo(png);
    }

    @Test
    void theMediaTypeIsIgnored() {
        byte[] bytes = {1, 2, 3, 4, 5};
        String payload = Base64.getEncoder().encodeToString(bytes);
        assertThat(DataUrls.decode("data:application/octet-stream;base64," + payload, LIMIT)).isEqualTo(bytes);
        assertThat(DataUrls.decode("data:;base64," + payload, LIMIT)).isEqualTo(bytes);
        assertThat(DataUrls.decode("DATA:image/jpeg;name=x.jpg;BASE64," + payload, LIMIT)).isEqualTo(bytes);
    }

    @Test
    void lineBreaksMissingPaddingAndUrlSafeAlphabetAreTolerated() {
        byte[] bytes = new byte[100];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) (i * 37);
        String wrapped = Base64.getMimeEncoder(20, "\r\n".getBytes()).encodeToString(bytes);
        assertThat(DataUrls.decode("data:image/png;base64," + wrapped, LIMIT)).isEqualTo(bytes);
        String unpadded = Base64.getEncoder().withoutPadding().encodeToString(new byte[] {9, 8});
        assertThat(DataUrls.decode("data:image/png;base64," + unpadded, LIMIT)).containsExactly(9, 8);
        String urlSafe = Base64.getUrlEncoder().encodeToString(bytes);
        assertThat(DataUrls.decode("data:image/png;base64," + urlSafe, LIMIT)).isEqualTo(bytes);
    }

    @Test
    void aDataUrlIsToldApartFromARemoteUrl() {
        assertThat(DataUrls.isDataUrl("data:image/png;base64,AAAA")).isTrue();
        assertThat(DataUrls.isDataUrl("Data:image/png;base64,AAAA")).isTrue();
        assertThat(DataUrls.isDataUrl("https://example.com/a.png")).isFalse();
        assertThat(DataUrls.isDataUrl(null)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "https://example.com/a.png",
        "data:image/png,iVBORw0KGgo=",
        "data:image/png;base64",
        "data:image/png;base64,",
        "data:image/png;base64,====",
        "data:image/png;base64,iVBO*Rw0",
        "data:image/png;base64,%69%56",
        "data:image/png;base64,A",
        "data:image/png;base64,ab+c-d==",
        "data:image/png;base64,AAAA=AAA",
    })
    void aMalformedDataUrlIsRejected(String url) {
        assertThatThrownBy(() -> DataUrls.decode(url, LIMIT)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).isEqualTo(MALFORMED);
            assertThat(e.param()).isEqualTo("input_reference");
            assertThat(e.code()).isEqualTo("invalid_value");
        });
    }

    @Test
    void anOversizePayloadIsRefusedWith413BeforeDecoding() {
        String payload = Base64.getEncoder().encodeToString(new byte[11]);
        assertThat(DataUrls.decode("data:image/png;base64," + payload, 11)).hasSize(11);
        assertThatThrownBy(() -> DataUrls.decode("data:image/png;base64," + payload, 10))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.getMessage()).isEqualTo("input_reference is larger than the 10 bytes limit");
                    assertThat(e.code()).isEqualTo("file_too_large");
                    assertThat(e.param()).isEqualTo("input_reference");
                });
    }

    @Test
    void theDefaultLimitIsNamedInMebibytes() {
        // 36 Mi base64 characters would decode to 27 MiB, over the 25 MiB default.
        String payload = "A".repeat(36 * 1024 * 1024);
        assertThatThrownBy(() -> DataUrls.decode("data:image/png;base64," + payload, LIMIT))
                .isInstanceOf(ApiException.class)
                .hasMessage("input_reference is larger than the 25 MiB limit");
    }
}
