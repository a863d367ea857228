package dev.vidgate.engine.relay;

import dev.vidgate.common.FileTrees;
import dev.vidgate.engine.EngineOutput;
import dev.vidgate.video.Adjustment;
import dev.vidgate.video.Variant;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** A finished upstream video, copied into this node's scratch folder: one file per rendition. */
final class RelayOutput implements EngineOutput {
    private final Path folder;
    private final int deliveredSeconds;
    private final Usage usage;
    private final List<Adjustment> adjustments;

    RelayOutput(Path folder, int deliveredSeconds, Usage usage, List<Adjustment> adjustments) {
        this.folder = folder;
        this.deliveredSeconds = deliveredSeconds;
        this.usage = usage;
        this.adjustments = List.copyOf(adjustments);
    }

    @Override
    public List<Adjustment> adjustments() { return adjustments; }

    @Override
    public Usage usage() { return usage; }

    @Override
    public int deliveredSeconds() { return deliveredSeconds; }

    @Override
    public InputStream open(Variant variant) throws IOException {
        return Files.newInputStream(folder.resolve(variant.fileName()));
    }

    /** Deletes the files; a second call finds nothing to do. */
    void delete() {
        try {
            FileTrees.deleteTree(folder);
        } catch (NoSuchFileException ignored) {
            // already gone
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(RelayOutput.class).warn("could not delete {}", folder, e);
        }
    }
}
