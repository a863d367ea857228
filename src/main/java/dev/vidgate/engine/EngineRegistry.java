package dev.vidgate.engine;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The configured engines by name; a job names the engine that generates it. */
public final class EngineRegistry {
    private final Map<String, Engine> engines;

    public EngineRegistry(Map<String, Engine> engines) {
        this.engines = Map.copyOf(engines);
    }

    public Optional<Engine> find(String name) {
        return Optional.ofNullable(engines.get(name));
    }

    public Collection<Engine> all() {
        return engines.values();
    }
}
