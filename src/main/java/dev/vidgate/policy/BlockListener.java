package dev.vidgate.policy;

/** Hears of every block (the metrics implement it). */
@FunctionalInterface
public interface BlockListener {

    void blocked(Category category, Source source);

    BlockListener NONE = (category, source) -> {};
}
