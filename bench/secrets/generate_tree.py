#!/usr/bin/python3
"""Generates a source-like tree for the secrets benchmark (default 1 GiB under /tmp/bulwark-secrets-bench).

Files look like a real AI/ML monorepo: Python, TypeScript, Java, Go, YAML, JSON, Markdown, notebooks and
.env files, using the words that make naive scanners slow (token, tokenizer, password fields, secret
managers, API clients, URLs, hashes, UUIDs, base64 blobs). About one file in 500 holds a planted, fake but
format-valid secret so that both tools have something to report.

usage: generate_tree.py [OUT_DIR] [SIZE_MB]
"""
import base64, json, os, random, string, sys, zlib

OUT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/bulwark-secrets-bench"
SIZE = int(sys.argv[2] if len(sys.argv) > 2 else 1024) * 1024 * 1024
R = random.Random(42)

WORDS = ("model tokenizer token embedding dataset loader batch epoch optimizer scheduler loss metric config "
         "client session request response handler router service repository cache queue worker secret manager "
         "password field validator schema user account key value index shard replica vector store retriever "
         "prompt completion chat message stream buffer writer reader parser encoder decoder layer attention "
         "weights checkpoint artifact registry pipeline stage deploy cluster node pod image layer hash digest").split()

def ident():
    return "_".join(R.choice(WORDS) for _ in range(R.randint(1, 3)))

def camel():
    w = [R.choice(WORDS) for _ in range(R.randint(1, 3))]
    return w[0] + "".join(x.title() for x in w[1:])

def hexs(n): return "".join(R.choice("0123456789abcdef") for _ in range(n))
def alnum(n): return "".join(R.choice(string.ascii_letters + string.digits) for _ in range(n))

def py_line():
    c = R.random()
    if c < 0.08: return f"    {ident()} = tokenizer.encode({ident()}, max_tokens={R.randint(16, 4096)})"
    if c < 0.12: return f"    password = os.environ.get(\"{ident().upper()}_PASSWORD\")"
    if c < 0.15: return f"    api_key = settings.{ident().upper()}_API_KEY"
    if c < 0.18: return f"    resp = requests.get(\"https://api.{R.choice(WORDS)}.internal/v1/{ident()}\", timeout=30)"
    if c < 0.21: return f"    # sha256: {hexs(64)}"
    if c < 0.23: return f"    run_id = \"{hexs(8)}-{hexs(4)}-{hexs(4)}-{hexs(4)}-{hexs(12)}\""
    if c < 0.30: return f"def {ident()}(self, {ident()}: int, {ident()}: str = \"{R.choice(WORDS)}\") -> dict:"
    if c < 0.36: return f"    for {ident()} in {ident()}.{ident()}():"
    if c < 0.42: return f"        logger.info(\"{R.choice(WORDS)} %s {R.choice(WORDS)} %d\", {ident()}, {ident()})"
    if c < 0.47: return f"    secret_name = f\"projects/{{project}}/secrets/{ident()}/versions/latest\""
    if c < 0.52: return f"        return {{\"{ident()}\": {ident()}, \"{ident()}\": {R.randint(0, 99999)}}}"
    return f"        {ident()} = {ident()}.{ident()}({ident()}, {ident()}={R.random():.4f})"

def ts_line():
    c = R.random()
    if c < 0.1: return f"  const {camel()} = await fetch(`https://api.{R.choice(WORDS)}.dev/${{{camel()}}}`, {{ headers }});"
    if c < 0.15: return f"  const token = process.env.{ident().upper()}_TOKEN ?? \"\";"
    if c < 0.2: return f"  if (!{camel()}.password) throw new Error(\"password is required\");"
    if c < 0.3: return f"export function {camel()}({camel()}: {camel().title()}): Promise<{camel().title()}> {{"
    if c < 0.35: return f"  // en-us locale, see https://docs.{R.choice(WORDS)}.io/{ident()}"
    return f"  {camel()}.{camel()}({camel()}, {{ {camel()}: {R.randint(0, 1000)}, {camel()}: \"{R.choice(WORDS)}\" }});"

