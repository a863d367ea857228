package dev.vidgate.app;

import com.openai.client.OpenAIClient;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import dev.vidgate.api.SdkClients;
import dev.vidgate.jobs.Dispatcher;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestDatabases;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.Waits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeRolesTest {

    private static Map<String, String> node(String url, String id, String roles) {
        Map<String, String> props = new HashMap<>();
        props.put("spring.datasource.url", url);
        props.put("spring.datasource.username", "postgres");
        props.put("spring.datasource.password", "postgres");
        props.put("vidgate.node-id", id);
        props.put("vidgate.roles", roles);
        return props;
    }

    @Test
    void anApiOnlyNodeQueuesWhatAWorkerOnlyNodeRendersAndTheWorkerOpensNoPort(@TempDir Path shared) throws Exception {
        String url = TestDatabases.freshPostgresUrl();
        try (TestServer api = TestServer.start(shared, new TestClock(), node(url, "node-api", "api"))) {
            OpenAIClient sdk = SdkClients.client(api, TestServer.API_KEY);
            String id = sdk.videos().create(VideoCreateParams.builder().prompt("waves at dusk").build()).id();
            Waits.await("the job staying queued without a worker", Duration.ofSeconds(10), Duration.ofMillis(250))
                    .during(Duration.ofMillis(1500)).until(() -> sdk.videos().retrieve(id).status().asString().equals("queued"));
            assertThat(api.bean(Dispatcher.class).runningCount()).isZero();

            try (TestServer worker = TestServer.start(shared, new TestClock(), node(url, "node-worker", "worker"))) {
                assertThat(worker.isWebServer()).isFalse();
                Video done = SdkClients.awaitFinished(sdk, id, Duration.ofSeconds(120));
                assertThat(done.status().asString()).isEqualTo("completed");
                assertThat(sdk.videos().downloadContent(id).body().readAllBytes().length).isGreaterThan(1000);
            }
        }
    }

    @Test
    void anUnknownRoleStopsTheStartWithAMessageNamingTheSetting(@TempDir Path dir) {
        assertThatThrownBy(() -> TestServer.start(dir, new TestClock(), Map.of("vidgate.roles", "api,render")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vidgate.roles (VIDGATE_ROLES) has an unknown role 'render'");
    }

    @Test
    void aNodeWithoutTheApiRoleHasNoWebServer(@TempDir Path dir) {
        try (TestServer worker = TestServer.start(dir, new TestClock(), Map.of("vidgate.roles", "worker"))) {
            assertThat(worker.bean(Dispatcher.class)).isNotNull();
            assertThat(worker.isWebServer()).isFalse();
        }
    }
}
