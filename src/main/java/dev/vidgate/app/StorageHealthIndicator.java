package dev.vidgate.app;

import dev.vidgate.health.StorageHealth;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code storage} in {@code /actuator/health/readiness}: down while writes fail or a disk is below the watermark. */
@Component
class StorageHealthIndicator implements HealthIndicator {
    private final StorageHealth storage;

    StorageHealthIndicator(StorageHealth storage) {
        this.storage = storage;
    }

    @Override
    public Health health() {
        return storage.problem().map(problem -> Health.down().withDetail("problem", problem).build()).orElseGet(() -> Health.up().build());
    }
}
