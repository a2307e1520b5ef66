package dev.bulwark.model.scan.pickle;

/**
 * One disassembled opcode. {@code arg} is a {@link Long} for integer arguments, a {@link String} for text
 * lines (latin-1 decoded), a {@code String[2]} for GLOBAL/INST, {@code byte[]} for byte payloads (null when
 * the payload was larger than the capture limit and skipped) and null for opcodes without argument.
 * {@code length} is the declared payload length for byte payloads.
 */
public record Instruction(long offset, Opcode opcode, Object arg, long length) {}
