package dev.bulwark.model.scan.hash;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Per-file SHA-256 digests of a model folder in the OpenSSF model-signing (OMS) v1.0 layout: an in-toto
 * Statement whose subject is the model (named after the folder) with a digest over all file digests in
 * name order, and whose predicate lists each file as a resource.
 */
public final class OmsManifest {
  public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
  public static final String PREDICATE_TYPE = "https://model_signing/signature/v1.0";
  public static final List<String> DEFAULT_IGNORED = List.of("model.sig", ".git", ".gitattributes", ".github", ".gitignore");

  private OmsManifest() {}

  /** A file that cannot be hashed; the message names it. */
  public static final class HashException extends IOException {
    private static final long serialVersionUID = 1L;

    HashException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Hashes every regular file under {@code dir} (relative names with '/') except the ignored paths. */
  public static ObjectNode build(Path dir, List<String> ignored, boolean allowSymlinks) throws IOException {
    Path root = dir.toAbsolutePath().normalize();
    Set<String> ignore = Set.copyOf(ignored);
    TreeMap<String, Path> files = new TreeMap<>();
    Files.walkFileTree(root, Set.of(), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
        return !d.equals(root) && ignore.contains(relative(root, d)) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
        String name = relative(root, f);
        if (ignore.contains(name)) {
          return FileVisitResult.CONTINUE;
        }
        if (attrs.isSymbolicLink()) {
          if (!allowSymlinks) {
            throw new HashException(name + ": is a symbolic link (use --allow-symlinks to follow links)", null);
          }
          Path target = f.toRealPath();
          if (Files.isDirectory(target)) {
            throw new HashException(name + ": links to a directory, which OMS manifests do not follow", null);
          }
          files.put(name, target);
        } else if (attrs.isRegularFile()) {
          files.put(name, f);
        }
        return FileVisitResult.CONTINUE;
      }
    });
    JsonNodeFactory json = JsonNodeFactory.instance;
    MessageDigest root256 = sha256();
    ArrayNode resources = json.arrayNode();
    for (var e : files.entrySet()) {
      byte[] digest = digest(e.getKey(), e.getValue());
      root256.update(digest);
      resources.addObject().put("name", e.getKey()).put("algorithm", "sha256").put("digest", HexFormat.of().formatHex(digest));
    }
    ObjectNode statement = json.objectNode();
    statement.put("_type", STATEMENT_TYPE);
    ObjectNode subject = statement.putArray("subject").addObject();
    subject.put("name", root.getFileName() == null ? "model" : root.getFileName().toString());
    subject.putObject("digest").put("sha256", HexFormat.of().formatHex(root256.digest()));
    statement.put("predicateType", PREDICATE_TYPE);
    ObjectNode predicate = statement.putObject("predicate");
    ObjectNode serialization = predicate.putObject("serialization");
    serialization.put("method", "files");
    serialization.put("hash_type", "sha256");
    serialization.put("allow_symlinks", allowSymlinks);
    ArrayNode ignoredNode = serialization.putArray("ignore_paths");
    new ArrayList<>(ignore).stream().sorted().forEach(ignoredNode::add);
    predicate.set("resources", resources);
    return statement;
  }

  private static String relative(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }

  static byte[] digest(String name, Path file) throws HashException {
    MessageDigest md = sha256();
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      byte[] buf = new byte[1 << 20];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    } catch (IOException e) {
      throw new HashException(name + ": cannot read: " + e.getMessage(), e);
    }
    return md.digest();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
