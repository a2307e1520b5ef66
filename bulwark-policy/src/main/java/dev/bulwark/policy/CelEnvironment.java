package dev.bulwark.policy;

import dev.bulwark.model.Severity;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelProtoAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.expr.CheckedExpr;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CEL environment of every policy and check: standard macros, the string and list extensions, and
 * Bulwark's functions:
 * <ul>
 *   <li>{@code at(node, key)} / {@code at(node, key, detail)}: a hit pointing at {@code key} of a parsed map</li>
 *   <li>{@code image(ref)}: a container image reference as a map (registry, repository, tag, digest,
 *       pinned, latest, variable, scratch)</li>
 *   <li>{@code sensitiveName(name)}: the variable name says it holds a credential</li>
 *   <li>{@code literalValue(value)}: a value written out, not a reference ({@code $VAR}, {@code ${{ }}},
 *       {@code {{ }}}, {@code $(VAR)}) nor a flag such as {@code true} or {@code 0}</li>
 *   <li>{@code templateExpressions(text)}: the expressions inside {@code ${{ ... }}} (GitHub Actions)</li>
 *   <li>{@code severityRank(name)}: critical 4, high 3, medium 2, low 1, info 0</li>
 * </ul>
 * Compilers are cached per input kind; the runtime is shared and thread-safe.
 */
public final class CelEnvironment {
  public static final String HIT_NODE = "$node";
  public static final String HIT_KEY = "$key";
  public static final String HIT_DETAIL = "$detail";

  private static final List<CelFunctionDecl> FUNCTIONS = List.of(
      CelFunctionDecl.newFunctionDeclaration("at",
          CelOverloadDecl.newGlobalOverload("bulwark_at_2", SimpleType.DYN, SimpleType.DYN, SimpleType.STRING),
          CelOverloadDecl.newGlobalOverload("bulwark_at_3", SimpleType.DYN, SimpleType.DYN, SimpleType.STRING,
              SimpleType.STRING)),
      CelFunctionDecl.newFunctionDeclaration("image",
          CelOverloadDecl.newGlobalOverload("bulwark_image", InputKind.MAP, SimpleType.STRING)),
      CelFunctionDecl.newFunctionDeclaration("sensitiveName",
          CelOverloadDecl.newGlobalOverload("bulwark_sensitive_name", SimpleType.BOOL, SimpleType.STRING)),
      CelFunctionDecl.newFunctionDeclaration("literalValue",
          CelOverloadDecl.newGlobalOverload("bulwark_literal_value", SimpleType.BOOL, SimpleType.STRING)),
      CelFunctionDecl.newFunctionDeclaration("templateExpressions",
          CelOverloadDecl.newGlobalOverload("bulwark_template_expressions", InputKind.LIST, SimpleType.STRING)),
      CelFunctionDecl.newFunctionDeclaration("severityRank",
          CelOverloadDecl.newGlobalOverload("bulwark_severity_rank", SimpleType.INT, SimpleType.STRING)));

  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
      .addLibraries(CelExtensions.strings(), CelExtensions.lists())
      .addFunctionBindings(
          CelFunctionBinding.from("bulwark_at_2", Object.class, String.class,
              (node, key) -> Map.of(HIT_NODE, node, HIT_KEY, key)),
          CelFunctionBinding.from("bulwark_at_3", List.of(Object.class, String.class, String.class),
              args -> Map.of(HIT_NODE, args[0], HIT_KEY, args[1], HIT_DETAIL, args[2])),
          CelFunctionBinding.from("bulwark_image", String.class, s -> ImageRef.parse(s).toMap()),
          CelFunctionBinding.from("bulwark_sensitive_name", String.class, SensitiveName::test),
          CelFunctionBinding.from("bulwark_literal_value", String.class, CelEnvironment::literalValue),
          CelFunctionBinding.from("bulwark_template_expressions", String.class, CelEnvironment::templateExpressions),
          CelFunctionBinding.from("bulwark_severity_rank", String.class, CelEnvironment::rank))
      .build();

  private static final Map<String, CelCompiler> COMPILERS = new ConcurrentHashMap<>();

  private CelEnvironment() {}

