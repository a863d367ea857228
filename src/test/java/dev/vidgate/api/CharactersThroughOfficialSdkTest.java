package dev.vidgate.api;

import com.openai.client.OpenAIClient;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateCharacterParams;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.vidgate.testsupport.media.Mp4Probe;
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
    void aPromptNamingACharacterShowsItsPictureInTheSceneAndOnlyForItsTenant() {
        String secret = admin.fundedKey("caster", 10_000_000, "");
        OpenAIClient caster = SdkClients.client(server.server(), secret);
        caster.videos().createCharacter(VideoCreateCharacterParams.builder().name("Captain Wren").video(TestClips.mp4(320, 180, 1)).build());
        var create = VideoCreateParams.builder().prompt("captain wren waits on a quiet beach").size(VideoSize._1280X720)
                .seconds(VideoSeconds._4).build();
        Video withWren = SdkClients.awaitFinished(caster, caster.videos().create(create).id(), Duration.ofSeconds(180));
        OpenAIClient stranger = SdkClients.client(server.server(), admin.fundedKey("no-cast", 10_000_000, ""));
        Video without = SdkClients.awaitFinished(stranger, stranger.videos().create(create).id(), Duration.ofSeconds(180));

        // the still stands in the lower middle, a third of the frame high: its centre shows the clip's colour there
        int expected = TestClips.pixel(0, 160, 320);
        int shown = Mp4Probe.of(SdkClients.downloadVideo(caster, withWren.id())).frame(0).getRGB(640, 540);
        int elsewhere = Mp4Probe.of(SdkClients.downloadVideo(stranger, without.id())).frame(0).getRGB(640, 540);
        assertThat(distance(shown, expected)).isLessThan(40);
        assertThat(distance(elsewhere, expected)).isGreaterThan(distance(shown, expected) + 20);
    }

    private static int distance(int a, int b) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) d += Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF));
        return d;
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
