package dev.bulwark.model.scan.hf;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds imports and calls in Python model code that run commands, evaluate code, deserialize pickles or
 * reach the network. Works on the text (never runs it); comments and strings are ignored.
 */
public final class DangerousPython {
  /** A construct at a 1-based line. */
  public record Hit(int line, String construct) {}

  private static final Set<String> DANGEROUS_MODULES = Set.of("subprocess", "socket", "pty", "ctypes", "marshal",
      "pexpect", "paramiko", "telnetlib", "ftplib", "smtplib", "webbrowser", "requests", "urllib", "urllib2",
      "urllib3", "httpx", "aiohttp", "http", "dill", "cloudpickle", "pickle", "_pickle", "cPickle", "commands",
      "popen2", "code", "codeop", "runpy", "_posixsubprocess", "multiprocessing.connection");
  private static final Set<String> DANGEROUS_CALLS = Set.of("os.system", "os.popen", "os.execv", "os.execve",
      "os.execl", "os.execle", "os.execlp", "os.execvp", "os.execvpe", "os.spawnl", "os.spawnv", "os.spawnve",
      "os.spawnlp", "os.posix_spawn", "os.posix_spawnp", "os.fork", "os.forkpty", "os.startfile", "os.kill",
      "subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output", "subprocess.Popen",
      "subprocess.getoutput", "subprocess.getstatusoutput", "pty.spawn", "socket.socket", "socket.create_connection",
      "pickle.load", "pickle.loads", "marshal.loads", "marshal.load", "dill.load", "dill.loads", "ctypes.CDLL",
      "ctypes.cdll.LoadLibrary", "ctypes.windll", "requests.get", "requests.post", "requests.put",
      "requests.request", "urllib.request.urlopen", "urllib.request.urlretrieve", "urlopen", "urlretrieve",
      "importlib.import_module", "__import__", "eval", "exec", "compile", "execfile", "builtins.eval",
      "builtins.exec", "asyncio.create_subprocess_exec", "asyncio.create_subprocess_shell",
      "types.FunctionType", "types.CodeType", "base64.b64decode", "zlib.decompress", "codecs.decode");
  private static final Set<String> BARE_CALLS = Set.of("eval", "exec", "compile", "__import__", "execfile",
      "urlopen", "urlretrieve");

  private DangerousPython() {}

  public static List<Hit> scan(String source) {
    String code = PythonSource.codeOnly(source);
    List<Hit> hits = new ArrayList<>();
    String[] lines = code.split("\n", -1);
    for (int ln = 0; ln < lines.length; ln++) {
      String line = lines[ln];
      String t = line.strip();
      if (t.startsWith("import ") || t.startsWith("from ")) {
        imports(t, ln + 1, hits);
      }
      calls(line, ln + 1, hits);
    }
    return hits;
  }

  private static void imports(String t, int line, List<Hit> hits) {
    if (t.startsWith("from ")) {
      int imp = t.indexOf(" import ");
      if (imp < 0) return;
      String module = t.substring(5, imp).strip();
      String names = t.substring(imp + 8);
      if (isDangerousModule(module)) {
        hits.add(new Hit(line, "from " + module + " import"));
      } else if (module.equals("os") || module.equals("builtins")) {
        for (String name : names.replace("(", " ").replace(")", " ").split(",")) {
          String nm = name.strip().split(" ")[0];
          if (DANGEROUS_CALLS.contains(module + "." + nm) || (module.equals("builtins") && BARE_CALLS.contains(nm))) {
            hits.add(new Hit(line, "from " + module + " import " + nm));
          }
        }
      }
    } else {
      for (String part : t.substring(7).split(",")) {
        String module = part.strip().split(" ")[0];
        if (isDangerousModule(module)) {
          hits.add(new Hit(line, "import " + module));
        }
      }
    }
  }

  private static boolean isDangerousModule(String module) {
    if (DANGEROUS_MODULES.contains(module)) return true;
    int dot = module.indexOf('.');
    return dot > 0 && DANGEROUS_MODULES.contains(module.substring(0, dot));
  }

  private static void calls(String line, int ln, List<Hit> hits) {
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '_' || line.charAt(i) == '.')) {
          i++;
        }
        String name = line.substring(start, i);
        int j = i;
        while (j < n && line.charAt(j) == ' ') j++;
        boolean call = j < n && line.charAt(j) == '(';
        boolean afterDot = start > 0 && line.charAt(start - 1) == '.';
        if (call && !afterDot && (DANGEROUS_CALLS.contains(name) && (name.contains(".") || BARE_CALLS.contains(name)))) {
          hits.add(new Hit(ln, name + "()"));
        }
      } else {
        i++;
      }
    }
  }
}