  public static long rank(String severity) {
    try {
      return 4 - Severity.parse(severity).ordinal();
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  private static final java.util.Set<String> FLAG_WORDS = java.util.Set.of("true", "false", "yes", "no", "on", "off",
      "null", "none", "0", "1", "enabled", "disabled", "~");

  public static boolean literalValue(String value) {
    String v = value.strip();
    if (v.isEmpty() || v.startsWith("$") || v.contains("${") || v.contains("{{") || v.contains("$(")) {
      return false;
    }
    return !FLAG_WORDS.contains(v.toLowerCase(java.util.Locale.ROOT));
  }

  public static List<Object> templateExpressions(String text) {
    List<Object> out = new java.util.ArrayList<>();
    int i = 0;
    while (out.size() < 1_000 && (i = text.indexOf("${{", i)) >= 0) {
      int end = text.indexOf("}}", i + 3);
      if (end < 0) {
        break;
      }
      out.add(text.substring(i + 3, end).strip());
      i = end + 2;
    }
    return out;
  }

  /** Compiles {@code expression} for {@code kind}; {@code extra} variables (e.g. for messages) are dyn. */
  public static CelRuntime.Program compile(InputKind kind, String expression, List<String> extra)
      throws CelValidationException {
    String cacheKey = kind.name() + "|" + kind.variables().keySet() + "|" + extra;
    Path cached = cachedAstFile(kind, expression, extra);
    CelRuntime.Program fromCache = cached == null ? null : readCached(cached);
    if (fromCache != null) {
      return fromCache;
    }
    CelCompiler compiler = COMPILERS.computeIfAbsent(cacheKey, k -> {
      CelCompilerBuilder b = CelCompilerFactory.standardCelCompilerBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addLibraries(CelExtensions.strings(), CelExtensions.lists())
          .addFunctionDeclarations(FUNCTIONS);
      kind.variables().forEach(b::addVar);
      extra.forEach(v -> b.addVar(v, SimpleType.DYN));
      return b.build();
    });
    CelAbstractSyntaxTree ast = compiler.compile(expression).getAst();
    if (cached != null) {
      writeCached(cached, ast);
    }
    try {
      return RUNTIME.createProgram(ast);
    } catch (CelEvaluationException e) {
      throw new IllegalStateException("cannot plan checked expression: " + expression, e);
    }
  }

  /**
   * Checked expressions from earlier runs. Parsing and type-checking CEL is most of what loading the built-in
   * IaC checks costs a cold JVM (0.2–0.6 s of CPU per scan); a checked AST read back from its protobuf form
   * plans the same program. The key covers everything the result depends on: the expression, the input's
   * variables and types, the extra variables and every function declaration, plus a format version. Only
   * expressions that compile are written; a cache file that does not read back is ignored and rewritten.
   * {@code -Dbulwark.cel.cache=off} disables it, {@code -Dbulwark.cel.cache=DIR} moves it.
   */
  static Path cachedAstFile(InputKind kind, String expression, List<String> extra) {
    Path dir = astCacheDir();
    if (dir == null) {
      return null;
    }
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      String material = String.join("\u0000", AST_CACHE_FORMAT, kind.name(), String.valueOf(kind.variables()),
          String.valueOf(extra), FUNCTIONS_SIGNATURE, expression);
      return dir.resolve(java.util.HexFormat.of().formatHex(sha.digest(material.getBytes(StandardCharsets.UTF_8))) + ".pb");
    } catch (java.security.NoSuchAlgorithmException e) {
      return null;
    }
  }

  private static final String AST_CACHE_FORMAT = "bulwark-cel-ast-1";
  private static final String FUNCTIONS_SIGNATURE = String.valueOf(FUNCTIONS);
  private static final int MAX_CACHED_AST_BYTES = 1 << 20;

  private static Path astCacheDir() {
    String setting = System.getProperty("bulwark.cel.cache");
    if ("off".equals(setting)) {
      return null;
    }
    if (setting != null && !setting.isBlank()) {
      return Path.of(setting);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("bulwark").resolve("cel");
  }

  private static CelRuntime.Program readCached(Path file) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_CACHED_AST_BYTES) {
        return null;
      }
      CheckedExpr checked = CheckedExpr.parseFrom(Files.readAllBytes(file));
      return RUNTIME.createProgram(CelProtoAbstractSyntaxTree.fromCheckedExpr(checked).getAst());
    } catch (IOException | RuntimeException | CelEvaluationException e) {
      return null;  // compiled again and rewritten
    }
  }

  private static void writeCached(Path file, CelAbstractSyntaxTree ast) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), ".ast", ".tmp");
      try {
        Files.write(tmp, CelProtoAbstractSyntaxTree.fromCelAst(ast).toCheckedExpr().toByteArray());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException | RuntimeException e) {
      // a cache that cannot be written only costs the next run a compile
    }
  }

}
