package dev.bulwark.model.scan.hash;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bulwark model}: model-file utilities. */
@Command(name = "model", description = "Model-file utilities.", subcommands = ModelCommand.Hash.class,
    mixinStandardHelpOptions = true)
public final class ModelCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** {@code bulwark model hash DIR}: per-file SHA-256 digests in the OMS v1.0 manifest layout. */
  @Command(name = "hash", mixinStandardHelpOptions = true,
      description = "Writes per-file SHA-256 digests of a model folder as an OpenSSF model-signing (OMS v1.0) "
          + "in-toto statement, ready for signing.")
  public static final class Hash implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The model folder.")
    Path dir;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the manifest here instead of stdout.")
    Path output;

    @Option(names = "--ignore", paramLabel = "PATH", description = "Relative path to leave out (repeatable); "
        + "model.sig, .git, .gitattributes, .github and .gitignore are always left out.")
    List<String> ignore = new ArrayList<>();

    @Option(names = "--allow-symlinks", description = "Follow symbolic links to files instead of failing.")
    boolean allowSymlinks;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      if (!Files.isDirectory(dir)) {
        err.println("bulwark model hash: " + dir + ": not a directory");
        return 2;
      }
      List<String> ignored = new ArrayList<>(OmsManifest.DEFAULT_IGNORED);
      ignored.addAll(ignore);
      if (output != null) {
        Path out = output.toAbsolutePath().normalize();
        Path root = dir.toAbsolutePath().normalize();
        if (out.startsWith(root)) {
          ignored.add(root.relativize(out).toString().replace('\\', '/'));
        }
      }
      ObjectNode manifest;
      try {
        manifest = OmsManifest.build(dir, ignored, allowSymlinks);
      } catch (OmsManifest.HashException e) {
        err.println("bulwark model hash: " + e.getMessage());
        return 2;
      } catch (IOException e) {
        err.println("bulwark model hash: " + dir + ": " + e.getMessage());
        return 2;
      }
      String text;
      try {
        text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(manifest) + "\n";
      } catch (IOException e) {
        throw new IllegalStateException("cannot serialise the manifest", e);
      }
      if (output == null) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
        return 0;
      }
      try {
        Path abs = output.toAbsolutePath();
        Path tmp = Files.createTempFile(abs.getParent(), ".bulwark-hash", ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
          Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        err.println("bulwark model hash: " + output + ": cannot write: " + e.getMessage());
        return 2;
      }
      return 0;
    }
  }
}
