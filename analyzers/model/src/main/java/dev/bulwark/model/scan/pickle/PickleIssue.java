package dev.bulwark.model.scan.pickle;

/**
 * One problem in a pickle stream.
 *
 * @param kind dangerous callable, unknown callable or malformed stream
 * @param offset opcode offset in the stream the issue was found in
 * @param callable the callable or construct (qualified name), or the problem for malformed streams
 * @param detail why it matters
 * @param via for pickles nested in pickles: the chain of loader calls that leads to this stream, else empty
 * @param occurrences how many times the same callable appears in the stream
 */
public record PickleIssue(Kind kind, long offset, String callable, String detail, String via, int occurrences) {

  public enum Kind { DANGEROUS, UNKNOWN, MALFORMED }
}
