package dev.bulwark.model.scan.pickle;

import java.util.List;

/**
 * Callables (and whole modules) that run code, spawn processes, touch files or the network, import modules,
 * deserialize again, or reach any of these indirectly. Matched on the normalized qualified name and its
 * dotted prefixes, so {@code torch} + {@code hub.load} matches {@code torch.hub}.
 */
final class PickleDenylist {
  private PickleDenylist() {}

  static final List<String> PREFIXES = List.of(
      // code execution and import
      "builtins.eval", "builtins.exec", "builtins.execfile", "builtins.compile", "builtins.__import__",
      "builtins.getattr", "builtins.setattr", "builtins.delattr", "builtins.globals", "builtins.locals",
      "builtins.vars", "builtins.input", "builtins.breakpoint", "builtins.help", "builtins.open", "builtins.file",
      "builtins.apply", "builtins.reload", "builtins.map", "builtins.filter", "builtins.exit", "builtins.quit",
      "builtins.memoryview", "builtins.classmethod", "builtins.staticmethod", "builtins.property", "builtins.super",
      "importlib", "imp", "pkgutil", "runpy", "zipimport", "site", "sysconfig", "types", "marshal", "code", "codeop",
      "sys", "inspect", "gc", "ctypes", "_ctypes", "cffi", "timeit", "cProfile", "profile", "pstats", "pdb", "bdb",
      "trace", "tracemalloc", "doctest", "pydoc", "idlelib", "lib2to3", "unittest", "test.support", "faulthandler",
      // indirection primitives
      "operator.attrgetter", "operator.methodcaller", "operator.call", "operator.getitem", "operator.setitem",
      "operator.delitem", "_operator", "functools.partial", "functools.partialmethod", "functools.reduce",
      "functools.singledispatch", "functools.wraps", "functools.update_wrapper", "functools.cached_property",
      "_functools", "itertools.starmap", "copyreg.add_extension", "copyreg.pickle", "copyreg.constructor",
      "contextlib",
      // processes, signals and threads
      "os", "subprocess", "_posixsubprocess", "pty", "tty", "signal", "multiprocessing", "_multiprocessing",
      "concurrent", "threading", "_thread", "asyncio", "_asyncio", "platform.popen", "commands", "popen2", "resource", "platform", "_osx_support", "_aix_support",
      "uuid._get_command_stdout", "uuid._popen", "_pyrepl", "pyexpat",
      "fcntl", "pwd", "grp", "spwd", "crypt", "getpass",
      // files, archives and persistent stores
      "io", "_io", "codecs.open", "codecs.EncodedFile", "codecs.StreamReaderWriter", "shutil", "tempfile", "glob",
      "fileinput", "filecmp", "pathlib", "tarfile", "zipfile", "gzip.open", "gzip.GzipFile", "bz2.open",
      "bz2.BZ2File", "lzma.open", "lzma.LZMAFile", "shelve", "dbm", "sqlite3", "mmap", "logging.config",
      "logging.FileHandler", "logging.handlers",
      // network
      "socket", "_socket", "ssl", "select", "selectors", "socketserver", "http", "urllib", "urllib2", "urllib3",
      "httplib", "requests", "httpx", "aiohttp", "ftplib", "smtplib", "smtpd", "poplib", "imaplib", "nntplib",
      "telnetlib", "xmlrpc", "webbrowser", "paramiko", "boto3", "botocore", "wget",
      // deserializers that run nested payloads, template engines, evaluators
      "pickle", "_pickle", "cPickle", "pickletools", "dill", "cloudpickle", "joblib", "jsonpickle", "yaml.load",
      "yaml.unsafe_load", "yaml.full_load", "yaml.load_all", "yaml.unsafe_load_all", "yaml.UnsafeLoader",
      "yaml.FullLoader", "yaml.Loader", "ruamel.yaml", "jinja2", "mako", "pandas.eval", "pandas.read_pickle",
      "pandas.read_csv", "pandas.read_table", "pandas.read_json", "pandas.read_html", "pandas.read_xml",
      "pandas.read_sql", "pandas.read_sql_query", "pandas.read_excel", "pandas.read_parquet", "pandas.read_feather",
      "pandas.read_hdf", "pandas.read_orc", "pandas.read_sas", "pandas.read_stata", "pandas.read_spss",
      "pandas.read_fwf", "pandas.read_clipboard", "pandas.io", "pandas.core.computation", "numexpr",
      // ML frameworks: their loaders, hubs and compilers
      "torch.load", "torch.save", "torch.jit", "torch._export", "torch.export.load", "torch._higher_order_ops", "torch.serialization.load", "torch.serialization.save", "torch.hub", "torch.jit.load",
      "torch.jit._serialization", "torch.jit.frontend", "torch.jit.CompilationUnit", "torch.package",
      "torch.utils.cpp_extension", "torch.utils.collect_env", "torch.utils.data.datapipes", "torch.fx",
      "torch._dynamo", "torch._inductor", "torch.compile", "torch.distributed", "torch.multiprocessing",
      "torch.from_file", "torch.ops", "torch._ops", "torch._C._load_for_lite_interpreter", "torch._C.import_ir_module",
      "torch._C._jit", "torch.backends.cudnn.rnn", "torch.testing", "torch.onnx",
      "numpy.load", "numpy.loads", "numpy.save", "numpy.savez", "numpy.savez_compressed", "numpy.savetxt",
      "numpy.fromfile", "numpy.loadtxt", "numpy.genfromtxt", "numpy.fromregex", "numpy.memmap", "numpy.DataSource",
      "numpy.testing", "numpy.f2py", "numpy.distutils", "numpy.ctypeslib", "numpy.lib.npyio", "numpy.lib._npyio_impl",
      "numpy.lib.format", "numpy.lib.utils", "numpy.lib._datasource", "numpy.core._internal", "numpy._core._internal", 
      "numpy.core._multiarray_umath._reconstruct_ufunc",
      "tensorflow.io", "tensorflow.python.ops.script_ops", "tensorflow.py_function", "tensorflow.numpy_function",
      "tensorflow.compat.v1.py_func", "tensorflow.saved_model", "tensorflow.keras.models.load_model",
      "keras.models.load_model", "keras.saving", "keras.src.saving", "transformers.dynamic_module_utils",
      "huggingface_hub", "onnxruntime", "tensorrt",
      // packaging and environment
      "distutils", "setuptools", "pkg_resources", "pip", "_pip", "ensurepip", "venv", "builtins.SystemExit");
}
