package dev.bulwark.ml.fairness;

/** One group of one sensitive attribute (or of an intersection of attributes). */
public record GroupResult(String attribute, String group, Confusion counts) {}
