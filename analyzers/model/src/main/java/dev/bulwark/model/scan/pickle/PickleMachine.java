package dev.bulwark.model.scan.pickle;

import dev.bulwark.model.scan.pickle.PyValue.Bytes;
import dev.bulwark.model.scan.pickle.PyValue.Call;
import dev.bulwark.model.scan.pickle.PyValue.Global;
import dev.bulwark.model.scan.pickle.PyValue.Int;
import dev.bulwark.model.scan.pickle.PyValue.Mark;
import dev.bulwark.model.scan.pickle.PyValue.Opaque;
import dev.bulwark.model.scan.pickle.PyValue.Seq;
import dev.bulwark.model.scan.pickle.PyValue.Str;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one pickle symbolically: a real stack, mark stack and memo, but every call is recorded instead of
 * made. Stops at STOP, at the end of the stream or at the first malformed opcode; everything seen before
 * the break is kept, because attackers break the tail of a stream on purpose.
 */
public final class PickleMachine {
  private static final Mark MARK = new Mark();
  private static final Opaque NONE = new Opaque("None");

  private final PickleDisassembler dis;
  private final PickleLimits limits;
  private final List<Observation> observations;
  private final List<NestedPayload> nested;
  private final int depth;
  private final List<PyValue> stack = new ArrayList<>();
  private final List<Integer> marks = new ArrayList<>();
  private final Map<Long, PyValue> memo = new HashMap<>();
  private long opcodes;
  private int protocol;

  PickleMachine(PickleDisassembler dis, PickleLimits limits, List<Observation> observations,
      List<NestedPayload> nested, int depth) {
    this.dis = dis;
    this.limits = limits;
    this.observations = observations;
    this.nested = nested;
    this.depth = depth;
  }

  /** Result of one pickle: the value left by STOP (null when it never came) and how it ended. */
  public record Outcome(PyValue value, boolean stopped, IOException error, long opcodes, int protocol, long start) {}

  public Outcome run() {
    long start = dis.source().position();
    try {
      while (true) {
        Instruction ins = dis.next();
        if (++opcodes > limits.maxOpcodes()) {
          throw new PickleFormatException(ins.offset(), "more than " + limits.maxOpcodes() + " opcodes");
        }
        if (ins.opcode() == Opcode.STOP) {
          PyValue top = stack.isEmpty() ? null : stack.get(stack.size() - 1);
          if (stack.isEmpty() && marks.isEmpty()) {
            throw new PickleFormatException(ins.offset(), "STOP with an empty stack");
          }
          return new Outcome(top, true, null, opcodes, protocol, start);
        }
        step(ins);
      }
    } catch (IOException e) {
      return new Outcome(null, false, e, opcodes, protocol, start);
    }
  }

