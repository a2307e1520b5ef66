package dev.bulwark.model.scan.pickle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Callables known to be safe in real ML pickles, and the opt-in packs for framework classes. */
final class PickleAllowlist {
  private PickleAllowlist() {}

  private static final String[] TORCH_STORAGES = {"Float", "Double", "Half", "BFloat16", "Long", "Int", "Short",
      "Char", "Byte", "Bool", "ComplexFloat", "ComplexDouble", "QUInt8", "QInt8", "QInt32", "QUInt4x2", "QUInt2x4"};
  private static final String[] TORCH_DTYPES = {"float32", "float", "float64", "double", "float16", "half", "bfloat16",
      "complex32", "complex64", "complex128", "cfloat", "cdouble", "uint8", "uint16", "uint32", "uint64", "int8",
      "int16", "short", "int32", "int", "int64", "long", "bool", "quint8", "qint8", "qint32", "quint4x2", "quint2x4",
      "float8_e4m3fn", "float8_e5m2", "float8_e4m3fnuz", "float8_e5m2fnuz"};
  private static final String[] NUMPY_SCALARS = {"bool_", "bool", "int8", "int16", "int32", "int64", "uint8", "uint16",
      "uint32", "uint64", "intc", "uintc", "int_", "uint", "longlong", "ulonglong", "float16", "float32", "float64",
      "half", "single", "double", "longdouble", "complex64", "complex128", "clongdouble", "str_", "bytes_", "object_",
      "datetime64", "timedelta64", "void", "ndarray", "dtype", "matrix"};

  /** Pure element-wise math ufuncs that pipelines store as functions (FunctionTransformer(np.log1p)). */
  private static final String[] NUMPY_MATH = {"log", "log1p", "log2", "log10", "exp", "expm1", "exp2", "sqrt",
      "cbrt", "square", "abs", "absolute", "fabs", "sign", "negative", "reciprocal", "sin", "cos", "tan", "arcsin",
      "arccos", "arctan", "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh", "floor", "ceil", "rint", "trunc",
      "add", "subtract", "multiply", "divide", "true_divide", "power", "maximum", "minimum", "clip", "isnan",
      "isfinite", "isinf", "logaddexp", "sum", "mean", "median", "std", "var", "amax", "amin", "max", "min"};

  static final Set<String> EXACT;

  static {
    List<String> e = new ArrayList<>(List.of(
        // PyTorch: what torch.load(weights_only=True) accepts
        "collections.OrderedDict", "collections.Counter", "collections.defaultdict", "collections.deque",
        "torch._utils._rebuild_tensor", "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_tensor_v3",
        "torch._utils._rebuild_parameter", "torch._utils._rebuild_parameter_with_state",
        "torch._utils._rebuild_sparse_tensor", "torch._utils._rebuild_sparse_csr_tensor",
        "torch._utils._rebuild_device_tensor_from_numpy", "torch._utils._rebuild_meta_tensor_no_storage",
        "torch._utils._rebuild_nested_tensor", "torch._utils._rebuild_qtensor", "torch._utils._rebuild_wrapper_subclass",
        "torch._utils._rebuild_xla_tensor", "torch._utils._rebuild_mps_tensor", "torch._utils._rebuild_tensor_from_numpy",
        "torch._tensor._rebuild_from_type", "torch._tensor._rebuild_from_type_v2",
        "torch.Tensor", "torch.Size", "torch.device", "torch.dtype", "torch.layout", "torch.memory_format",
        "torch.serialization._get_layout", "torch.strided", "torch.sparse_coo", "torch.sparse_csr", "torch.sparse_csc",
        "torch.sparse_bsr", "torch.sparse_bsc", "torch._mkldnn", "torch.contiguous_format", "torch.channels_last",
        "torch.channels_last_3d", "torch.preserve_format", "torch.per_tensor_affine", "torch.per_channel_affine",
        "torch.per_tensor_symmetric", "torch.per_channel_symmetric", "torch.per_channel_affine_float_qparams",
        "torch.storage.TypedStorage", "torch.storage.UntypedStorage", "torch.storage._load_from_bytes",
        "torch.UntypedStorage", "torch.TypedStorage", "torch.cuda.UntypedStorage",
        "torch.jit._pickle.build_intlist", "torch.jit._pickle.build_tensorlist", "torch.jit._pickle.build_doublelist",
        "torch.jit._pickle.build_boollist", "torch.jit._pickle.build_tensor_from_id", "torch.jit._pickle.restore_type_tag",
        // numpy reconstruction
        "numpy.core.multiarray._reconstruct", "numpy._core.multiarray._reconstruct", "numpy.core.multiarray.scalar",
        "numpy._core.multiarray.scalar", "numpy.core.numeric._frombuffer", "numpy._core.numeric._frombuffer",
        "numpy.ma.core._mareconstruct", "numpy.ma.core.MaskedArray", "numpy.random._pickle.__randomstate_ctor",
        "numpy.random._pickle.__bit_generator_ctor", "numpy.random._pickle.__generator_ctor",
        "numpy.random.mtrand.RandomState", "numpy.random._mt19937.MT19937", "numpy.random._pcg64.PCG64",
        "numpy.random._pcg64.PCG64DXSM", "numpy.random._philox.Philox", "numpy.random._sfc64.SFC64",
        "numpy.random._generator.Generator", "numpy.core._ufunc_reconstruct", "numpy._core._ufunc_reconstruct",
        "numpy.core.multiarray._ufunc_reconstruct",
        // the standard library's own reconstruction helpers and plain value types
        "_codecs.encode", "copyreg._reconstructor", "copyreg.__newobj__", "copyreg.__newobj_ex__",
        "builtins.set", "builtins.frozenset", "builtins.list", "builtins.dict", "builtins.tuple", "builtins.int",
        "builtins.float", "builtins.complex", "builtins.str", "builtins.bytes", "builtins.bytearray", "builtins.bool",
        "builtins.slice", "builtins.range", "builtins.object", "builtins.NoneType", "builtins.Ellipsis",
        "datetime.datetime", "datetime.date", "datetime.time", "datetime.timedelta", "datetime.timezone",
        "decimal.Decimal", "types.SimpleNamespace", "re._compile", "enum.Enum", "fractions.Fraction", "uuid.UUID", "argparse.Namespace", "io.BytesIO", "_io.BytesIO",
        "io.StringIO", "_io.StringIO", "pathlib.PosixPath", "pathlib.WindowsPath", "pathlib.PurePosixPath",
        "pathlib.PureWindowsPath", "pathlib.Path", "pathlib._local.PosixPath", "pathlib._local.WindowsPath",
        "pathlib._local.PurePosixPath", "pathlib._local.PureWindowsPath", "pathlib._local.Path",
        // joblib's array wrappers (the arrays themselves are read by the scanner)
        "joblib.numpy_pickle.NumpyArrayWrapper", "joblib.numpy_pickle_compat.NDArrayWrapper",
        "joblib.numpy_pickle_compat.ZNDArrayWrapper", "sklearn.externals.joblib.numpy_pickle.NumpyArrayWrapper",
        // the same wrappers under the module names joblib < 0.10 wrote (joblib's own test data uses them)
        "joblib.numpy_pickle.NDArrayWrapper", "joblib.numpy_pickle.ZNDArrayWrapper",
        "sklearn.externals.joblib.numpy_pickle.NDArrayWrapper", "sklearn.externals.joblib.numpy_pickle.ZNDArrayWrapper",
        // numpy.matrix, an ndarray subclass rebuilt like any array
        "numpy.matrixlib.defmatrix.matrix", "numpy.matrix",
        // Python 2 names (__builtin__ is read as builtins; Python 3 maps these to range, str and int)
        "builtins.xrange", "builtins.unicode", "builtins.long"));
    for (String s : TORCH_STORAGES) {
      e.add("torch." + s + "Storage");
      e.add("torch.cuda." + s + "Storage");
    }
    for (String d : TORCH_DTYPES) {
      e.add("torch." + d);
    }
    for (String f : NUMPY_MATH) {
      for (String m : List.of("numpy", "numpy.core._multiarray_umath", "numpy._core._multiarray_umath", "numpy.core.umath",
          "numpy._core.umath")) {
        e.add(m + "." + f);
      }
    }
    for (String s : NUMPY_SCALARS) {
      e.add("numpy." + s);
    }
    EXACT = Set.copyOf(e);
  }

