package dev.bulwark.model.scan.pickle;

/**
 * Every opcode of pickle protocols 0 to 5, with how its argument is encoded in the stream
 * (see CPython's {@code pickletools} for the normative list).
 */
public enum Opcode {
  MARK('(', Arg.NONE, 0), STOP('.', Arg.NONE, 0), POP('0', Arg.NONE, 0), POP_MARK('1', Arg.NONE, 1),
  DUP('2', Arg.NONE, 0), FLOAT('F', Arg.LINE, 0), INT('I', Arg.LINE, 0), BININT('J', Arg.INT4, 1),
  BININT1('K', Arg.UINT1, 1), LONG('L', Arg.LINE, 0), BININT2('M', Arg.UINT2, 1), NONE('N', Arg.NONE, 0),
  PERSID('P', Arg.LINE, 0), BINPERSID('Q', Arg.NONE, 1), REDUCE('R', Arg.NONE, 0), STRING('S', Arg.LINE, 0),
  BINSTRING('T', Arg.BYTES4, 1), SHORT_BINSTRING('U', Arg.BYTES1, 1), UNICODE('V', Arg.LINE, 0),
  BINUNICODE('X', Arg.BYTES4, 1), APPEND('a', Arg.NONE, 0), BUILD('b', Arg.NONE, 0), GLOBAL('c', Arg.TWO_LINES, 0),
  DICT('d', Arg.NONE, 0), EMPTY_DICT('}', Arg.NONE, 1), APPENDS('e', Arg.NONE, 1), GET('g', Arg.LINE, 0),
  BINGET('h', Arg.UINT1, 1), INST('i', Arg.TWO_LINES, 0), LONG_BINGET('j', Arg.UINT4, 1), LIST('l', Arg.NONE, 0),
  EMPTY_LIST(']', Arg.NONE, 1), OBJ('o', Arg.NONE, 1), PUT('p', Arg.LINE, 0), BINPUT('q', Arg.UINT1, 1),
  LONG_BINPUT('r', Arg.UINT4, 1), SETITEM('s', Arg.NONE, 0), TUPLE('t', Arg.NONE, 0), EMPTY_TUPLE(')', Arg.NONE, 1),
  SETITEMS('u', Arg.NONE, 1), BINFLOAT('G', Arg.FIXED8, 1),
  PROTO(0x80, Arg.UINT1, 2), NEWOBJ(0x81, Arg.NONE, 2), EXT1(0x82, Arg.UINT1, 2), EXT2(0x83, Arg.UINT2, 2),
  EXT4(0x84, Arg.INT4, 2), TUPLE1(0x85, Arg.NONE, 2), TUPLE2(0x86, Arg.NONE, 2), TUPLE3(0x87, Arg.NONE, 2),
  NEWTRUE(0x88, Arg.NONE, 2), NEWFALSE(0x89, Arg.NONE, 2), LONG1(0x8a, Arg.BYTES1, 2), LONG4(0x8b, Arg.BYTES4, 2),
  BINBYTES('B', Arg.BYTES4, 3), SHORT_BINBYTES('C', Arg.BYTES1, 3),
  SHORT_BINUNICODE(0x8c, Arg.BYTES1, 4), BINUNICODE8(0x8d, Arg.BYTES8, 4), BINBYTES8(0x8e, Arg.BYTES8, 4),
  EMPTY_SET(0x8f, Arg.NONE, 4), ADDITEMS(0x90, Arg.NONE, 4), FROZENSET(0x91, Arg.NONE, 4),
  NEWOBJ_EX(0x92, Arg.NONE, 4), STACK_GLOBAL(0x93, Arg.NONE, 4), MEMOIZE(0x94, Arg.NONE, 4), FRAME(0x95, Arg.FIXED8, 4),
  BYTEARRAY8(0x96, Arg.BYTES8, 5), NEXT_BUFFER(0x97, Arg.NONE, 5), READONLY_BUFFER(0x98, Arg.NONE, 5);

  /** How the argument that follows the opcode byte is encoded. */
  public enum Arg { NONE, UINT1, UINT2, INT4, UINT4, FIXED8, LINE, TWO_LINES, BYTES1, BYTES4, BYTES8 }

  private static final Opcode[] BY_CODE = new Opcode[256];

  static {
    for (Opcode op : values()) {
      BY_CODE[op.code] = op;
    }
  }

  private final int code;
  private final Arg arg;
  private final int protocol;

  Opcode(int code, Arg arg, int protocol) {
    this.code = code;
    this.arg = arg;
    this.protocol = protocol;
  }

  public int code() {
    return code;
  }

  public Arg arg() {
    return arg;
  }

  /** The first protocol that defines the opcode. */
  public int protocol() {
    return protocol;
  }

  /** The opcode for a byte, or null when the byte is no opcode. */
  public static Opcode of(int b) {
    return BY_CODE[b & 0xFF];
  }
}
