package dev.vidgate.api;

import dev.vidgate.tenancy.Secrets;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.vidgate.testsupport.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key's secret is shown once, in the answer that makes (or rotates) it, and nowhere else: not in
 * later answers, not in error messages, and not in the log, even at DEBUG (TRACE for SQL parameters).
 */
class SecretsStayHiddenTest {

    @Test
    void noSecretAppearsInTheLogOrInAnyAnswerAfterItsCreation(@TempDir Path dataDir) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(new Tee(original, log), true, StandardCharsets.UTF_8));
        List<String> secrets = new ArrayList<>(List.of(TestServer.API_KEY, TestServer.ADMIN_KEY));
        List<String> laterAnswers = new ArrayList<>();
        try (TestServer server = TestServer.start(dataDir, new TestClock(), Map.of(
                "logging.level.dev.vidgate", "DEBUG", "logging.level.org.springframework.web", "DEBUG",
                "logging.level.org.springframework.jdbc.core", "TRACE"))) {
            var admin = new AdminCalls(server);
            admin.tenant("acme", "");
            admin.topUp("acme", 10_000_000);
            JsonNode created = admin.key("acme", "");
            String first = created.get("secret").asString();
            String keyId = created.get("id").asString();
            secrets.add(first);

            var user = new RawHttp(server.baseUrl(), first);
            String video = ok(user.postJson("/v1/videos", "{\"prompt\":\"p\"}")).get("id").asString();
            laterAnswers.add(user.get("/v1/videos").body());
            laterAnswers.add(user.get("/v1/usage").body());
            String wrong = Secrets.newSecret();
            secrets.add(wrong);
            laterAnswers.add(new RawHttp(server.baseUrl(), wrong).get("/v1/videos").body());
            laterAnswers.add(new RawHttp(server.baseUrl(), first).get("/admin/v1/keys").body());

            String second = ok(admin.http().post("/admin/v1/keys/" + keyId + "/rotate", null, new byte[0])).get("secret").asString();
            secrets.add(second);
            laterAnswers.add(user.get("/v1/videos").body());
            laterAnswers.add(new RawHttp(server.baseUrl(), second).post("/v1/videos/" + video + "/cancel", null, new byte[0]).body());
            laterAnswers.add(admin.http().postJson("/admin/v1/keys/" + keyId, "{\"disabled\":true}").body());
            laterAnswers.add(new RawHttp(server.baseUrl(), second).get("/v1/videos").body());
            for (String path : List.of("/admin/v1/keys", "/admin/v1/keys/" + keyId, "/admin/v1/tenants", "/admin/v1/tenants/acme",
                    "/admin/v1/ledger", "/admin/v1/usage", "/admin/v1/videos?tenant=acme")) {
                laterAnswers.add(admin.http().get(path).body());
            }
        } finally {
            System.setOut(original);
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        assertThat(logged).as("the log was captured").contains("Created the API key").contains("/admin/v1/keys");
        assertThat(logged).contains(Secrets.mask(TestServer.API_KEY));
        for (String secret : secrets) {
            assertThat(logged).doesNotContain(secret);
            assertThat(laterAnswers).noneMatch(answer -> answer.contains(secret));
        }
        assertThat(laterAnswers).anyMatch(answer -> answer.contains(Secrets.mask(secrets.get(2))));
    }

    /** Writes to the real stdout and to a buffer. */
    private static final class Tee extends OutputStream {
        private final PrintStream console;
        private final ByteArrayOutputStream buffer;

        Tee(PrintStream console, ByteArrayOutputStream buffer) {
            this.console = console;
            this.buffer = buffer;
        }

        @Override
        public synchronized void write(int c) {
            buffer.write(c);
            console.write(c);
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) {
            buffer.write(bytes, off, len);
            console.write(bytes, off, len);
        }
    }
}
