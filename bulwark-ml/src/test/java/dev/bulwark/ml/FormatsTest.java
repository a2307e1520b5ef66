package dev.bulwark.ml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ml.data.TableSource;
import dev.bulwark.ml.drift.ColumnDrift;
import dev.bulwark.ml.drift.DriftAnalysis;
import dev.bulwark.ml.drift.DriftRequest;
import dev.bulwark.ml.drift.DriftResult;
import dev.bulwark.ml.fairness.FairnessAnalysis;
import dev.bulwark.ml.fairness.FairnessRequest;
import dev.bulwark.ml.fairness.FairnessResult;
import dev.bulwark.spi.testkit.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same table as CSV, Parquet (any file name) and JSON Lines gives the same audit. */
class FormatsTest {
  @TempDir
  Path tmp;

  @Test
  void csvParquetAndJsonLinesAgree() throws Exception {
    Path csv = Fixtures.path("fairness/small/data.csv").toAbsolutePath();
    Path parquet = tmp.resolve("predictions.bin");
    Path jsonl = tmp.resolve("data.jsonl");
    try (TableSource source = TableSource.open(); Statement s = source.connection().createStatement()) {
      s.execute("COPY (SELECT * FROM read_csv('" + TableSource.sqlString(csv.toString()) + "')) TO '"
          + TableSource.sqlString(parquet.toString()) + "' (FORMAT parquet)");
      s.execute("COPY (SELECT * FROM read_csv('" + TableSource.sqlString(csv.toString()) + "')) TO '"
          + TableSource.sqlString(jsonl.toString()) + "' (FORMAT json)");
    }
    assertThat(Files.readAllBytes(parquet)).startsWith((byte) 'P', (byte) 'A', (byte) 'R', (byte) '1');
    FairnessResult fromCsv = audit(csv);
    for (Path other : List.of(parquet, jsonl)) {
      FairnessResult r = audit(other);
      assertThat(r.groups()).as(other.toString()).isEqualTo(fromCsv.groups());
      assertThat(r.metrics()).isEqualTo(fromCsv.metrics());
      assertThat(r.rows()).isEqualTo(3000);
    }
  }

  @Test
  void temporalColumnsAreLeftOutOfDriftUnlessNamed() throws Exception {
    Path csv = Fixtures.path("drift/small/reference.csv").toAbsolutePath();
    Path parquet = tmp.resolve("with-time.parquet");
    try (TableSource source = TableSource.open(); Statement s = source.connection().createStatement()) {
      s.execute("COPY (SELECT *, TIMESTAMP '2026-01-01 00:00:00' + to_seconds(row_number() OVER ()) AS ts FROM read_csv('"
          + TableSource.sqlString(csv.toString()) + "')) TO '" + TableSource.sqlString(parquet.toString()) + "' (FORMAT parquet)");
    }
    DriftRequest.Thresholds t = DriftRequest.Thresholds.defaults();
    try (TableSource source = TableSource.open()) {
      DriftResult all = DriftAnalysis.run(source, new DriftRequest(parquet, parquet, List.of(), List.of(), List.of(), t));
      assertThat(all.columns()).extracting(ColumnDrift::name).doesNotContain("ts").contains("x_same", "cat2");
      assertThat(all.detected()).isFalse();
    }
    try (TableSource source = TableSource.open()) {
      DriftResult named = DriftAnalysis.run(source, new DriftRequest(parquet, parquet, List.of("ts"), List.of(), List.of(), t));
      assertThat(named.columns()).extracting(ColumnDrift::type).containsExactly("categorical");
    }
  }

  private static FairnessResult audit(Path data) throws Exception {
    try (TableSource source = TableSource.open()) {
      return FairnessAnalysis.run(source, new FairnessRequest(data, "label", "pred", List.of("race", "sex"), List.of("1"),
          List.of(), null, Map.of(), 0, 0, 0.95));
    }
  }
}
