package dev.bulwark.model.scan.pickle;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads pickle opcodes one at a time from a {@link ByteSource}. Byte payloads larger than the capture
 * limit are skipped, not buffered, so that multi-gigabyte pickles stream in constant memory.
 */
public final class PickleDisassembler {
  static final int MAX_LINE = 1 << 16;
  private final ByteSource in;
  private final int captureLimit;

  public PickleDisassembler(ByteSource in, int captureLimit) {
    this.in = in;
    this.captureLimit = captureLimit;
  }

  public ByteSource source() {
    return in;
  }

  /** The next instruction; {@link EOFException} when the stream ends, mid-instruction or not. */
  public Instruction next() throws IOException {
    long offset = in.position();
    int b = in.readByte();
    Opcode op = Opcode.of(b);
    if (op == null) {
      throw new PickleFormatException(offset, String.format("invalid opcode 0x%02x", b));
    }
    return switch (op.arg()) {
      case NONE -> new Instruction(offset, op, null, 0);
      case UINT1 -> new Instruction(offset, op, (long) in.readByte(), 0);
      case UINT2 -> new Instruction(offset, op, in.readLittleEndian(2), 0);
      case INT4 -> new Instruction(offset, op, (long) (int) in.readLittleEndian(4), 0);
      case UINT4 -> new Instruction(offset, op, in.readLittleEndian(4), 0);
      case FIXED8 -> new Instruction(offset, op, in.readLittleEndian(8), 0);
      case LINE -> new Instruction(offset, op, latin1(in.readLine(MAX_LINE)), 0);
      case TWO_LINES -> new Instruction(offset, op,
          new String[] {latin1(in.readLine(MAX_LINE)), latin1(in.readLine(MAX_LINE))}, 0);
      case BYTES1 -> payload(offset, op, in.readByte());
      case BYTES4 -> payload(offset, op, op == Opcode.BINSTRING ? (int) in.readLittleEndian(4) : in.readLittleEndian(4));
      case BYTES8 -> payload(offset, op, in.readLittleEndian(8));
    };
  }

  private Instruction payload(long offset, Opcode op, long length) throws IOException {
    if (length < 0) {
      throw new PickleFormatException(offset, op + " with negative length " + length);
    }
    if (length <= captureLimit) {
      return new Instruction(offset, op, in.readFully((int) length), length);
    }
    in.skip(length);
    return new Instruction(offset, op, null, length);
  }

  static String latin1(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1);
  }
}
