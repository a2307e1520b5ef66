package dev.bulwark.model.scan.bom;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which Hugging Face repository a model folder is. {@code _name_or_path} in {@code config.json} is where the
 * model was <em>loaded from</em> when it was saved: for a fine-tune or quantisation that is the base model
 * ({@code sentence-transformers/all-MiniLM-L6-v2} carries {@code nreimers/MiniLM-L6-H384-uncased}), for a
 * local training run a relative path ({@code models/tulu-13B-GPTQ}). It names this model only when nothing
 * says otherwise.
 */
final class HfRepoId {
  /** Folder names that training scripts save into; {@code models/x} is a path, not the user "models". */
  private static final Set<String> LOCAL_DIRS = Set.of("model", "models", "output", "outputs", "checkpoint",
      "checkpoints", "ckpt", "ckpts", "saved_model", "saved_models", "results", "runs", "tmp", "temp", "data",
      "workspace", "content", "exp", "experiments", "weights", "pretrained", "pretrained_models", "cache");

  private HfRepoId() {}

  /** {@code org/name} when the text is shaped like a Hugging Face repository id, else null. */
  static String parse(String s) {
    if (s == null || s.isEmpty() || s.length() > 200) return null;
    int slash = s.indexOf('/');
    if (slash <= 0 || slash != s.lastIndexOf('/') || slash == s.length() - 1) return null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == '/')) return null;
    }
    return s.startsWith(".") ? null : s;
  }

  /** A card value written as a Hub URL ({@code https://huggingface.co/[datasets/]org/name}) as the bare id. */
  static String fromUrl(String value) {
    String v = value.strip();
    for (String prefix : new String[] {"https://huggingface.co/", "http://huggingface.co/", "https://hf.co/"}) {
      if (v.regionMatches(true, 0, prefix, 0, prefix.length())) {
        v = v.substring(prefix.length());
        if (v.startsWith("datasets/")) v = v.substring("datasets/".length());
        while (v.endsWith("/")) v = v.substring(0, v.length() - 1);
        return v;
      }
    }
    return v;
  }

  /**
   * {@code _name_or_path} as this model's id, or empty when it is no repository id, names a directory a
   * training script wrote, equals a base model the folder declares, or when the folder's own name (known)
   * does not contain the repository name.
   */
  static Optional<String> fromNameOrPath(String nameOrPath, Collection<String> baseModels, Optional<String> folderName) {
    String id = parse(nameOrPath);
    if (id == null) return Optional.empty();
    String org = id.substring(0, id.indexOf('/')).toLowerCase(Locale.ROOT);
    String name = id.substring(id.indexOf('/') + 1).toLowerCase(Locale.ROOT);
    if (LOCAL_DIRS.contains(org) || baseModels.stream().anyMatch(id::equalsIgnoreCase)) {
      return Optional.empty();
    }
    if (folderName.isPresent() && !folderName.get().toLowerCase(Locale.ROOT).contains(name)) {
      return Optional.empty();
    }
    return Optional.of(id);
  }

  /** The last name of the folder that holds a file: its parent in the target, else the target itself. */
  static Optional<String> folderName(String parent, Optional<Path> targetRoot) {
    if (!parent.isEmpty()) {
      return Optional.of(parent.substring(Math.max(parent.lastIndexOf('/'), parent.lastIndexOf('!')) + 1));
    }
    return targetRoot.map(Path::getFileName).map(Path::toString);
  }

  /** A repository id and, when known, the commit of its files. */
  record Located(String id, String revision) {}

  /**
   * The id and commit from the Hugging Face hub cache layout,
   * {@code models--<org>--<name>/snapshots/<40-hex commit>/...}; empty for any other path.
   */
  static Optional<Located> fromCachePath(String folder) {
    String[] parts = folder.split("[/!]");
    for (int i = parts.length - 1; i >= 0; i--) {
      if (!parts[i].startsWith("models--")) continue;
      String[] org = parts[i].substring("models--".length()).split("--", 2);
      String id = org.length == 2 ? parse(org[0] + "/" + org[1]) : null;
      if (id == null) return Optional.empty();
      String rev = i + 2 < parts.length && parts[i + 1].equals("snapshots") && parts[i + 2].matches("[0-9a-f]{40}")
          ? parts[i + 2] : null;
      return Optional.of(new Located(id, rev));
    }
    return Optional.empty();
  }
}
