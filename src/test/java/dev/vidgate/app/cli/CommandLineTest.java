package dev.vidgate.app.cli;

import dev.vidgate.testsupport.NodeProcess;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.ToolProcess;
import dev.vidgate.testsupport.ToolProcess.Result;
import dev.vidgate.testsupport.Waits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar as the operator runs it from a shell: real processes, a fresh working directory each, the launcher script included. */
class CommandLineTest {
    private static final Path LAUNCHER = Path.of("bin", "vidgate").toAbsolutePath();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void helpAndVersionPrintAndExitWithoutStartingAServerOrMakingTheDataFolder() throws IOException {
        for (String option : List.of("--help", "-h")) {
            Result help = ToolProcess.vidgate(dir, Map.of(), option);
            assertThat(help.code()).as(help.toString()).isZero();
            assertThat(help.out()).contains("usage:").contains("vidgate tenants create NAME").contains("vidgate --version")
                    .contains("VIDGATE_URL").doesNotContain("Tomcat").doesNotContain("INFO");
        }
        Result version = ToolProcess.vidgate(dir, Map.of(), "--version");
        assertThat(version.code()).as(version.toString()).isZero();
        assertThat(version.out().strip()).matches("vidgate \\d+\\.\\d+\\.\\d+\\S* \\(Java 25\\S*; native access enabled\\)");
        Result typo = ToolProcess.vidgate(dir, Map.of(), "tenant", "list");
        assertThat(typo.code()).as(typo.toString()).isEqualTo(2);
        assertThat(typo.err()).startsWith("unknown command 'tenant'");
        try (var files = Files.list(dir)) {
            assertThat(files).as("nothing made in the working directory (no ./data)").isEmpty();
        }
    }

    @Test
    void theLauncherSaysWhichOldJavaItFoundAndThatVidgateNeeds25() throws IOException {
        Path oldJdk = dir.resolve("jdk-17");
        Path java = Files.createDirectories(oldJdk.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"17.0.9\" 2023-10-17' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        Result onPath = ToolProcess.run(dir, env("JAVA_HOME", null, "PATH", oldJdk.resolve("bin") + ":/usr/bin:/bin", "VIDGATE_JDK_DIRS", ""),
                List.of(LAUNCHER.toString(), "--version"));
        assertThat(onPath.code()).as(onPath.toString()).isNotZero();
        assertThat(onPath.err()).contains("found Java 17 (" + java + ") on the PATH").contains("Vidgate needs Java 25");
        assertThat(onPath.out()).isEmpty();

        Result home = ToolProcess.run(dir, env("JAVA_HOME", oldJdk.toString()), List.of(LAUNCHER.toString(), "--version"));
        assertThat(home.code()).as(home.toString()).isNotZero();
        assertThat(home.err()).contains("JAVA_HOME points at Java 17 (" + java + ")").contains("needs Java 25");
    }

    @Test
    void theLauncherRunsTheJarOnAJdk25WithNativeAccess() throws IOException {
        Result run = ToolProcess.run(dir, env("JAVA_HOME", System.getProperty("java.home"), "VIDGATE_JAR", jarOfTheseClasses().toString()),
                List.of(LAUNCHER.toString(), "--version"));
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("vidgate ").contains("(Java 25").contains("native access enabled");
    }

