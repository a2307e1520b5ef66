package dev.bulwark.ml.data;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Builds the SQL predicate "this column holds a positive outcome" for a column of a given DuckDB type. */
public final class Positivity {
  private Positivity() {}

  /**
   * @param column the column name (quoted here)
   * @param type the DuckDB type from DESCRIBE
   * @param values the values that count as positive, as the user wrote them
   * @throws IllegalArgumentException when a value cannot be compared with the column's type
   */
  public static String predicate(String column, String type, List<String> values) {
    String col = TableSource.quote(column);
    String t = type.toUpperCase(Locale.ROOT);
    if (t.equals("BOOLEAN")) {
      boolean wantTrue = false;
      boolean wantFalse = false;
      for (String v : values) {
        switch (v.strip().toLowerCase(Locale.ROOT)) {
          case "1", "true", "t", "yes", "y" -> wantTrue = true;
          case "0", "false", "f", "no", "n" -> wantFalse = true;
          default -> throw new IllegalArgumentException("positive value '" + v + "' is not a boolean (column " + column + ")");
        }
      }
      return wantTrue && wantFalse ? "(" + col + " IS NOT NULL)" : "(" + col + " = " + (wantTrue ? "TRUE" : "FALSE") + ")";
    }
    if (isNumeric(t)) {
      String list = values.stream().map(v -> {
        try {
          return Double.toString(Double.parseDouble(v.strip()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("positive value '" + v + "' is not a number but column " + column + " is " + type);
        }
      }).collect(Collectors.joining(", "));
      return "(CAST(" + col + " AS DOUBLE) IN (" + list + "))";
    }
    String list = values.stream().map(v -> "'" + TableSource.sqlString(v) + "'").collect(Collectors.joining(", "));
    return "(CAST(" + col + " AS VARCHAR) IN (" + list + "))";
  }

  /** Predicate "score >= threshold" for a numeric score column. */
  public static String threshold(String column, String type, double threshold) {
    if (!isNumeric(type.toUpperCase(Locale.ROOT))) {
      throw new IllegalArgumentException("--threshold needs a numeric prediction column, but " + column + " is " + type);
    }
    return "(CAST(" + TableSource.quote(column) + " AS DOUBLE) >= " + threshold + ")";
  }

  public static boolean isNumeric(String upperType) {
    return upperType.matches("(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|REAL)")
        || upperType.startsWith("DECIMAL");
  }
}
