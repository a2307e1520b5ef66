package dev.bulwark.data.lineage;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.transports.FileConfig;
import io.openlineage.client.transports.FileTransport;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.HttpTransport;
import io.openlineage.client.transports.Transport;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Sends OpenLineage run events for one run (START, then COMPLETE or FAIL) through the official client's
 * file or HTTP transport. Delivery errors propagate: a run that asked for lineage must not silently lose it.
 */
public final class LineageEmitter implements AutoCloseable {

  public static final URI PRODUCER = URI.create("https://github.com/bulwark-dev/bulwark/tree/main/analyzers/data");
  public static final String NAMESPACE = "bulwark";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Transport transport;
  private final OpenLineage ol = new OpenLineage(PRODUCER);
  private final Clock clock;
  private final UUID runId;

  private LineageEmitter(Transport transport, Clock clock) {
    this.transport = transport;
    this.clock = clock;
    this.runId = uuidV7(clock.millis());
  }

  /** Appends one JSON event per line to {@code file}. */
  public static LineageEmitter toFile(Path file, Clock clock) {
    return new LineageEmitter(new FileTransport(new FileConfig(file.toAbsolutePath().toString())), clock);
  }

  /** POSTs events to {@code url} (a Marquez or other OpenLineage server; the endpoint defaults to /api/v1/lineage). */
  public static LineageEmitter toUrl(URI url, String apiKey, Clock clock) {
    HttpConfig config = new HttpConfig();
    config.setUrl(url);
    config.setTimeoutInMillis(10_000);
    if (apiKey != null && !apiKey.isEmpty()) {
      config.setHeaders(java.util.Map.of("Authorization", "Bearer " + apiKey));
    }
    return new LineageEmitter(new HttpTransport(config), clock);
  }

  public OpenLineage openLineage() {
    return ol;
  }

  public UUID runId() {
    return runId;
  }

  public void start(String job, List<OpenLineage.InputDataset> inputs, List<OpenLineage.OutputDataset> outputs) {
    emit(OpenLineage.RunEvent.EventType.START, job, inputs, outputs, null);
  }

  public void complete(String job, List<OpenLineage.InputDataset> inputs, List<OpenLineage.OutputDataset> outputs) {
    emit(OpenLineage.RunEvent.EventType.COMPLETE, job, inputs, outputs, null);
  }

  public void fail(String job, List<OpenLineage.InputDataset> inputs, String message) {
    emit(OpenLineage.RunEvent.EventType.FAIL, job, inputs, List.of(), message);
  }

  private void emit(OpenLineage.RunEvent.EventType type, String job, List<OpenLineage.InputDataset> inputs,
      List<OpenLineage.OutputDataset> outputs, String error) {
    OpenLineage.RunFacetsBuilder facets = ol.newRunFacetsBuilder();
    if (error != null) {
      facets.errorMessage(ol.newErrorMessageRunFacet(error, "JAVA", null));
    }
    OpenLineage.RunEvent event = ol.newRunEventBuilder()
        .eventType(type)
        .eventTime(ZonedDateTime.now(clock))
        .run(ol.newRun(runId, facets.build()))
        .job(ol.newJobBuilder().namespace(NAMESPACE).name(job).build())
        .inputs(inputs)
        .outputs(outputs)
        .build();
    transport.emit(event);
  }

  /** RFC 9562 version 7: 48-bit Unix milliseconds, then random bits; what OpenLineage recommends for run ids. */
  static UUID uuidV7(long millis) {
    long msb = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
    long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  @Override
  public void close() throws IOException {
    try {
      transport.close();
    } catch (Exception e) {
      throw new IOException("closing the OpenLineage transport: " + e.getMessage(), e);
    }
  }
}
