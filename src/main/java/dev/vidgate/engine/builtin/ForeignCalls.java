package dev.vidgate.engine.builtin;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.util.Optional;

/**
 * Calls C functions of a shared library that FFmpeg does not wrap, through the JDK's foreign function
 * API ({@code java.lang.foreign}). That API is final from JDK 22 but a preview in 21, the language
 * level this project builds at, so it is reached by reflection here, in this one class, and is simply
 * unavailable on a JDK 21 (callers then keep to what they had). Pointers travel as {@code long}
 * addresses (the x86-64 and AArch64 C conventions pass them exactly like 64-bit integers); memory is
 * JavaCPP's, as for FFmpeg.
 */
final class ForeignCalls {
    private final Object linker;
    private final Object lookup;
    private final Reflected api;

    private ForeignCalls(Reflected api, Object lookup) throws ReflectiveOperationException {
        this.api = api;
        this.linker = api.nativeLinker.invoke(null);
        this.lookup = lookup;
    }

    /**
     * The library called {@code name} (as the dynamic linker finds it, e.g. {@code libopenh264.so.7}),
     * or empty when it is not installed or this JDK has no final foreign function API.
     */
    static Optional<ForeignCalls> open(String name) {
        Reflected api = Reflected.load();
        if (api == null) return Optional.empty();
        try {
            Object arena = api.arenaGlobal.invoke(null);
            return Optional.of(new ForeignCalls(api, api.libraryLookup.invoke(null, name, arena)));
        } catch (ReflectiveOperationException e) {
            return Optional.empty(); // mostly the lookup's IllegalArgumentException: no such library here
        }
    }

    /** A handle on the library's function {@code symbol}; {@code type} uses long for pointers. */
    MethodHandle function(String symbol, MethodType type) {
        try {
            Optional<?> found = (Optional<?>) api.find.invoke(lookup, symbol);
            if (found.isEmpty()) throw new IllegalStateException("the library has no function " + symbol);
            return downcall(found.get(), type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot link " + symbol, e);
        }
    }

    /** A handle on the C function at {@code address} (from a table of function pointers). */
    MethodHandle functionAt(long address, MethodType type) {
        if (address == 0) throw new IllegalStateException("a null function pointer");
        try {
            return downcall(api.ofAddress.invoke(null, address), type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot link the function at " + Long.toHexString(address), e);
        }
    }

    private MethodHandle downcall(Object segment, MethodType type) throws ReflectiveOperationException {
        Object[] arguments = (Object[]) Array.newInstance(api.memoryLayout, type.parameterCount());
        for (int i = 0; i < arguments.length; i++) arguments[i] = api.layout(type.parameterType(i));
        Object descriptor = type.returnType() == void.class
                ? api.ofVoid.invoke(null, (Object) arguments)
                : api.of.invoke(null, api.layout(type.returnType()), arguments);
        Object options = Array.newInstance(api.linkerOption, 0);
        return ((MethodHandle) api.downcallHandle.invoke(linker, segment, descriptor, options)).asType(type);
    }

    /** The reflected pieces of {@code java.lang.foreign}, found once. */
    private static final class Reflected {
        private static volatile Reflected instance;
        private static volatile boolean tried;

        final Class<?> memoryLayout;
        final Class<?> linkerOption;
        final java.lang.reflect.Method nativeLinker;
        final java.lang.reflect.Method arenaGlobal;
        final java.lang.reflect.Method libraryLookup;
        final java.lang.reflect.Method find;
        final java.lang.reflect.Method ofAddress;
        final java.lang.reflect.Method of;
        final java.lang.reflect.Method ofVoid;
        final java.lang.reflect.Method downcallHandle;
        private final Object javaLong;
        private final Object javaInt;
        private final Object javaBoolean;

        private Reflected() throws ReflectiveOperationException {
            ClassLoader boot = ClassLoader.getPlatformClassLoader();
            Class<?> linker = Class.forName("java.lang.foreign.Linker", false, boot);
            Class<?> arena = Class.forName("java.lang.foreign.Arena", false, boot);
            Class<?> symbolLookup = Class.forName("java.lang.foreign.SymbolLookup", false, boot);
            Class<?> segment = Class.forName("java.lang.foreign.MemorySegment", false, boot);
            Class<?> descriptor = Class.forName("java.lang.foreign.FunctionDescriptor", false, boot);
            Class<?> valueLayout = Class.forName("java.lang.foreign.ValueLayout", false, boot);
            memoryLayout = Class.forName("java.lang.foreign.MemoryLayout", false, boot);
            linkerOption = Class.forName("java.lang.foreign.Linker$Option", false, boot);
            nativeLinker = linker.getMethod("nativeLinker");
            arenaGlobal = arena.getMethod("global");
            libraryLookup = symbolLookup.getMethod("libraryLookup", String.class, arena);
            find = symbolLookup.getMethod("find", String.class);
            ofAddress = segment.getMethod("ofAddress", long.class);
            Class<?> layouts = memoryLayout.arrayType();
            of = descriptor.getMethod("of", memoryLayout, layouts);
            ofVoid = descriptor.getMethod("ofVoid", layouts);
            downcallHandle = linker.getMethod("downcallHandle", segment, descriptor, linkerOption.arrayType());
            javaLong = valueLayout.getField("JAVA_LONG").get(null);
            javaInt = valueLayout.getField("JAVA_INT").get(null);
            javaBoolean = valueLayout.getField("JAVA_BOOLEAN").get(null);
        }

        /** The API, or null before JDK 22 (where it is a preview this code cannot use). */
        static Reflected load() {
            if (!tried) {
                synchronized (Reflected.class) {
                    if (!tried) {
                        try {
                            if (Runtime.version().feature() >= 22) instance = new Reflected();
                        } catch (ReflectiveOperationException | RuntimeException e) {
                            instance = null;
                        }
                        tried = true;
                    }
                }
            }
            return instance;
        }

        Object layout(Class<?> type) {
            if (type == long.class) return javaLong;
            if (type == int.class) return javaInt;
            if (type == boolean.class) return javaBoolean;
            throw new IllegalArgumentException("no C type for " + type);
        }
    }
}
