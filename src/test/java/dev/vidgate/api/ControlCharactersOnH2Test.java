package dev.vidgate.api;

import java.util.Map;

class ControlCharactersOnH2Test extends ControlCharactersContract {
    @Override
    Map<String, String> database() {
        return Map.of();
    }
}
