package dev.bulwark.data.scan;

import dev.bulwark.data.PiiEntity;

/** An entity found in a plain-text file, at a 1-based line and column, with a redacted sample. */
public record TextHit(PiiEntity entity, int line, int column, double confidence, String sample) {}
