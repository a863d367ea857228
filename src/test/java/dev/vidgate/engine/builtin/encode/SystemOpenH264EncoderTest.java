package dev.vidgate.engine.builtin.encode;

import org.junit.jupiter.api.BeforeEach;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The contract on the machine's OpenH264. Skipped where the library is not installed ({@code .ci/run}
 * installs Debian's {@code libopenh264-7}, so CI runs it).
 */
class SystemOpenH264EncoderTest extends VideoEncoderContract {
    @BeforeEach // each test, so that a machine without the library reports them as skipped
    void needsTheLibrary() {
        assumeTrue(SystemOpenH264.find().isPresent(), SystemOpenH264.LIBRARY + " is not installed here");
    }

    @Override
    VideoEncoder.Factory encoders() {
        return SystemOpenH264Encoder.factory(SystemOpenH264.find().orElseThrow());
    }
}
