package dev.vidgate.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What {@code vidgate --help} and {@code vidgate --version} print: read without starting anything. */
final class Help {
    private Help() {}

    static boolean asked(String word) {
        return word.equals("--help") || word.equals("-h") || word.equals("help");
    }

    /** The version of the build ({@code META-INF/build-info.properties}, written by the Maven build), or "unknown". */
    static String version() {
        Properties info = new Properties();
        try (InputStream in = Help.class.getResourceAsStream("/META-INF/build-info.properties")) {
            if (in != null) info.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean nativeAccess = Help.class.getModule().isNativeAccessEnabled();
        return "vidgate " + info.getProperty("build.version", "unknown") + " (Java " + Runtime.version() + "; native access "
                + (nativeAccess ? "enabled" : "not enabled: the built-in engine needs --enable-native-access=ALL-UNNAMED") + ")";
    }

    static String text(String commands) {
        return version() + ": the OpenAI Videos (Sora 2) API, self-hosted.\n\n"
                + """
                usage:
                  vidgate [--server.port=8080] [--vidgate.data-dir=./data] [--vidgate.NAME=VALUE ...]
                      starts the server: the API on /v1, the admin API on /admin/v1 (with VIDGATE_ADMIN_KEY set).
                      Every setting is a --vidgate.* option or a VIDGATE_* environment variable (README.md);
                      without any, it listens on port 8080 and keeps its database and videos in ./data.
                      On the first start it prints an API key.
                  vidgate COMMAND ...   runs one operator command and exits (below)
                  vidgate --help | -h   prints this
                  vidgate --version     prints the version

                Commands go to the running server's admin API when VIDGATE_URL (http://localhost:8080) and
                VIDGATE_ADMIN_KEY are set and the server answers there; otherwise they open the configured
                database, which the embedded H2 allows only while the server is stopped.
                Exit codes: 0 done, 1 failed, 2 misuse or refused input.

                commands:
                """
                + commands + "\n\nThe API: docs/api.md; the admin API and these commands: docs/admin.md.";
    }
}
