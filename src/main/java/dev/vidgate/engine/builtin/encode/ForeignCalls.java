package dev.vidgate.engine.builtin.encode;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.Optional;

/**
 * Calls C functions of a shared library that FFmpeg does not wrap, through the JDK's foreign function
 * API ({@code java.lang.foreign}). Pointers travel as {@code long} addresses (the x86-64 and AArch64 C
 * conventions pass them exactly like 64-bit integers); memory is JavaCPP's, as for FFmpeg.
 */
final class ForeignCalls {
    private static final Linker LINKER = Linker.nativeLinker();

    private final SymbolLookup lookup;

    private ForeignCalls(SymbolLookup lookup) {
        this.lookup = lookup;
    }

    /**
     * The library called {@code name} (as the dynamic linker finds it, e.g. {@code libopenh264.so.7}),
     * or empty when it is not installed.
     */
    static Optional<ForeignCalls> open(String name) {
        try {
            return Optional.of(new ForeignCalls(SymbolLookup.libraryLookup(name, Arena.global())));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // no such library here
        }
    }

    /** A handle on the library's function {@code symbol}; {@code type} uses long for pointers. */
    MethodHandle function(String symbol, MethodType type) {
        MemorySegment found = lookup.find(symbol)
                .orElseThrow(() -> new IllegalStateException("the library has no function " + symbol));
        return downcall(found, type);
    }

    /** A handle on the C function at {@code address} (from a table of function pointers). */
    MethodHandle functionAt(long address, MethodType type) {
        if (address == 0) throw new IllegalStateException("a null function pointer");
        return downcall(MemorySegment.ofAddress(address), type);
    }

    private static MethodHandle downcall(MemorySegment function, MethodType type) {
        MemoryLayout[] arguments = new MemoryLayout[type.parameterCount()];
        for (int i = 0; i < arguments.length; i++) arguments[i] = layout(type.parameterType(i));
        FunctionDescriptor descriptor = type.returnType() == void.class
                ? FunctionDescriptor.ofVoid(arguments)
                : FunctionDescriptor.of(layout(type.returnType()), arguments);
        return LINKER.downcallHandle(function, descriptor).asType(type);
    }

    private static MemoryLayout layout(Class<?> type) {
        if (type == long.class) return ValueLayout.JAVA_LONG;
        if (type == int.class) return ValueLayout.JAVA_INT;
        if (type == boolean.class) return ValueLayout.JAVA_BOOLEAN;
        throw new IllegalArgumentException("no C type for " + type);
    }
}
