package dev.bulwark.data.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.data.PiiEntity;
import dev.bulwark.data.detect.Detection;
import dev.bulwark.data.detect.TextDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Precision and recall of {@link TextDetector} per entity against a labelled span set in the Presidio
 * research format ({@code full_text}, {@code spans[entity_type, start_position, end_position]}).
 *
 * <p>Matching is by span overlap: a detection is a true positive when it overlaps a labelled span of the
 * same entity; a labelled span is recalled when some detection of its entity overlaps it. Label types
 * without a Bulwark entity (ORGANIZATION, GPE, ...) are ignored; a detection overlapping only such a
 * label still counts as a false positive.
 */
public final class LabelledSetEvaluation {

  /** Counts for one entity. */
  public record Score(int predicted, int truePositives, int labelled, int recalled) {
    public double precision() {
      return predicted == 0 ? Double.NaN : (double) truePositives / predicted;
    }

    public double recall() {
      return labelled == 0 ? Double.NaN : (double) recalled / labelled;
    }
  }

  private static final Map<String, PiiEntity> LABELS = Map.of(
      "EMAIL_ADDRESS", PiiEntity.EMAIL, "PHONE_NUMBER", PiiEntity.PHONE, "CREDIT_CARD", PiiEntity.CREDIT_CARD,
      "IBAN_CODE", PiiEntity.IBAN, "US_SSN", PiiEntity.US_SSN, "IP_ADDRESS", PiiEntity.IP_ADDRESS,
      "US_DRIVER_LICENSE", PiiEntity.DRIVER_LICENSE, "PERSON", PiiEntity.PERSON,
      "STREET_ADDRESS", PiiEntity.STREET_ADDRESS);

  private record Span(PiiEntity entity, int start, int end) {}

  private LabelledSetEvaluation() {}

  public static Map<PiiEntity, Score> evaluate(Path dataset, TextDetector detector) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Files.newInputStream(dataset));
    Map<PiiEntity, int[]> counts = new EnumMap<>(PiiEntity.class);
    for (JsonNode record : root) {
      String text = record.path("full_text").asText();
      List<Span> gold = new ArrayList<>();
      for (JsonNode s : record.path("spans")) {
        PiiEntity e = LABELS.get(s.path("entity_type").asText());
        if (e != null) {
          gold.add(new Span(e, s.path("start_position").asInt(), s.path("end_position").asInt()));
        }
      }
      // the set labels dates as DATE_TIME without saying which are birth dates: a date-of-birth detection
      // on a labelled date counts as correct, and recall is not measured for it
      List<Span> dates = new ArrayList<>();
      for (JsonNode s : record.path("spans")) {
        if (s.path("entity_type").asText().equals("DATE_TIME")) {
          dates.add(new Span(PiiEntity.DATE_OF_BIRTH, s.path("start_position").asInt(), s.path("end_position").asInt()));
        }
      }
      List<Detection> found = detector.detect(text);
      for (Detection d : found) {
        int[] c = counts.computeIfAbsent(d.entity(), k -> new int[4]);
        c[0]++;
        if (gold.stream().anyMatch(g -> g.entity == d.entity() && g.start < d.end() && d.start() < g.end)
            || d.entity() == PiiEntity.DATE_OF_BIRTH && dates.stream().anyMatch(g -> g.start < d.end() && d.start() < g.end)) {
          c[1]++;
        }
      }
      for (Span g : gold) {
        int[] c = counts.computeIfAbsent(g.entity, k -> new int[4]);
        c[2]++;
        if (found.stream().anyMatch(d -> g.entity == d.entity() && g.start < d.end() && d.start() < g.end)) {
          c[3]++;
        }
      }
    }
    Map<PiiEntity, Score> out = new EnumMap<>(PiiEntity.class);
    counts.forEach((e, c) -> out.put(e, new Score(c[0], c[1], c[2], c[3])));
    return out;
  }

  /** A Markdown table of the scores. */
  public static String table(Map<PiiEntity, Score> scores) {
    StringBuilder b = new StringBuilder("| entity | labelled | predicted | precision | recall |\n|---|---:|---:|---:|---:|\n");
    scores.forEach((e, s) -> b.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s |%n", e.id(), s.labelled(),
        s.predicted(), fmt(s.precision()), fmt(s.recall()))));
    return b.toString();
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
  }

  public static void main(String[] args) throws IOException {
    Path p = Path.of(args.length > 0 ? args[0] : "/work/shared/data/pii/synth_dataset_v2.json");
    System.out.print(table(evaluate(p, new TextDetector())));
  }
}
