package dev.bulwark.model.scan.format;

import dev.bulwark.model.scan.ScanSession;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Reads the Keras {@code model_config} and {@code training_config} attributes of an HDF5 file. */
public final class H5Check {
  private H5Check() {}

  public static void check(String label, Path file, ScanSession s) {
    try (HdfFile hdf = new HdfFile(file)) {
      for (String attr : new String[] {"model_config", "training_config"}) {
        String json = text(hdf.getAttributes().get(attr));
        if (json != null) {
          KerasConfigCheck.check(label, json.getBytes(StandardCharsets.UTF_8), s);
        }
      }
    } catch (RuntimeException e) {
      s.malformed(label, "unreadable HDF5 file: " + e.getMessage());
    }
  }

  /** The Keras configuration JSON of the file, or null. */
  public static String modelConfig(Path file) {
    try (HdfFile hdf = new HdfFile(file)) {
      return text(hdf.getAttributes().get("model_config"));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String text(Attribute a) {
    if (a == null) {
      return null;
    }
    Object d = a.getData();
    if (d instanceof String str) {
      return str;
    }
    if (d instanceof String[] arr && arr.length > 0) {
      return arr[0];
    }
    if (d instanceof byte[] b) {
      return new String(b, StandardCharsets.UTF_8);
    }
    return null;
  }
}
