package dev.bulwark.model.scan.pickle;

/**
 * Something the symbolic machine saw that matters for safety.
 *
 * @param kind what was seen
 * @param offset opcode offset in the (decompressed) member stream
 * @param module module of the callable, when known
 * @param name attribute name (may be dotted), when known
 * @param opcode the opcode that produced it
 * @param detail free-form explanation for anomalies
 */
public record Observation(Kind kind, long offset, String module, String name, Opcode opcode, String detail) {

  public enum Kind {
    /** A module attribute is imported (and usually called): GLOBAL, STACK_GLOBAL, INST. */
    GLOBAL,
    /** STACK_GLOBAL whose module or name is not a plain string: the name is computed at load time. */
    DYNAMIC_GLOBAL,
    /** EXT1/2/4: a callable from the copyreg extension registry. */
    EXTENSION,
    /** A call whose callable is the result of another call, not a named global. */
    INDIRECT_CALL,
    /** BUILD, SETITEM, APPEND... applied to a module-level object: monkey-patching at load time. */
    GLOBAL_MUTATION
  }

  public String qualifiedName() {
    if (module == null) {
      return name == null ? "?" : name;
    }
    return module + "." + name;
  }
}
