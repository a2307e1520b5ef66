package dev.bulwark.data.mask;

import java.util.List;

/**
 * What a masking run did, as printed and written to the JSON report.
 *
 * @param columns one entry per input column, in input order
 */
public record MaskSummary(String schema, String input, String output, String format, long rows,
    List<ColumnSummary> columns, long durationMillis) {

  public static final String SCHEMA = "bulwark/mask-report/v1";

  /**
   * @param action {@code kept}, {@code masked} or {@code dropped}
   * @param operator the operator name, null when kept
   * @param scope {@code value} or {@code spans}, null when kept
   * @param entity the detected or declared entity id, may be null
   * @param source {@code rules} or {@code detected}, null when kept
   * @param type the column's type in the input (Parquet), null for text formats
   */
  public record ColumnSummary(String name, String action, String operator, String scope, String entity, String source,
      long changed, String type) {}

  public MaskSummary {
    columns = List.copyOf(columns);
  }
}