  private void step(Instruction ins) throws IOException {
    long off = ins.offset();
    switch (ins.opcode()) {
      case MARK -> {
        if (marks.size() >= limits.maxStack()) throw new PickleFormatException(off, "too many marks");
        marks.add(stack.size());
      }
      case POP -> {
        if (stack.isEmpty()) popMark(off); else pop(off);
      }
      case POP_MARK -> popMark(off);
      case DUP -> push(off, top(off));
      case FLOAT, BINFLOAT -> push(off, new Opaque("float"));
      case INT -> push(off, parseIntLine((String) ins.arg(), off));
      case LONG -> {
        String s = ((String) ins.arg()).trim();
        push(off, parseBig(s.endsWith("L") ? s.substring(0, s.length() - 1) : s, off));
      }
      case BININT, BININT1, BININT2 -> push(off, Int.of((Long) ins.arg()));
      case LONG1, LONG4 -> push(off, longFromBytes((byte[]) ins.arg(), ins.length()));
      case NONE -> push(off, NONE);
      case NEWTRUE, NEWFALSE -> push(off, new Opaque("bool"));
      case PERSID -> push(off, new Call(new Global("<persistent_load>", "", off), new Str((String) ins.arg()), off));
      case BINPERSID -> push(off, new Call(new Global("<persistent_load>", "", off), pop(off), off));
      case STRING -> push(off, new Str(PythonStrings.unquote((String) ins.arg(), off)));
      case BINSTRING, SHORT_BINSTRING -> push(off, str(ins, StandardCharsets.ISO_8859_1));
      case UNICODE -> push(off, new Str(PythonStrings.rawUnicodeEscape((String) ins.arg())));
      case BINUNICODE, SHORT_BINUNICODE, BINUNICODE8 -> push(off, str(ins, StandardCharsets.UTF_8));
      case BINBYTES, SHORT_BINBYTES, BINBYTES8, BYTEARRAY8 -> push(off, new Bytes((byte[]) ins.arg(), ins.length()));
      case EMPTY_TUPLE -> push(off, new Seq("tuple"));
      case TUPLE -> push(off, new Seq("tuple", popMark(off)));
      case TUPLE1, TUPLE2, TUPLE3 -> {
        int n = ins.opcode().ordinal() - Opcode.TUPLE1.ordinal() + 1;
        List<PyValue> items = new ArrayList<>();
        for (int i = 0; i < n; i++) items.add(0, pop(off));
        push(off, new Seq("tuple", items));
      }
      case EMPTY_LIST -> push(off, new Seq("list"));
      case LIST -> push(off, new Seq("list", popMark(off)));
      case EMPTY_DICT -> push(off, new Seq("dict"));
      case DICT -> push(off, new Seq("dict", popMark(off)));
      case EMPTY_SET -> push(off, new Seq("set"));
      case FROZENSET -> push(off, new Seq("frozenset", popMark(off)));
      case APPEND -> {
        PyValue v = pop(off);
        addTo(top(off), List.of(v), off, "APPEND");
      }
      case APPENDS, ADDITEMS -> {
        List<PyValue> items = popMark(off);
        addTo(top(off), items, off, ins.opcode().name());
      }
      case SETITEM -> {
        PyValue v = pop(off);
        PyValue k = pop(off);
        addTo(top(off), List.of(k, v), off, "SETITEM");
      }
      case SETITEMS -> {
        List<PyValue> items = popMark(off);
        if (items.size() % 2 != 0) throw new PickleFormatException(off, "SETITEMS with an odd number of items");
        addTo(top(off), items, off, "SETITEMS");
      }
      case GET, BINGET, LONG_BINGET -> {
        long key = ins.arg() instanceof String s ? parseMemoKey(s, off) : (Long) ins.arg();
        PyValue v = memo.get(key);
        if (v == null) throw new PickleFormatException(off, "memo key " + key + " was never stored");
        push(off, v);
      }
      case PUT, BINPUT, LONG_BINPUT -> {
        long key = ins.arg() instanceof String s ? parseMemoKey(s, off) : (Long) ins.arg();
        store(key, top(off), off);
      }
      case MEMOIZE -> store(memo.size(), top(off), off);
      case GLOBAL -> {
        String[] mn = (String[]) ins.arg();
        push(off, global(mn[0], mn[1], off, Opcode.GLOBAL));
      }
      case STACK_GLOBAL -> {
        PyValue name = pop(off);
        PyValue module = pop(off);
        if (module instanceof Str m && name instanceof Str n) {
          push(off, global(m.value(), n.value(), off, Opcode.STACK_GLOBAL));
        } else {
          observations.add(new Observation(Observation.Kind.DYNAMIC_GLOBAL, off, null, describe(module) + "." + describe(name),
              Opcode.STACK_GLOBAL, "module or name is computed at load time"));
          push(off, new Global(describe(module), describe(name), off));
        }
      }
      case INST -> {
        String[] mn = (String[]) ins.arg();
        List<PyValue> args = popMark(off);
        Global g = global(mn[0], mn[1], off, Opcode.INST);
        push(off, call(g, new Seq("tuple", args), off));
      }
      case OBJ -> {
        List<PyValue> items = popMark(off);
        if (items.isEmpty()) throw new PickleFormatException(off, "OBJ without a class");
        push(off, call(items.get(0), new Seq("tuple", items.subList(1, items.size())), off));
      }
      case REDUCE -> {
        PyValue args = pop(off);
        PyValue callable = pop(off);
        push(off, call(callable, args, off));
      }
      case NEWOBJ -> {
        PyValue args = pop(off);
        PyValue cls = pop(off);
        push(off, call(cls, args, off));
      }
      case NEWOBJ_EX -> {
        pop(off);
        PyValue args = pop(off);
        PyValue cls = pop(off);
        push(off, call(cls, args, off));
      }
      case BUILD -> {
        PyValue state = pop(off);
        PyValue target = top(off);
        if (target instanceof Global g) {
          mutation(g, off, "BUILD sets attributes of module-level object " + g.qualifiedName());
        } else if (target instanceof Call c && c.callable() instanceof Global g && JoblibArrays.isWrapper(g)) {
          JoblibArrays.skipInlineData(state, dis, this::nestedInStream, off);
        }
      }
      case EXT1, EXT2, EXT4 -> {
        long code = (Long) ins.arg();
        observations.add(new Observation(Observation.Kind.EXTENSION, off, "copyreg", "extension code " + code,
            ins.opcode(), "callable from the copyreg extension registry"));
        push(off, new Global("copyreg", "extension code " + code, off));
      }
      case PROTO -> {
        protocol = (int) (long) (Long) ins.arg();
        if (protocol > 5) throw new PickleFormatException(off, "unsupported protocol " + protocol);
      }
      case FRAME -> {
        long size = (Long) ins.arg();
        if (size < 0) throw new PickleFormatException(off, "negative frame size");
      }
      case NEXT_BUFFER -> push(off, new Opaque("buffer"));
      case READONLY_BUFFER -> top(off);
      case STOP -> throw new IllegalStateException("STOP is handled by run()");
    }
  }