  /** Whole namespaces of plain classes whose unpickling runs no code beyond setting state. */
  static final List<String> PREFIXES = List.of("torch.nn.modules", "torch.nn.parameter", "torch.nn.functional",
      "torch.nn.utils.parametrizations", "__torch__", "numpy.dtypes");

  /** An opt-in pack: allowed prefixes minus excluded sub-namespaces. */
  record Pack(List<String> allow, List<String> except) {
    boolean allows(String qualified) {
      return CallablePolicy.matchesAny(qualified, allow) && !CallablePolicy.matchesAny(qualified, except);
    }
  }

  static final Map<String, Pack> PACKS = Map.of(
      "sklearn", new Pack(List.of("sklearn", "scipy.sparse", "scipy.stats._distn_infrastructure",
          "scipy.stats._continuous_distns", "scipy.stats._discrete_distns", "numpy.random", "threadpoolctl"),
          List.of("sklearn.datasets", "sklearn.utils._testing", "sklearn.utils._show_versions", "sklearn.externals",
              "numpy.random._examples")),
      "xgboost", new Pack(List.of("xgboost.core.Booster", "xgboost.core.DMatrix", "xgboost.sklearn",
          "xgboost.compat.XGBoostLabelEncoder"), List.of()),
      "lightgbm", new Pack(List.of("lightgbm.basic.Booster", "lightgbm.basic.Dataset", "lightgbm.sklearn"), List.of()),
      // pandas data structures as pandas.to_pickle writes them (readers and evaluators stay denied)
      "pandas", new Pack(List.of("pandas.core.frame.DataFrame", "pandas.core.series.Series", "pandas.core.indexes",
          "pandas.core.internals", "pandas._libs.internals", "pandas.core.arrays", "pandas._libs.tslibs",
          "pandas.core.dtypes.dtypes", "pandas._libs.arrays", "pandas.core.generic"), List.of()),
      "transformers", new Pack(List.of("transformers", "tokenizers", "accelerate.utils.dataclasses"),
          List.of("transformers.dynamic_module_utils", "transformers.utils.hub", "transformers.hub", "transformers.pipelines",
              "transformers.modeling_utils.load_state_dict", "transformers.trainer", "transformers.integrations",
              "transformers.commands", "transformers.onnx", "transformers.convert_graph_to_onnx",
              "transformers.models.auto")));
}
