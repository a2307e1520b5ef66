package dev.bulwark.vuln.version;

/**
 * A parsed version of one scheme. Versions of different schemes are never compared with each other;
 * doing so is a programmer error ({@link ClassCastException}).
 */
public interface Version extends Comparable<Version> {

  /** The text the version was parsed from. */
  String text();
}
