package dev.bulwark.policy;

import dev.bulwark.model.Severity;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
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

  /** Compiles {@code expression} for {@code kind}; {@code extra} variables (e.g. for messages) are dyn. */
  public static CelRuntime.Program compile(InputKind kind, String expression, List<String> extra)
      throws CelValidationException {
    String cacheKey = kind.name() + "|" + kind.variables().keySet() + "|" + extra;
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
    try {
      return RUNTIME.createProgram(ast);
    } catch (CelEvaluationException e) {
      throw new IllegalStateException("cannot plan checked expression: " + expression, e);
    }
  }
}
