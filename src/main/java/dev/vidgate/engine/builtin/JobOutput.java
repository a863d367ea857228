package dev.vidgate.engine.builtin;

import dev.vidgate.engine.EngineOutput;
import dev.vidgate.video.Variant;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

/** The committed files of a finished job; each {@link #open} reads the file afresh from disk. */
record JobOutput(JobFiles files, int deliveredSeconds) implements EngineOutput {
    @Override
    public InputStream open(Variant variant) throws IOException {
        return Files.newInputStream(files.file(variant));
    }
}
