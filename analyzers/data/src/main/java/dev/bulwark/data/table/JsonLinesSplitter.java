package dev.bulwark.data.table;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits JSON Lines into records without parsing them: a record ends at a line break outside every string and
 * bracket, so a record written over several lines stays whole. Each {@link #next()} is a stream of one
 * record's bytes; whatever its reader leaves unread is skipped when the next one is asked for. That lets a
 * reader pass over one bad record (too long a string, too deep, malformed) and go on with the next, in one
 * linear pass and a fixed buffer.
 */
final class JsonLinesSplitter {

  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int len;
  private boolean eof;
  private long line = 1;
  private Record current;

  JsonLinesSplitter(InputStream in) {
    this.in = in;
  }

  /** The next record's bytes, or null at the end of the input. */
  InputStream next() throws IOException {
    if (current != null) {
      current.skipRest();
    }
    if (!fill()) {
      return null;
    }
    current = new Record();
    return current;
  }

  /** The line the current record's first non-blank byte is on. */
  long recordLine() {
    return current == null ? line : current.firstLine;
  }

  private boolean fill() throws IOException {
    while (pos == len && !eof) {
      int n = in.read(buf, 0, buf.length);
      if (n < 0) {
        eof = true;
      } else {
        pos = 0;
        len = n;
      }
    }
    return pos < len;
  }

  private final class Record extends InputStream {
    private int depth;
    private boolean inString;
    private boolean escape;
    private boolean started;
    private boolean ended;
    private long firstLine = line;

    /** Bytes of this record available in the buffer from {@code pos}, scanning them for the record's end. */
    private int scan(int max) {
      int end = max >= len - pos ? len : pos + max;
      for (int i = pos; i < end; i++) {
        byte b = buf[i];
        if (b == '\n') {
          line++;
          if (started && depth == 0 && !inString) {
            ended = true;
            return i + 1 - pos;
          }
          continue;
        }
        if (!started && b != ' ' && b != '\t' && b != '\r') {
          started = true;
          firstLine = line;
        }
        if (inString) {
          if (escape) {
            escape = false;
          } else if (b == '\\') {
            escape = true;
          } else if (b == '"') {
            inString = false;
          }
        } else if (b == '"') {
          inString = true;
        } else if (b == '{' || b == '[') {
          if (depth < Integer.MAX_VALUE) {
            depth++;
          }
        } else if ((b == '}' || b == ']') && depth > 0) {
          depth--;
        }
      }
      return end - pos;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int n) throws IOException {
      if (n == 0) {
        return 0;
      }
      if (ended || current != this || !fill()) {
        return -1;
      }
      int k = scan(n);
      System.arraycopy(buf, pos, b, off, k);
      pos += k;
      return k;
    }

    void skipRest() throws IOException {
      while (!ended && fill()) {
        pos += scan(Integer.MAX_VALUE);
      }
    }
  }
}
