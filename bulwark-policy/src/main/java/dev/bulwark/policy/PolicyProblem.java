package dev.bulwark.policy;

/** Something wrong (or questionable, when {@code error} is false) in a policy file, with its place. */
public record PolicyProblem(SourcePos at, boolean error, String message) {

  @Override
  public String toString() {
    return at + ": " + (error ? "error" : "warning") + ": " + message;
  }
}
