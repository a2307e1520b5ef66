package dev.bulwark.data.detect;

import dev.bulwark.data.PiiEntity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates per-column evidence row by row, then judges which columns hold which entities. Each value
 * is scanned with the column name as its context (so {@code dob: 1987-04-16} reads as a birth date), and
 * name-shaped or address-shaped values count when the column name says person or address.
 *
 * <p>A column of short values must be mostly of one entity (half its values, or a tenth when its name says
 * so); a free-text column (four or more words per value on average) is reported for any validated hit.
 * Not thread-safe: one profiler per file.
 */
public final class ColumnProfiler {

  private static final double REPORT_CONFIDENCE = 0.5;
  private static final double WHOLE_VALUE_BONUS = 0.15;

  private final TextDetector detector;
  private final List<Column> columns = new ArrayList<>();

  private static final class Column {
    final String name;
    final String context;
    long nonEmpty;
    long words;
    final Map<PiiEntity, long[]> counts = new EnumMap<>(PiiEntity.class);
    final Map<PiiEntity, double[]> confidence = new EnumMap<>(PiiEntity.class);
    final Map<PiiEntity, String> samples = new EnumMap<>(PiiEntity.class);
    final Map<PiiEntity, Long> sampleRows = new EnumMap<>(PiiEntity.class);
    final boolean saysPerson;
    /** The name says person only through the generic word "name" ("name", "short_name"), not "first_name". */
    final boolean onlyGenericName;
    final boolean saysAddress;
    final boolean saysPhone;

    Column(String name) {
      this.name = name;
      this.context = String.join(" ", ColumnNames.split(name)) + ": ";
      this.saysPerson = ColumnNames.says(PiiEntity.PERSON, name);
      this.onlyGenericName = saysPerson && onlyGenericName(ColumnNames.split(name));
      this.saysAddress = ColumnNames.says(PiiEntity.STREET_ADDRESS, name);
      this.saysPhone = ColumnNames.says(PiiEntity.PHONE, name);
    }
  }

  private static final List<String> PERSON_CUES = List.of("firstname", "lastname", "givenname", "familyname",
      "fullname", "middlename", "maidenname", "surname", "forename", "fname", "lname", "patient", "customer",
      "employee", "person", "contact", "author", "recipient", "sender");

