package dev.vidgate.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a program as the operator runs it from a shell: a separate process in a working directory of
 * the test's choosing, with an environment it controls, waited for (at most two minutes) and its exit code,
 * standard output and standard error kept apart.
 */
public final class ToolProcess {
    private ToolProcess() {}

    /** What a run printed and how it ended. */
    public record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** {@code java ... dev.vidgate.app.VidgateApplication args} on this test JVM's classes, in {@code dir}. */
    public static Result vidgate(Path dir, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "dev.vidgate.app.VidgateApplication"));
        command.addAll(List.of(args));
        return run(dir, env, command);
    }

    /** Runs {@code command} in {@code dir}; {@code env} is added to this process's environment (a null value removes a variable). */
    public static Result run(Path dir, Map<String, String> env, List<String> command) {
        try {
            Path out = Files.createTempFile("tool-out", ".txt");
            Path err = Files.createTempFile("tool-err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            env.forEach((name, value) -> {
                if (value == null) builder.environment().remove(name);
                else builder.environment().put(name, value);
            });
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(command + " did not end within 2 minutes; stdout: " + Files.readString(out));
            }
            Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
