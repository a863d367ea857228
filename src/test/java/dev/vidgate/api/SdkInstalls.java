package dev.vidgate.api;

import dev.vidgate.testsupport.ToolProcess;
import dev.vidgate.testsupport.ToolProcess.Result;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The official Python and Node SDKs, installed once into {@code target/sdk/} by their own package managers
 * (pip from the configured index or mirror, npm from its registry), pinned. Where the runtime or the package
 * cannot be had, the test that asked is skipped, saying why.
 */
final class SdkInstalls {
    static final String PYTHON_SDK = "3.22.1";
    static final String NODE_SDK = "7.60.0";
    private static final Path ROOT = Path.of("target", "sdk").toAbsolutePath();

    private SdkInstalls() {}

    /** A folder to put on {@code PYTHONPATH} that holds {@code openai} 3.22. */
    static synchronized Path python() {
        Path site = ROOT.resolve("python");
        if (Files.isDirectory(site.resolve("openai-" + PYTHON_SDK + ".dist-info"))) return site;
        need("python3", "--version");
        // --retries 0: where the default index is out of reach, pip goes on at once to the mirror its configuration names.
        install("pip", List.of("python3", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--retries", "0",
                "--target", site.toString(), "openai==" + PYTHON_SDK));
        return site;
    }

    /** A {@code node_modules} folder to put on {@code NODE_PATH} that holds {@code openai} 7. */
    static synchronized Path node() {
        Path prefix = ROOT.resolve("node");
        Path modules = prefix.resolve("node_modules");
        if (Files.isRegularFile(modules.resolve("openai/package.json"))) return modules;
        need("node", "--version");
        need("npm", "--version");
        install("npm", List.of("npm", "install", "--silent", "--no-save", "--no-audit", "--no-fund", "--prefix", prefix.toString(),
                "openai@" + NODE_SDK));
        return modules;
    }

    private static void need(String... command) {
        try {
            if (ToolProcess.run(Path.of("."), Map.of(), List.of(command)).code() == 0) return;
        } catch (UncheckedIOException missing) {
            // skipped below
        }
        abort(command[0] + " is not installed here: the test of that SDK is skipped");
    }

    private static void install(String tool, List<String> command) {
        long start = System.nanoTime();
        Result result = ToolProcess.run(Path.of("."), Map.of(), command);
        if (result.code() != 0) abort(tool + " could not install the SDK (" + String.join(" ", command) + "): " + result.err().strip());
        System.out.printf("%s installed the SDK in %d s%n", tool, (System.nanoTime() - start) / 1_000_000_000);
    }
}
