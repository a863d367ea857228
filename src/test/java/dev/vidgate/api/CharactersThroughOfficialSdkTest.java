package dev.vidgate.api;

import com.openai.client.OpenAIClient;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.models.videos.VideoCreateCharacterParams;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.TestServerExtension;
import dev.vidgate.testsupport.media.TestClips;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Characters through the official SDK's {@code createCharacter} and {@code getCharacter}, over real HTTP. */
class CharactersThroughOfficialSdkTest {
    static final TestClock clock = new TestClock();
    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2().clock(clock);
    static final AdminCalls admin = new AdminCalls(server.http(TestServer.ADMIN_KEY));

    @Test
    void aCharacterMadeFromAClipIsReadBackByItsOwnerOnly() {
        OpenAIClient mine = SdkClients.client(server.server(), TestServer.API_KEY);
        var created = mine.videos().createCharacter(VideoCreateCharacterParams.builder()
                .name("Captain Wren").video(TestClips.mp4(320, 180, 1)).build());
        assertThat(created.id()).hasValueSatisfying(id -> assertThat(id).startsWith("char_"));
        assertThat(created.name()).contains("Captain Wren");
        assertThat(created.createdAt()).isCloseTo(clock.instant().getEpochSecond(), org.assertj.core.data.Offset.offset(5L));

        var read = mine.videos().getCharacter(created.id().orElseThrow());
        assertThat(read.id()).isEqualTo(created.id());
        assertThat(read.name()).contains("Captain Wren");
        assertThat(read.createdAt()).isEqualTo(created.createdAt());

        OpenAIClient theirs = SdkClients.client(server.server(), admin.fundedKey("stranger", 1_000_000, ""));
        assertThatThrownBy(() -> theirs.videos().getCharacter(created.id().orElseThrow())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aNameOver80CharactersOrAnImageInsteadOfAClipIsRefused() {
        OpenAIClient sdk = SdkClients.client(server.server(), TestServer.API_KEY);
        assertThatThrownBy(() -> sdk.videos().createCharacter(VideoCreateCharacterParams.builder()
                .name("x".repeat(81)).video(TestClips.mp4(320, 180, 1)).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.param()).contains("name"));
        assertThatThrownBy(() -> sdk.videos().createCharacter(VideoCreateCharacterParams.builder()
                .name("Wren").video(TestImages.png(64, 64)).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.param()).contains("video");
                    assertThat(e.code()).contains("invalid_file_format");
                });
    }

    @Test
    void aCharacterIsGoneOnceTheRetentionPassed() {
        OpenAIClient sdk = SdkClients.client(server.server(), TestServer.API_KEY);
        String id = sdk.videos().createCharacter(VideoCreateCharacterParams.builder()
                .name("Short-lived").video(TestClips.mp4(320, 180, 1)).build()).id().orElseThrow();
        clock.advance(Duration.ofHours(25));
        assertThatThrownBy(() -> sdk.videos().getCharacter(id)).isInstanceOf(NotFoundException.class);
    }
}
