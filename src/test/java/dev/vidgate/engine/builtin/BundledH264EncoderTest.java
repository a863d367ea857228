package dev.vidgate.engine.builtin;

/** The contract on the OpenH264 bundled with FFmpeg. */
class BundledH264EncoderTest extends VideoEncoderContract {
    @Override
    VideoEncoder.Factory encoders() {
        return H264Encoder.BUNDLED;
    }
}