  private static boolean isBareDigits(String v) {
    String s = v.strip();
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Whether "name" is the only thing in the column's words that says person ("name", "short_name"). */
  static boolean onlyGenericName(List<String> words) {
    String joined = String.join("", words);
    return PERSON_CUES.stream().noneMatch(joined::contains);
  }

  public ColumnProfiler(TextDetector detector) {
    this.detector = detector;
  }

  /** Adds one row, aligned with {@code names} (which may have grown since the last row). */
  public void add(List<String> names, String[] row) {
    add(names, row, rowCounter++);
  }

  private long rowCounter;

  /**
   * Adds row number {@code rowIndex}; the redacted sample of an entity is taken from its lowest row, so that
   * profilers filled in parallel and then {@link #merge merged} report the same as one filled in order.
   */
  public void add(List<String> names, String[] row, long rowIndex) {
    currentRow = rowIndex;
    while (columns.size() < names.size()) {
      columns.add(new Column(names.get(columns.size())));
    }
    for (int i = 0; i < row.length && i < columns.size(); i++) {
      String v = row[i];
      if (v == null || v.isBlank()) {
        continue;
      }
      addValue(columns.get(i), v.length() > 4096 ? v.substring(0, 4096) : v);
    }
  }

  private long currentRow;

  /** Adds another profiler's counts (same column order) to this one. */
  public void merge(ColumnProfiler other) {
    for (int i = 0; i < other.columns.size(); i++) {
      Column o = other.columns.get(i);
      while (columns.size() <= i) {
        columns.add(new Column(other.columns.get(columns.size()).name));
      }
      Column c = columns.get(i);
      c.nonEmpty += o.nonEmpty;
      c.words += o.words;
      o.counts.forEach((e, n) -> c.counts.computeIfAbsent(e, k -> new long[1])[0] += n[0]);
      o.confidence.forEach((e, n) -> c.confidence.computeIfAbsent(e, k -> new double[1])[0] += n[0]);
      o.samples.forEach((e, sample) -> {
        Long mine = c.sampleRows.get(e);
        long theirs = o.sampleRows.get(e);
        if (mine == null || theirs < mine) {
          c.samples.put(e, sample);
          c.sampleRows.put(e, theirs);
        }
      });
    }
  }

  private void addValue(Column c, String v) {
    c.nonEmpty++;
    c.words += countWords(v);
    String text = c.context + v;
    int offset = c.context.length();
    EnumMap<PiiEntity, Double> best = new EnumMap<>(PiiEntity.class);
    int valueStart = offset;
    while (valueStart < text.length() && Character.isWhitespace(text.charAt(valueStart))) {
      valueStart++;
    }
    int valueEnd = text.length();
    while (valueEnd > valueStart && Character.isWhitespace(text.charAt(valueEnd - 1))) {
      valueEnd--;
    }
    for (Detection d : detector.detect(text, detector.threshold() - WHOLE_VALUE_BONUS)) {
      if (d.end() > offset) {
        // a value that is entirely one entity is stronger evidence than a hit inside it
        boolean whole = d.start() <= valueStart && d.end() >= valueEnd;
        double conf = whole ? Math.min(1.0, d.confidence() + WHOLE_VALUE_BONUS) : d.confidence();
        if (conf >= detector.threshold()) {
          best.merge(d.entity(), conf, Math::max);
        }
      }
    }
    if (!c.saysPerson && countWords(v) < 4) {
      // "product name: Widget Pro" is not a person; short values need the column to say person
      best.remove(PiiEntity.PERSON);
    }
    if (!c.saysPhone && best.containsKey(PiiEntity.PHONE) && isBareDigits(v)) {
      // a plain integer ("92433800" in a stock table's Volume column) is a phone only where the column says so
      best.remove(PiiEntity.PHONE);
    }
    if (c.onlyGenericName && best.containsKey(PiiEntity.PERSON) && !NameScanner.looksLikePersonName(v)) {
      // the "name: " context made the text detector read any capitalised value as a person
      best.remove(PiiEntity.PERSON);
    }
    // A column called just "name" holds names of anything (GDAL's GRIB tables: "Temperature", "NCEP Central
    // Operations"); there a value must look like a person's name itself: two to four title-case words.
    if (c.saysPerson && !best.containsKey(PiiEntity.PERSON)
        && (c.onlyGenericName ? NameScanner.looksLikePersonName(v) : NameScanner.looksLikeName(v))) {
      best.put(PiiEntity.PERSON, 0.8);
    }
    if (!best.containsKey(PiiEntity.STREET_ADDRESS) && AddressScanner.looksLikeAddress(v)) {
      best.put(PiiEntity.STREET_ADDRESS, c.saysAddress ? 0.85 : 0.6);
    } else if (c.saysAddress && !best.containsKey(PiiEntity.STREET_ADDRESS) && v.length() > 5 && hasDigitAndLetter(v)) {
      best.put(PiiEntity.STREET_ADDRESS, 0.7);
    }
    best.forEach((e, conf) -> {
      c.counts.computeIfAbsent(e, k -> new long[1])[0]++;
      c.confidence.computeIfAbsent(e, k -> new double[1])[0] += conf;
      Long at = c.sampleRows.get(e);
      if (at == null || currentRow < at) {
        c.samples.put(e, Redaction.sample(v));
        c.sampleRows.put(e, currentRow);
      }
    });
  }

  /** The entities found per column, most confident first within a column, columns in order. */
  public List<ColumnFinding> findings() {
    List<ColumnFinding> out = new ArrayList<>();
    for (Column c : columns) {
      if (c.nonEmpty == 0) {
        continue;
      }
      boolean freeText = (double) c.words / c.nonEmpty >= 4.0;
      List<ColumnFinding> mine = new ArrayList<>();
      for (Map.Entry<PiiEntity, long[]> e : c.counts.entrySet()) {
        long matches = e.getValue()[0];
        double share = (double) matches / c.nonEmpty;
        double mean = c.confidence.get(e.getKey())[0] / matches;
        // a bare "name" column is not evidence of persons: its values must carry the finding on their own
        boolean named = ColumnNames.says(e.getKey(), c.name) && !(e.getKey() == PiiEntity.PERSON && c.onlyGenericName);
        boolean enough = freeText ? true : share >= 0.5 || (named && share >= 0.1);
        if (!enough) {
          continue;
        }
        double confidence = Math.min(1.0, mean * (freeText ? 1.0 : 0.6 + 0.4 * share) + (named ? 0.15 : 0));
        if (confidence >= REPORT_CONFIDENCE) {
          mine.add(new ColumnFinding(c.name, e.getKey(), matches, c.nonEmpty, share, round(confidence), named, freeText,
              c.samples.get(e.getKey())));
        }
      }
      mine.sort(Comparator.comparingDouble(ColumnFinding::share).reversed());
      out.addAll(mine);
    }
    return out;
  }

  /** Column names seen so far, with their non-empty value counts. */
  public Map<String, Long> nonEmptyCounts() {
    Map<String, Long> m = new java.util.LinkedHashMap<>();
    columns.forEach(c -> m.put(c.name, c.nonEmpty));
    return m;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static int countWords(String v) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < v.length(); i++) {
      boolean w = !Character.isWhitespace(v.charAt(i));
      if (w && !in) {
        n++;
      }
      in = w;
    }
    return n;
  }

  private static boolean hasDigitAndLetter(String v) {
    boolean d = false;
    boolean l = false;
    for (int i = 0; i < v.length(); i++) {
      d |= Character.isDigit(v.charAt(i));
      l |= Character.isLetter(v.charAt(i));
    }
    return d && l;
  }
}
