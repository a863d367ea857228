package dev.vidgate.engine.builtin.encode;

/** The contract on the OpenH264 bundled with FFmpeg. */
class BundledH264EncoderTest extends VideoEncoderContract {
    @Override
    VideoEncoder.Factory encoders() {
        return H264Encoder.BUNDLED;
    }
}
