package dev.vidgate.app;

import dev.vidgate.testsupport.ToolProcess;
import dev.vidgate.testsupport.ToolProcess.Result;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The Maven build (the project's own wrapper and pom) run on an older JDK stops at once, saying what it needs and what it found. */
class OldJdkBuildTest {
    @Test
    void onJdk17TheBuildStopsBeforeCompilingSayingItNeedsJdk25() throws IOException {
        Optional<Path> jdk17 = jdk17();
        assumeTrue(jdk17.isPresent(), "no JDK 17 under /usr/lib/jvm to build with");
        Result build = ToolProcess.run(Path.of("."), Map.of("JAVA_HOME", jdk17.get().toString()),
                List.of("./mvnw", "-o", "-q", "-B", "validate"));
        assertThat(build.code()).as(build.toString()).isNotZero();
        assertThat(build.out()).as(build.toString()).contains("Vidgate needs JDK 25, found 17 (/");
    }

    private static Optional<Path> jdk17() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) return Optional.empty();
        try (var homes = Files.list(jvms)) {
            return homes.filter(home -> home.getFileName().toString().contains("17") && Files.isExecutable(home.resolve("bin/java")))
                    .map(home -> home.toAbsolutePath()).sorted().findFirst();
        }
    }
}
