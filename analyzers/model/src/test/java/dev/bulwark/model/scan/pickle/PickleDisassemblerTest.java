package dev.bulwark.model.scan.pickle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PickleDisassemblerTest {

  /** One instance of every opcode with a well-formed argument, written by hand. */
  static byte[] everyOpcode() {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    for (Opcode op : Opcode.values()) {
      o.write(op.code());
      switch (op.arg()) {
        case NONE -> { }
        case UINT1 -> o.write(op == Opcode.PROTO ? 4 : 1);
        case UINT2 -> o.writeBytes(new byte[] {1, 0});
        case INT4, UINT4 -> o.writeBytes(new byte[] {1, 0, 0, 0});
        case FIXED8 -> o.writeBytes(new byte[8]);
        case LINE -> o.writeBytes(op == Opcode.STRING ? "'a'\n".getBytes() : "1\n".getBytes());
        case TWO_LINES -> o.writeBytes("mod\nname\n".getBytes());
        case BYTES1 -> o.writeBytes(new byte[] {2, 'h', 'i'});
        case BYTES4 -> o.writeBytes(new byte[] {2, 0, 0, 0, 'h', 'i'});
        case BYTES8 -> o.writeBytes(ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN).putLong(2).put((byte) 'h').put((byte) 'i').array());
      }
    }
    return o.toByteArray();
  }

  @Test
  void disassemblesEveryOpcodeOfProtocolsZeroToFive() throws IOException {
    byte[] stream = everyOpcode();
    PickleDisassembler d = new PickleDisassembler(new ByteSource(new ByteArrayInputStream(stream)), 1 << 20);
    Set<Opcode> seen = EnumSet.noneOf(Opcode.class);
    List<Long> offsets = new ArrayList<>();
    while (true) {
      Instruction i;
      try {
        i = d.next();
      } catch (EOFException end) {
        break;
      }
      seen.add(i.opcode());
      offsets.add(i.offset());
    }
    assertThat(seen).containsExactlyInAnyOrder(Opcode.values());
    assertThat(offsets.get(0)).isZero();
    assertThat(offsets).isSorted().doesNotHaveDuplicates();
    assertThat(Opcode.values()).hasSize(68);
  }

  @Test
  void largePayloadsAreSkippedNotBuffered() throws IOException {
    byte[] stream = ByteBuffer.allocate(1 + 8 + 5000 + 1).order(ByteOrder.LITTLE_ENDIAN)
        .put((byte) 0x8e).putLong(5000).put(new byte[5000]).put((byte) '.').array();
    PickleDisassembler d = new PickleDisassembler(new ByteSource(new ByteArrayInputStream(stream)), 100);
    Instruction big = d.next();
    assertThat(big.opcode()).isEqualTo(Opcode.BINBYTES8);
    assertThat(big.arg()).isNull();
    assertThat(big.length()).isEqualTo(5000);
    assertThat(d.next().offset()).isEqualTo(5009);
  }

  @Test
  void invalidOpcodeNamesItsOffset() {
    PickleDisassembler d = new PickleDisassembler(new ByteSource(new ByteArrayInputStream(new byte[] {'N', (byte) 0xff})), 10);
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> {
      d.next();
      d.next();
    })).isInstanceOf(PickleFormatException.class).hasMessageContaining("0xff").hasMessageContaining("offset 0x1");
  }
}