    @Test
    void whileTheServerRunsCommandsUseItsAdminApiAndOnceItStopsTheyOpenTheDatabaseWhichCanThenBeCompacted() throws IOException {
        Path data = dir.resolve("data");
        String dataDir = "--vidgate.data-dir=" + data;
        Map<String, String> remote;
        try (NodeProcess node = NodeProcess.start("cli-node", data,
                Map.of("vidgate.bootstrap-key", TestServer.API_KEY, "vidgate.admin-key", TestServer.ADMIN_KEY))) {
            remote = env("VIDGATE_URL", node.baseUrl(), "VIDGATE_ADMIN_KEY", TestServer.ADMIN_KEY);
            String ready = "Vidgate is ready: API " + node.baseUrl() + "/v1, admin API " + node.baseUrl()
                    + "/admin/v1, console " + node.baseUrl() + "/console, OpenAPI " + node.baseUrl()
                    + "/openapi.json; docs: docs/api.md, docs/admin.md and README.md in the source tree";
            Waits.await("the ready line", Duration.ofSeconds(30), Duration.ofMillis(100)).until(() -> node.log().contains(ready));
            List<String> startLog = node.log().lines().filter(line -> line.contains("[           main]")).toList();
            assertThat(startLog.getLast()).as("the start-up's last line").endsWith(ready);
            assertThat(node.log().substring(node.log().indexOf(ready))).as("no start-up work (the dispatcher's included) after the ready line")
                    .doesNotContain("Initializing").doesNotContain("Initialization");
            Result tenant = ToolProcess.vidgate(dir, remote, "tenants", "create", "acme", "--daily-limit", "10cr", dataDir);
            assertThat(tenant.code()).as(tenant.toString()).isZero();
            assertThat(json(tenant).path("account").path("daily_limit").asLong()).isEqualTo(10_000_000);

            Result topUp = ToolProcess.vidgate(dir, remote, "credits", "topup", "--tenant", "acme", "--amount", "2.5cr", "--reason", "invoice 7");
            assertThat(json(topUp).path("balance_after").asLong()).as(topUp.toString()).isEqualTo(2_500_000);

            Result key = ToolProcess.vidgate(dir, remote, "keys", "create", "--tenant", "acme", "--name", "ci", "--models", "sora-2");
            assertThat(key.code()).as(key.toString()).isZero();
            String secret = json(key).path("secret").asString();
            assertThat(secret).startsWith("sk-vg-");
            var user = new RawHttp(node.baseUrl(), secret);
            assertThat(user.get("/v1/usage").body()).contains("\"balance\":2500000");
            assertThat(user.postJson("/v1/videos", "{\"prompt\":\"p\",\"model\":\"sora-2-pro\"}").statusCode()).isEqualTo(403);

            Result again = ToolProcess.vidgate(dir, remote, "tenants", "create", "acme");
            assertThat(again.code()).as(again.toString()).isEqualTo(2);
            assertThat(again.err()).contains("already exists").contains("(HTTP 4");

            Result locked = ToolProcess.vidgate(dir, env("VIDGATE_URL", null), "tenants", "list", dataDir);
            assertThat(locked.code()).as(locked.toString()).isEqualTo(1);
            assertThat(locked.err()).contains("set VIDGATE_URL=http://localhost:8080 and VIDGATE_ADMIN_KEY");
            Result compactWhileServing = ToolProcess.vidgate(dir, remote, "database", "compact", dataDir);
            assertThat(compactWhileServing.code()).as(compactWhileServing.toString()).isEqualTo(1);
            assertThat(compactWhileServing.err()).contains("stop the server first").doesNotContain("VIDGATE_URL");
        }

        Result compacted = ToolProcess.vidgate(dir, remote, "database", "compact", dataDir);
        assertThat(compacted.code()).as(compacted.toString()).isZero();
        assertThat(compacted.out()).startsWith("compacted " + data.resolve("db/vidgate.mv.db").toAbsolutePath() + ": ");

        Result offline = ToolProcess.vidgate(dir, remote, "tenants", "list", dataDir);
        assertThat(offline.code()).as(offline.toString()).isZero();
        assertThat(offline.err()).contains("opening the database instead");
        List<String> lines = offline.out().lines().toList();
        assertThat(lines.getFirst()).as("no banner or start log before the table").startsWith("ID ");
        assertThat(lines).hasSize(3).anyMatch(line -> line.contains(" acme ")).anyMatch(line -> line.contains(" default "));
    }

    private static JsonNode json(Result run) {
        return JSON.readTree(run.out());
    }

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) env.put(pairs[i], pairs[i + 1]);
        return env;
    }

    /** A jar like the one {@code ./mvnw package} builds, as far as {@code java -jar} cares: its main class, and these test classes as its class path. */
    private Path jarOfTheseClasses() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.vidgate.app.VidgateApplication");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, Arrays.stream(System.getProperty("java.class.path").split(":"))
                .map(entry -> Path.of(entry).toUri().toString()).collect(Collectors.joining(" ")));
        Path jar = dir.resolve("vidgate.jar");
        try (OutputStream out = Files.newOutputStream(jar); var unused = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }
}
