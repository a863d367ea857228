package dev.vidgate.engine.builtin.encode;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacv.FrameRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.Optional;

/**
 * The machine's own OpenH264 library ({@value #LIBRARY}, e.g. Debian's {@code libopenh264-7}), called
 * directly. The FFmpeg build the project ships compiles its OpenH264 without assembly, which makes
 * encoding about twice as slow as this library with its SIMD code on the same frames; encoding is most
 * of a render's work, so a machine that has the library renders much faster. Only this soname is used:
 * its structures are laid out as below (checked against the 2.3.1 headers, where {@code SEncParamExt}
 * is 920 bytes), and a newer soname may lay them out differently.
 */
final class SystemOpenH264 {
    private static final Logger log = LoggerFactory.getLogger(SystemOpenH264.class);
    static final String LIBRARY = "libopenh264.so.7";
    private static final int MAJOR_VERSION = 2;

    // ISVCEncoder's table of functions (C API): the order of codec_api.h
    private static final int INITIALIZE_EXT = 1;
    private static final int GET_DEFAULT_PARAMS = 2;
    private static final int ENCODE_FRAME = 4;
    private static final int ENCODE_PARAMETER_SETS = 5;
    private static final int FORCE_INTRA_FRAME = 6;
    private static final int SET_OPTION = 7;
    private static final int VTABLE_SLOTS = 9;
    static final int ENCODER_OPTION_TRACE_LEVEL = 25;

    private static volatile Optional<SystemOpenH264> instance;

    private final MethodHandle create;
    private final MethodHandle destroy;
    private final MethodHandle initializeExt;
    private final MethodHandle getDefaultParams;
    private final MethodHandle encodeFrame;
    private final MethodHandle encodeParameterSets;
    private final MethodHandle forceIntraFrame;
    private final MethodHandle setOption;
    private final String version;

    private SystemOpenH264(ForeignCalls library) throws Throwable {
        create = library.function("WelsCreateSVCEncoder", MethodType.methodType(int.class, long.class));
        destroy = library.function("WelsDestroySVCEncoder", MethodType.methodType(void.class, long.class));
        MethodHandle versionOf = library.function("WelsGetCodecVersionEx", MethodType.methodType(void.class, long.class));
        try (BytePointer v = new BytePointer(16)) {
            v.fill(0);
            versionOf.invokeExact(v.address());
            version = v.getInt(0) + "." + v.getInt(4) + "." + v.getInt(8);
            if (v.getInt(0) != MAJOR_VERSION) throw new IllegalStateException("unexpected OpenH264 version " + version);
        }
        // every encoder shares one table of functions: read it from a throwaway encoder
        long encoder = newEncoder();
        try {
            BytePointer table = dereference(encoder, VTABLE_SLOTS * 8L);
            MethodType withPointer = MethodType.methodType(int.class, long.class, long.class);
            initializeExt = library.functionAt(table.getLong(INITIALIZE_EXT * 8L), withPointer);
            getDefaultParams = library.functionAt(table.getLong(GET_DEFAULT_PARAMS * 8L), withPointer);
            encodeFrame = library.functionAt(table.getLong(ENCODE_FRAME * 8L), MethodType.methodType(int.class, long.class, long.class, long.class));
            encodeParameterSets = library.functionAt(table.getLong(ENCODE_PARAMETER_SETS * 8L), withPointer);
            // declared (encoder, bool) for C, implemented as (bool bIDR, int iLayerId = -1): pass the -1 too
            forceIntraFrame = library.functionAt(table.getLong(FORCE_INTRA_FRAME * 8L),
                    MethodType.methodType(int.class, long.class, boolean.class, int.class));
            setOption = library.functionAt(table.getLong(SET_OPTION * 8L), MethodType.methodType(int.class, long.class, int.class, long.class));
        } finally {
            destroy.invokeExact(encoder);
        }
    }

    /** The library, loaded once; empty when this machine or JDK cannot provide it. */
    static Optional<SystemOpenH264> find() {
        Optional<SystemOpenH264> found = instance;
        if (found == null) {
            synchronized (SystemOpenH264.class) {
                found = instance;
                if (found == null) {
                    found = ForeignCalls.open(LIBRARY).flatMap(SystemOpenH264::load);
                    instance = found;
                }
            }
        }
        return found;
    }

