package dev.vidgate.app.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command line after the group and action: positional words, {@code --flag value} options and
 * {@code --switch}es. Every option a command does not know is an error, so a typo never passes silently.
 */
final class Args {
    private static final Set<String> SWITCHES = Set.of("disable", "enable");

    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();
    private final Set<String> switches = new HashSet<>();

    static Args parse(List<String> words) {
        Args args = new Args();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--")) {
                args.positional.add(word);
                continue;
            }
            String name = word.substring(2);
            if (SWITCHES.contains(name)) {
                args.switches.add(name);
            } else if (i + 1 < words.size()) {
                args.options.put(name, words.get(++i));
            } else {
                throw new UsageException("missing value for " + word);
            }
        }
        return args;
    }

    /** Fails on options and positional words beyond what the command takes. */
    Args allow(int positionals, String... names) {
        Set<String> known = Set.of(names);
        for (String name : options.keySet()) {
            if (!known.contains(name)) throw new UsageException("unknown option --" + name);
        }
        for (String name : switches) {
            if (!known.contains(name)) throw new UsageException("unknown option --" + name);
        }
        if (positional.size() > positionals) throw new UsageException("unexpected '" + positional.get(positionals) + "'");
        return this;
    }

    String positional(int index, String what) {
        if (index >= positional.size()) throw new UsageException("missing " + what);
        return positional.get(index);
    }

    String option(String name) {
        return options.get(name);
    }

    boolean has(String name) {
        return options.containsKey(name) || switches.contains(name);
    }

    String required(String name) {
        String value = options.get(name);
        if (value == null) throw new UsageException("missing --" + name);
        return value;
    }

    Integer integer(String name) {
        String value = options.get(name);
        if (value == null) return null;
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a whole number, got '" + value + "'");
        }
    }

    /** Misuse of the command line: answered with the usage text and exit code 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }
}
