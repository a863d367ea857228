package dev.vidgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidgate.engine.builtin.encode.H264Library;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** {@code vidgate.openh264} picks the H.264 library of the built-in engine, checked at start. */
class OpenH264PropertyTest {

    @Test
    void theDefaultIsAutomatic() {
        assertThat(bindEnvironment(Map.of()).h264Library()).isEqualTo(H264Library.AUTO);
    }

    @Test
    void theEnvironmentVariableChoosesAnyOfTheThreeInAnyCase() {
        assertThat(bindEnvironment(Map.of("VIDGATE_OPENH264", "bundled")).h264Library()).isEqualTo(H264Library.BUNDLED);
        assertThat(bindEnvironment(Map.of("VIDGATE_OPENH264", "System")).h264Library()).isEqualTo(H264Library.SYSTEM);
        assertThat(bindEnvironment(Map.of("VIDGATE_OPENH264", " AUTO ")).h264Library()).isEqualTo(H264Library.AUTO);
    }

    @Test
    void anythingElseIsRefusedWithAMessageNamingThePropertyAndItsVariable() {
        assertThatThrownBy(() -> bindEnvironment(Map.of("VIDGATE_OPENH264", "x264")))
                .isInstanceOf(BindException.class)
                .hasRootCauseMessage("vidgate.openh264 (VIDGATE_OPENH264) must be auto, bundled or system, not 'x264'");
    }

    @Test
    void askingForTheMachinesLibraryStartsOnItWhereInstalledAndOtherwiseRefusesNamingTheSetting(@TempDir Path dataDir) {
        var start = (org.assertj.core.api.ThrowableAssert.ThrowingCallable)
                () -> TestServer.start(dataDir, new TestClock(), Map.of("vidgate.openh264", "system")).close();
        if (H264Library.SYSTEM.isAvailable()) {
            assertThatCode(start).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(start).hasRootCauseMessage("vidgate.openh264 (VIDGATE_OPENH264) is system, but the machine's "
                    + "OpenH264 (libopenh264.so.7) could not be loaded: install the library "
                    + "(Debian and Ubuntu: apt-get install libopenh264-7)");
        }
    }

    private static VidgateProperties bindEnvironment(Map<String, Object> variables) {
        var environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables);
        return new Binder(ConfigurationPropertySources.from(environment)).bindOrCreate("vidgate", VidgateProperties.class);
    }
}
