package dev.bulwark.data.mask;

import dev.bulwark.data.PiiEntity;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What masking does to one value (or to one detected span inside a value). Implementations are immutable
 * and thread-safe. {@code entity} is the entity the value holds, when known (null otherwise).
 */
public sealed interface MaskOperator {

  String apply(String value, PiiEntity entity);

  /** Short name as written in rules files and reports. */
  String name();

  /** Drops the whole column from the output; {@link #apply} is never called. */
  record Drop() implements MaskOperator {
    @Override
    public String apply(String value, PiiEntity entity) {
      throw new IllegalStateException("a dropped column has no values");
    }

    @Override
    public String name() {
      return "drop";
    }
  }

  /** Replaces the value with a fixed marker. */
  record Redact(String replacement) implements MaskOperator {
    public Redact() {
      this("[REDACTED]");
    }

    @Override
    public String apply(String value, PiiEntity entity) {
      return replacement;
    }

    @Override
    public String name() {
      return "redact";
    }
  }

  /** Replaces the value with its entity tag ({@code <EMAIL>}), or {@code <PII>} when unknown. */
  record Tag() implements MaskOperator {
    @Override
    public String apply(String value, PiiEntity entity) {
      return entity == null ? "<PII>" : entity.tag();
    }

    @Override
    public String name() {
      return "tag";
    }
  }

  /** Masks letters and digits with {@code *} except the last {@code keep}; separators stay. */
  record Partial(int keep) implements MaskOperator {
    public Partial {
      if (keep < 0) {
        throw new IllegalArgumentException("keep must be >= 0: " + keep);
      }
    }

    @Override
    public String apply(String value, PiiEntity entity) {
      int alnum = 0;
      for (int i = 0; i < value.length(); i++) {
        if (Character.isLetterOrDigit(value.charAt(i))) {
          alnum++;
        }
      }
      // never reveal more than half of a short value
      int reveal = Math.min(keep, alnum / 2);
      StringBuilder b = new StringBuilder(value.length());
      int seen = 0;
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (Character.isLetterOrDigit(c)) {
          seen++;
          b.append(seen > alnum - reveal ? c : '*');
        } else {
          b.append(c);
        }
      }
      return b.toString();
    }

    @Override
    public String name() {
      return "partial";
    }
  }

  /** HMAC-SHA256 of the value, lower-case hex, optionally truncated to {@code length} characters. */
  record KeyedHash(MaskKey key, int length) implements MaskOperator {
    public KeyedHash {
      if (length < 8 || length > 64) {
        throw new IllegalArgumentException("hash length must be 8..64 hex characters: " + length);
      }
    }

    @Override
    public String apply(String value, PiiEntity entity) {
      return HexFormat.of().formatHex(key.hmac(value)).substring(0, length);
    }

    @Override
    public String name() {
      return "hash";
    }
  }

  /** Stable, realistic-looking replacement (see {@link Pseudonyms}). */
  record Pseudonym(MaskKey key) implements MaskOperator {
    @Override
    public String apply(String value, PiiEntity entity) {
      return Pseudonyms.of(key, entity, value);
    }

    @Override
    public String name() {
      return "pseudonym";
    }
  }

  /** Parses {@code redact|tag|partial|hash|pseudonym|drop}; the key is needed by hash and pseudonym. */
  static MaskOperator parse(String op, int keep, int hashLength, java.util.function.Supplier<MaskKey> key) {
    return switch (op.trim().toLowerCase(Locale.ROOT)) {
      case "drop" -> new Drop();
      case "redact" -> new Redact();
      case "tag" -> new Tag();
      case "partial" -> new Partial(keep);
      case "hash" -> new KeyedHash(key.get(), hashLength);
      case "pseudonym" -> new Pseudonym(key.get());
      default -> throw new IllegalArgumentException("unknown masking operator '" + op
          + "' (expected redact, tag, partial, hash, pseudonym or drop)");
    };
  }
}
