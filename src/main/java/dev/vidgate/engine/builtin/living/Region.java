package dev.vidgate.engine.builtin.living;

/** The kinds of region a picture is split into for living pictures; {@code OTHER} never moves by itself. */
enum Region { WATER, SKY, FOLIAGE, LIGHT, MIST, OTHER }
