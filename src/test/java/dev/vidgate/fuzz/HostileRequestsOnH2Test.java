package dev.vidgate.fuzz;

import java.util.Map;

class HostileRequestsOnH2Test extends HostileRequestsContract {
    @Override
    Map<String, String> database() {
        return Map.of();
    }
}
