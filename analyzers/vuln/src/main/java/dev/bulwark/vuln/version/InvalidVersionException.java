package dev.bulwark.vuln.version;

/** A version string that its scheme cannot read. */
public final class InvalidVersionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidVersionException(String scheme, String text, String problem) {
    super("not a " + scheme + " version: '" + text + "' (" + problem + ")");
  }
}