    private static Optional<SystemOpenH264> load(ForeignCalls library) {
        try {
            return Optional.of(new SystemOpenH264(library));
        } catch (Throwable e) {
            // installed, but not the library this code knows: say so once, and keep to the bundled encoder
            log.warn("{} is installed but cannot be used ({}); encoding with the OpenH264 bundled with FFmpeg", LIBRARY, e.toString());
            return Optional.empty();
        }
    }

    /** The library's version, e.g. {@code 2.3.1}. */
    String version() {
        return version;
    }

    long newEncoder() throws FrameRecorder.Exception {
        try (BytePointer out = new BytePointer(8)) {
            out.putLong(0, 0);
            check("WelsCreateSVCEncoder", () -> (int) create.invokeExact(out.address()));
            long encoder = out.getLong(0);
            if (encoder == 0) throw new FrameRecorder.Exception("OpenH264 WelsCreateSVCEncoder failed: no encoder");
            return encoder;
        }
    }

    /** Frees an encoder (uninitialising it first, as the library does itself). */
    void destroy(long encoder) {
        try {
            destroy.invokeExact(encoder);
        } catch (Throwable e) {
            throw new IllegalStateException("WelsDestroySVCEncoder failed", e);
        }
    }

    /** Sets an option; its result is returned, not checked (the trace level, set before anything else, may be refused harmlessly). */
    int setOption(long encoder, int option, long value) throws FrameRecorder.Exception {
        return call("SetOption", () -> (int) setOption.invokeExact(encoder, option, value));
    }

    void getDefaultParams(long encoder, long params) throws FrameRecorder.Exception {
        check("GetDefaultParams", () -> (int) getDefaultParams.invokeExact(encoder, params));
    }

    void initializeExt(long encoder, long params) throws FrameRecorder.Exception {
        check("InitializeExt", () -> (int) initializeExt.invokeExact(encoder, params));
    }

    void encodeFrame(long encoder, long picture, long info) throws FrameRecorder.Exception {
        check("EncodeFrame", () -> (int) encodeFrame.invokeExact(encoder, picture, info));
    }

    void encodeParameterSets(long encoder, long info) throws FrameRecorder.Exception {
        check("EncodeParameterSets", () -> (int) encodeParameterSets.invokeExact(encoder, info));
    }

    void forceIntraFrame(long encoder) throws FrameRecorder.Exception {
        check("ForceIntraFrame", () -> (int) forceIntraFrame.invokeExact(encoder, true, -1));
    }

    /** One call into the library, returning an int. */
    @FunctionalInterface
    private interface NativeCall {
        int invoke() throws Throwable;
    }

    /** Makes a call; anything it throws becomes a {@link FrameRecorder.Exception} naming the function. */
    private static int call(String function, NativeCall call) throws FrameRecorder.Exception {
        try {
            return call.invoke();
        } catch (Throwable e) {
            throw new FrameRecorder.Exception("OpenH264 " + function + " failed", e);
        }
    }

    /** Makes a call whose result is 0 on success; anything else is a {@link FrameRecorder.Exception}. */
    private static void check(String function, NativeCall call) throws FrameRecorder.Exception {
        int result = call(function, call);
        if (result != 0) throw new FrameRecorder.Exception("OpenH264 " + function + " failed: " + result);
    }

    /** {@code bytes} of native memory at the address stored at {@code address}. */
    static BytePointer dereference(long address, long bytes) {
        return at(at(address, 8).getLong(0), bytes);
    }

    /** A view of {@code bytes} of native memory at {@code address} (not owned: never freed through it). */
    static BytePointer at(long nativeAddress, long bytes) {
        if (nativeAddress == 0) throw new IllegalStateException("a null pointer from OpenH264");
        return new BytePointer(new Pointer() {
            {
                address = nativeAddress; // Pointer's own field (a name the parameter must not shadow)
            }
        }).capacity(bytes);
    }
}
