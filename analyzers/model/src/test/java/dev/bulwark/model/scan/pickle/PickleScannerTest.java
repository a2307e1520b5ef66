package dev.bulwark.model.scan.pickle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PickleScannerTest {
  private static List<PickleIssue> scan(String latin1) {
    return scan(CallablePolicy.defaults(), latin1);
  }

  private static List<PickleIssue> scan(CallablePolicy policy, String latin1) {
    byte[] b = latin1.getBytes(StandardCharsets.ISO_8859_1);
    return new PickleScanner(policy, PickleLimits.DEFAULT).scan(new ByteArrayInputStream(b)).issues();
  }

  @Test
  void globalReduceIsDangerousWithItsOffset() {
    List<PickleIssue> issues = scan("\u0080\u0002cos\nsystem\n(S'id'\ntR.");
    assertThat(issues).singleElement().satisfies(i -> {
      assertThat(i.kind()).isEqualTo(PickleIssue.Kind.DANGEROUS);
      assertThat(i.callable()).isEqualTo("os.system");
      assertThat(i.offset()).isEqualTo(2);
    });
  }

  @Test
  void stackGlobalResolvesStringsFromTheMemoThroughDup() {
    // 'os' memoized, DUP'ed and popped; 'system' put with BINPUT, both fetched back with BINGET
    String p = "\u0080\u0004\u008c\u0002os\u0094\u0032\u0030\u008c\u0006systemq\u0007h\u0000h\u0007\u0093)R.";
    assertThat(scan(p)).extracting(PickleIssue::callable).contains("os.system");
  }

  @Test
  void truncatedStreamKeepsWhatCameBeforeTheBreak() {
    List<PickleIssue> issues = scan("\u0080\u0002csubprocess\nPopen\n(S'id'\nt");
    assertThat(issues).extracting(PickleIssue::kind)
        .containsExactlyInAnyOrder(PickleIssue.Kind.DANGEROUS, PickleIssue.Kind.MALFORMED);
  }

  @Test
  void nestedPicklesAreScannedWithTheirLoaderChain() {
    String inner = "cos\nsystem\n(S'id'\ntR.";
    String outer = "\u0080\u0002cpickle\nloads\nC" + (char) inner.length() + inner + "\u0085R.";
    List<PickleIssue> issues = scan(outer);
    assertThat(issues).anySatisfy(i -> {
      assertThat(i.callable()).isEqualTo("os.system");
      assertThat(i.via()).isEqualTo("pickle.loads@0x28"); // the REDUCE that calls the loader
    });
    assertThat(issues).anySatisfy(i -> assertThat(i.callable()).isEqualTo("pickle.loads"));
  }

  @Test
  void torchStateDictCallablesAreSafe() {
    String p = "\u0080\u0002ccollections\nOrderedDict\n)Rctorch._utils\n_rebuild_tensor_v2\n.";
    assertThat(scan(p)).isEmpty();
  }

  @Test
  void packsAllowFrameworkClassesOnlyWhenEnabled() {
    String p = "\u0080\u0002csklearn.linear_model._logistic\nLogisticRegression\n)\u0081.";
    assertThat(scan(p)).singleElement().extracting(PickleIssue::kind).isEqualTo(PickleIssue.Kind.UNKNOWN);
    assertThat(scan(CallablePolicy.fromSetting("sklearn"), p)).isEmpty();
    assertThat(scan(CallablePolicy.fromSetting("sklearn"), "\u0080\u0002csklearn.datasets\nfetch_openml\n)R."))
        .singleElement().extracting(PickleIssue::kind).isEqualTo(PickleIssue.Kind.UNKNOWN);
    assertThatThrownBy(() -> CallablePolicy.fromSetting("sklearn,nope")).hasMessageContaining("'nope'");
  }

  @Test
  void policyMatchesDottedPathsAndDunders() {
    CallablePolicy p = CallablePolicy.defaults();
    assertThat(p.classify("torch", "hub.load")).isEqualTo(CallablePolicy.Verdict.DANGEROUS);
    assertThat(p.classify("__builtin__", "eval")).isEqualTo(CallablePolicy.Verdict.DANGEROUS);
    assertThat(p.classify("nt", "system")).isEqualTo(CallablePolicy.Verdict.DANGEROUS);
    assertThat(p.classify("torch.nn.modules.linear", "Linear.__init__.__globals__")).isEqualTo(CallablePolicy.Verdict.DANGEROUS);
    assertThat(p.classify("torch.nn.modules.linear", "Linear")).isEqualTo(CallablePolicy.Verdict.SAFE);
    assertThat(p.classify("numpy.core.multiarray", "_reconstruct")).isEqualTo(CallablePolicy.Verdict.SAFE);
    assertThat(p.classify("mylib", "Thing")).isEqualTo(CallablePolicy.Verdict.UNKNOWN);
    assertThat(CallablePolicy.PACKS).isEqualTo(Set.of("sklearn", "xgboost", "lightgbm", "transformers", "pandas"));
    // Python 2 names of plain builtins and old joblib wrappers are plain data; __builtin__.eval stays dangerous
    assertThat(p.classify("__builtin__", "xrange")).isEqualTo(CallablePolicy.Verdict.SAFE);
    assertThat(p.classify("joblib.numpy_pickle", "NDArrayWrapper")).isEqualTo(CallablePolicy.Verdict.SAFE);
    assertThat(p.classify("joblib.numpy_pickle", "load")).isEqualTo(CallablePolicy.Verdict.DANGEROUS);
    assertThat(p.classify("pandas.core.frame", "DataFrame")).isEqualTo(CallablePolicy.Verdict.UNKNOWN);
    CallablePolicy withPandas = CallablePolicy.fromSetting("pandas");
    assertThat(withPandas.classify("pandas.core.frame", "DataFrame")).isEqualTo(CallablePolicy.Verdict.SAFE);
    assertThat(withPandas.classify("pandas.io.pickle", "read_pickle")).isEqualTo(CallablePolicy.Verdict.DANGEROUS);
  }

  @Test
  void boundsStopHostileStreams() {
    StringBuilder deep = new StringBuilder("\u0080\u0002");
    deep.append("(".repeat(2000));
    PickleScanner tight = new PickleScanner(CallablePolicy.defaults(), new PickleLimits(1_000_000, 100, 100, 1024, 2, 4));
    List<PickleIssue> issues = tight.scan(new ByteArrayInputStream(deep.toString().getBytes(StandardCharsets.ISO_8859_1))).issues();
    assertThat(issues).singleElement().satisfies(i -> assertThat(i.callable()).contains("too many marks"));
  }
}