  private Global global(String module, String name, long off, Opcode op) {
    Global g = new Global(module, name, off);
    observations.add(new Observation(Observation.Kind.GLOBAL, off, module, name, op, null));
    return g;
  }

  /** Helpers that import {@code module.name} from their two string arguments, like GLOBAL does. */
  private static final java.util.Set<String> IMPORTERS = java.util.Set.of("numpy.core._ufunc_reconstruct",
      "numpy._core._ufunc_reconstruct", "numpy.core.multiarray._ufunc_reconstruct");

  private Call call(PyValue callable, PyValue args, long off) {
    if (callable instanceof Global g && IMPORTERS.contains(g.qualifiedName())) {
      // numpy pickles ufuncs as _ufunc_reconstruct('numpy', 'log1p'): judge what it imports, not the helper
      if (args instanceof Seq a && a.items.size() == 2 && a.items.get(0) instanceof Str m && a.items.get(1) instanceof Str n) {
        observations.add(new Observation(Observation.Kind.GLOBAL, off, m.value(), n.value(), Opcode.REDUCE, null));
        return new Call(new Global(m.value(), n.value(), off), new Seq("tuple"), off);
      }
      observations.add(new Observation(Observation.Kind.DYNAMIC_GLOBAL, off, null, g.qualifiedName() + "(...)",
          Opcode.REDUCE, "imports a module attribute named at load time"));
      return new Call(callable, args, off);
    }
    if (callable instanceof Global g) {
      if (!g.module().startsWith("<")) {
        NestedLoaders.payload(g, args).ifPresent(b -> nested.add(new NestedPayload(off, g.qualifiedName(), b)));
      }
    } else if (!(callable instanceof Call c && c.callable() instanceof Global pl && pl.module().equals("<persistent_load>"))) {
      // PyTorch's legacy format returns module classes from persistent_load; the class was seen as a GLOBAL
      observations.add(new Observation(Observation.Kind.INDIRECT_CALL, off, null, "call of " + describe(callable),
          null, "the callable is computed at load time"));
    }
    return new Call(callable, args, off);
  }

  private void addTo(PyValue target, List<PyValue> items, long off, String op) throws PickleFormatException {
    if (target instanceof Seq s) {
      items.forEach(s::add);
    } else if (target instanceof Global g) {
      mutation(g, off, op + " changes module-level object " + g.qualifiedName());
    } else if (target instanceof Mark) {
      throw new PickleFormatException(off, op + " on a mark");
    }
  }

