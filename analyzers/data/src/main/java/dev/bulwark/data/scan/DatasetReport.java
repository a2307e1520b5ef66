package dev.bulwark.data.scan;

import dev.bulwark.data.detect.ColumnFinding;
import dev.bulwark.data.table.DatasetFormat;
import java.util.List;

/**
 * What a PII scan of one file found.
 *
 * @param rows rows (or lines, for text) read
 * @param complete false when the scan stopped at its row or byte bound (a sample)
 * @param columns the dataset's column names (empty for text)
 * @param passedOver parts of the file not scanned or scanned only in part, each naming its line (a CSV field cut
 *     at 1 Mi characters, a JSON Lines record the parser refused); empty when everything read was scanned
 */
public record DatasetReport(String path, DatasetFormat format, long rows, boolean complete, List<String> columns,
    List<ColumnFinding> findings, List<TextHit> textHits, List<String> passedOver) {

  public DatasetReport {
    columns = List.copyOf(columns);
    findings = List.copyOf(findings);
    textHits = List.copyOf(textHits);
    passedOver = List.copyOf(passedOver);
  }
}