def java_line():
    c = R.random()
    if c < 0.1: return f"    private final {camel().title()} {camel()} = new {camel().title()}();"
    if c < 0.15: return f"    String password = config.getString(\"{ident()}.password\");"
    if c < 0.2: return f"    @Value(\"${{{ident()}.secret}}\") private String {camel()}Secret;"
    if c < 0.3: return f"  public {camel().title()} {camel()}({camel().title()} {camel()}) throws IOException {{"
    return f"    {camel()}.{camel()}({camel()}, \"{R.choice(WORDS)}\", {R.randint(0, 100)});"

def yaml_line():
    c = R.random()
    if c < 0.15: return f"  {ident()}: {R.choice(WORDS)}"
    if c < 0.2: return f"  password: ${{{ident().upper()}_PASSWORD}}"
    if c < 0.25: return f"  token: \"{{{{ .Values.{camel()}.token }}}}\""
    if c < 0.3: return f"  image: registry.internal/{ident()}@sha256:{hexs(64)}"
    return f"    {ident()}: {R.randint(0, 65535)}"

def md_line():
    return " ".join(R.choice(WORDS) for _ in range(R.randint(6, 16))) + R.choice([".", ",", ":", ""])

GEN = {".py": py_line, ".ts": ts_line, ".java": java_line, ".yaml": yaml_line, ".md": md_line, ".go": java_line}

B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
def gh_token():
    body = alnum(30)
    n = zlib.crc32(body.encode())
    s = ""
    for _ in range(6):
        s = B62[n % 62] + s
        n //= 62
    return "ghp_" + body + s

def planted():
    return R.choice([
        lambda: f"GITHUB_TOKEN = \"{gh_token()}\"",
        lambda: f"AWS_ACCESS_KEY_ID = \"AKIA{''.join(R.choice('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567') for _ in range(16))}\"",
        lambda: f"STRIPE_KEY = \"sk_live_{alnum(40)}\"",
        lambda: f"SLACK = \"xoxb-{R.randint(10**11, 10**12)}-{R.randint(10**12, 10**13)}-{alnum(24)}\"",
        lambda: f"DATABASE_URL = \"postgresql://app:{alnum(18)}@db.internal:5432/app\"",
    ])()

def main():
    os.makedirs(OUT, exist_ok=True)
    written = 0
    n = 0
    exts = list(GEN) + [".json", ".ipynb"]
    # a pool of bodies reused with variations keeps generation fast while files stay distinct
    pool = {}
    for ext in GEN:
        pool[ext] = ["\n".join(GEN[ext]() for _ in range(400)) for _ in range(40)]
    while written < SIZE:
        ext = R.choice(exts)
        d = os.path.join(OUT, f"pkg{n // 500:04d}", R.choice(["src", "lib", "tests", "configs", "docs"]))
        os.makedirs(d, exist_ok=True)
        name = os.path.join(d, f"{ident()}_{n}{ext}")
        if ext == ".json":
            body = json.dumps({ident(): {camel(): R.random(), "sha": hexs(40), "blob": base64.b64encode(os.urandom(300)).decode()}
                               for _ in range(40)}, indent=2)
        elif ext == ".ipynb":
            cells = [{"cell_type": "code", "metadata": {}, "outputs": [{"output_type": "stream", "name": "stdout",
                      "text": [md_line() + "\n" for _ in range(5)]}], "source": [py_line() + "\n" for _ in range(30)]}
                     for _ in range(8)]
            body = json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1)
        else:
            chunk = R.choice(pool[ext])
            start = R.randint(0, len(chunk) // 2)
            body = f"# {ident()} {n}\n" + chunk[start:start + R.randint(4000, 40000)]
        if n % 500 == 7:
            body += "\n" + planted() + "\n"
        with open(name, "w") as f:
            f.write(body)
        written += len(body)
        n += 1
    print(f"{OUT}: {n} files, {written / 1e6:.0f} MB")

if __name__ == "__main__":
    main()
