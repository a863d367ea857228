package dev.vidgate.api;

import com.openai.client.OpenAIClient;
import com.openai.errors.NotFoundException;
import com.openai.models.models.Model;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.TestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The official {@code openai-java} SDK lists and retrieves the catalog's models from a real server. */
class ModelsThroughOfficialSdkTest {
    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2();

    private static OpenAIClient client() {
        return SdkClients.client(server.server(), TestServer.API_KEY);
    }

    @Test
    void theSdkListsEveryModelWithItsOwner() {
        var models = client().models().list().autoPager().stream().toList();
        assertThat(models).extracting(Model::id).contains("sora-2", "sora-2-pro", "veo-3.1-fast-generate-001",
                "seedance-1-0-lite-t2v-250428", "kling-v2-5-turbo");
        assertThat(models).filteredOn(m -> m.id().startsWith("kling-")).extracting(Model::ownedBy).containsOnly("kuaishou");
    }

    @Test
    void theSdkRetrievesAModelAndGetsNotFoundForAnUnknownOne() {
        Model seedance = client().models().retrieve("seedance-1-0-pro-250528");
        assertThat(seedance.ownedBy()).isEqualTo("bytedance");
        assertThat(seedance.created()).isEqualTo(1748390400L);
        assertThatThrownBy(() -> client().models().retrieve("sora-3")).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.getMessage()).contains("The model 'sora-3' does not exist"));
    }
}
