package dev.bulwark.data.scan;

import dev.bulwark.data.detect.ColumnProfiler;
import dev.bulwark.data.detect.Detection;
import dev.bulwark.data.detect.Redaction;
import dev.bulwark.data.detect.TextDetector;
import dev.bulwark.data.table.DatasetFormat;
import dev.bulwark.data.table.Datasets;
import dev.bulwark.data.table.TableReader;
import dev.bulwark.spi.UnreadableInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scans one dataset or text file for PII, streaming, within bounds on rows and bytes (0 = unbounded) so
 * that a scan of a huge file reads a sample of its start. Thread-safe (no state beyond the detector).
 */
public final class DatasetScanner {

  /** Text hits kept per file; more are counted but not listed. */
  public static final int MAX_TEXT_HITS = 500;
  private static final int MAX_LINE = 1 << 16;
  /** Longer than any entity the detectors find, so one that straddles two windows is whole in one. */
  private static final int OVERLAP = 512;

  private final TextDetector detector;
  private final long maxRows;
  private final long maxBytes;
  private final int threads;
  private static final int BATCH = 512;

  public DatasetScanner(TextDetector detector, long maxRows, long maxBytes) {
    this(detector, maxRows, maxBytes, 1);
  }

  /** {@code threads} workers profile batches of rows in parallel (1 = on the calling thread). */
  public DatasetScanner(TextDetector detector, long maxRows, long maxBytes, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1: " + threads);
    }
    this.detector = detector;
    this.maxRows = maxRows;
    this.maxBytes = maxBytes;
    this.threads = threads;
  }

  public DatasetReport scan(String path, Path file) throws IOException {
    byte[] head = Datasets.head(file);
    DatasetFormat format = DatasetFormat.detect(file.getFileName().toString(), head);
    if (format == null) {
      throw new UnreadableInputException(path, "not a CSV, TSV, JSON Lines, JSON array, Parquet or text file");
    }
    return scan(path, file, format, head);
  }

  public DatasetReport scan(String path, Path file, DatasetFormat format, byte[] head) throws IOException {
    if (format == DatasetFormat.TEXT) {
      return scanText(path, file);
    }
    if (format == DatasetFormat.ARROW) {
      throw new UnreadableInputException(path, "Arrow IPC files are catalogued but not scanned for PII; convert to Parquet");
    }
    ColumnProfiler profiler = new ColumnProfiler(detector);
    long rows = 0;
    boolean complete = true;
    List<String> columns;
    List<String> passedOver;
    ParallelProfiling workers = threads > 1 ? new ParallelProfiling(detector, threads) : null;
    try (TableReader reader = Datasets.openTolerant(format, path, file, head)) {
      String[] row;
      List<String[]> batch = new ArrayList<>(BATCH);
      long batchStart = 0;
      while ((row = reader.next()) != null) {
        if (workers == null) {
          profiler.add(reader.columns(), row, rows);
        } else {
          batch.add(row);
          if (batch.size() == BATCH) {
            workers.submit(List.copyOf(reader.columns()), batch, batchStart);
            batch = new ArrayList<>(BATCH);
            batchStart = rows + 1;
          }
        }
        rows++;
        if ((maxRows > 0 && rows >= maxRows) || (maxBytes > 0 && format != DatasetFormat.PARQUET && reader.bytesRead() >= maxBytes)) {
          complete = reader.next() == null;
          break;
        }
      }
      if (workers != null) {
        if (!batch.isEmpty()) {
          workers.submit(List.copyOf(reader.columns()), batch, batchStart);
        }
        workers.finishInto(profiler);
        workers = null;
      }
      columns = List.copyOf(reader.columns());
      passedOver = reader.passedOver();
    } catch (IllegalStateException e) {
      throw new UnreadableInputException(path, e.getMessage(), e);
    } finally {
      if (workers != null) {
        workers.abort();
      }
    }
    return new DatasetReport(path, format, rows, complete, columns, profiler.findings(), List.of(), passedOver);
  }

  /**
   * Plain text, line by line, in bounded memory: a line longer than {@code MAX_LINE} characters is scanned in
   * windows of {@code MAX_LINE} that overlap by {@code OVERLAP}, each detection reported once (by the window
   * it starts in), so one enormous line neither fills memory nor hides what comes after its first window.
   */
  private DatasetReport scanText(String path, Path file) throws IOException {
    List<TextHit> hits = new ArrayList<>();
    long lines = 0;
    long bytes = 0;
    boolean complete = true;
    try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
      Chars r = new Chars(in);
      StringBuilder window = new StringBuilder();
      long windowStart = 0; // column (0-based) of the window's first character in its line
      boolean open = false; // a line has started and has not been scanned to its end
      boolean afterCr = false; // "\r\n" ends one line, as BufferedReader.readLine reads it
      for (int ch = r.read(); ch >= 0; ch = r.read()) {
        bytes++;
        if (ch == '\n' && afterCr) {
          afterCr = false;
          continue;
        }
        afterCr = ch == '\r';
        if (ch == '\n' || ch == '\r') {
          lines++;
          scanWindow(window, windowStart, lines, window.length(), hits);
          window.setLength(0);
          windowStart = 0;
          open = false;
          if ((maxRows > 0 && lines >= maxRows) || (maxBytes > 0 && bytes >= maxBytes)) {
            int next = r.read();
            complete = next < 0 || (afterCr && next == '\n' && r.read() < 0);
            break;
          }
          continue;
        }
        open = true;
        window.append((char) ch);
        if (window.length() == MAX_LINE + OVERLAP) {
          // report what starts in the first MAX_LINE characters; the overlap begins the next window
          scanWindow(window, windowStart, lines + 1, MAX_LINE, hits);
          window.delete(0, MAX_LINE);
          windowStart += MAX_LINE;
        }
        if (maxBytes > 0 && bytes >= maxBytes) {
          complete = r.read() < 0;
          break;
        }
      }
      if (open) {
        lines++;
        scanWindow(window, windowStart, lines, window.length(), hits);
      }
    }
    return new DatasetReport(path, DatasetFormat.TEXT, lines, complete, List.of(), List.of(), hits, List.of());
  }

  /** Characters one at a time from bulk reads (a Reader's own read() locks per call). */
  private static final class Chars {
    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;

    Chars(Reader in) {
      this.in = in;
    }

    int read() throws IOException {
      if (pos == len) {
        len = in.read(buf);
        pos = 0;
        if (len <= 0) {
          len = 0;
          return -1;
        }
      }
      return buf[pos++];
    }
  }

  /** Detections in {@code window} that start before {@code reportBefore}, at their column in the line. */
  private void scanWindow(StringBuilder window, long windowStart, long line, int reportBefore, List<TextHit> hits) {
    if (window.isEmpty() || hits.size() >= MAX_TEXT_HITS) {
      return;
    }
    String text = window.toString();
    for (Detection d : detector.detect(text)) {
      if (d.start() < reportBefore && hits.size() < MAX_TEXT_HITS) {
        hits.add(new TextHit(d.entity(), (int) Math.min(line, Integer.MAX_VALUE),
            (int) Math.min(windowStart + d.start() + 1, Integer.MAX_VALUE), d.confidence(), Redaction.sample(d.value(text))));
      }
    }
  }
}