  private void mutation(Global g, long off, String detail) {
    observations.add(new Observation(Observation.Kind.GLOBAL_MUTATION, off, g.module(), g.name(), null, detail));
  }

  private void nestedInStream(long off) throws IOException {
    if (depth >= limits.maxDepth()) {
      throw new PickleFormatException(off, "pickles nested deeper than " + limits.maxDepth());
    }
    Outcome o = new PickleMachine(dis, limits, observations, nested, depth + 1).run();
    if (o.error() != null) {
      throw o.error();
    }
  }

  private void store(long key, PyValue v, long off) throws PickleFormatException {
    if (memo.size() >= limits.maxMemo() && !memo.containsKey(key)) {
      throw new PickleFormatException(off, "memo larger than " + limits.maxMemo() + " entries");
    }
    memo.put(key, v);
  }

  private void push(long off, PyValue v) throws PickleFormatException {
    if (stack.size() >= limits.maxStack()) {
      throw new PickleFormatException(off, "stack deeper than " + limits.maxStack());
    }
    stack.add(v);
  }

  private PyValue pop(long off) throws PickleFormatException {
    int floor = marks.isEmpty() ? 0 : marks.get(marks.size() - 1);
    if (stack.size() <= floor) {
      throw new PickleFormatException(off, "stack underflow");
    }
    return stack.remove(stack.size() - 1);
  }

  private PyValue top(long off) throws PickleFormatException {
    int floor = marks.isEmpty() ? 0 : marks.get(marks.size() - 1);
    if (stack.size() <= floor) {
      throw new PickleFormatException(off, "stack underflow");
    }
    return stack.get(stack.size() - 1);
  }

  private List<PyValue> popMark(long off) throws PickleFormatException {
    if (marks.isEmpty()) {
      throw new PickleFormatException(off, "no mark on the stack");
    }
    int at = marks.remove(marks.size() - 1);
    List<PyValue> sub = stack.subList(at, stack.size());
    List<PyValue> items = new ArrayList<>(sub);
    sub.clear();
    return items;
  }

  private static Str str(Instruction ins, java.nio.charset.Charset cs) {
    byte[] b = (byte[]) ins.arg();
    return new Str(b == null ? "<" + ins.length() + "-byte string>" : new String(b, cs));
  }

  private static PyValue parseIntLine(String line, long off) throws PickleFormatException {
    String s = line.trim();
    if (s.equals("01") || s.equals("00")) {
      return new Opaque("bool");
    }
    return parseBig(s, off);
  }

  private static Int parseBig(String s, long off) throws PickleFormatException {
    try {
      if (s.length() > 4300) throw new NumberFormatException("too long");
      BigInteger b = new BigInteger(s);
      return b.bitLength() < 63 ? Int.of(b.longValue()) : new Int(b.longValue(), b);
    } catch (NumberFormatException e) {
      throw new PickleFormatException(off, "bad integer literal");
    }
  }

  private static long parseMemoKey(String s, long off) throws PickleFormatException {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      throw new PickleFormatException(off, "bad memo key");
    }
  }

  private static Int longFromBytes(byte[] le, long length) {
    if (le == null) {
      return new Int(0, BigInteger.ONE.shiftLeft(64));
    }
    if (le.length == 0) {
      return Int.of(0);
    }
    byte[] be = new byte[le.length];
    for (int i = 0; i < le.length; i++) {
      be[i] = le[le.length - 1 - i];
    }
    BigInteger b = new BigInteger(be);
    return b.bitLength() < 63 ? Int.of(b.longValue()) : new Int(b.longValue(), b);
  }

  static String describe(PyValue v) {
    if (v instanceof Str s) return s.value();
    if (v instanceof Global g) return g.qualifiedName();
    if (v instanceof Call c) return describe(c.callable()) + "(...)";
    if (v instanceof Bytes b) return "bytes";
    if (v instanceof Int i) return String.valueOf(i.asBig());
    if (v instanceof Seq s) return s.type;
    if (v instanceof Opaque o) return o.what();
    return "?";
  }
}
