#!/usr/bin/env python3
"""Generates a monorepo of N files (default 100,000) with 50 real lockfiles of mixed ecosystems.

The lockfiles are copies of the real ones in ../shared/data/projects (one per ecosystem: npm, pnpm, yarn,
poetry, uv, Cargo, Go, Maven), spread over 50 service folders; the rest are small source, text and config
files so that the walker, the ignore rules and every cataloger's claims() see a realistic tree.
Usage: generate.py OUT_DIR [N_FILES] [SHARED_PROJECTS_DIR]
"""
import os
import random
import shutil
import sys

out = sys.argv[1]
n_files = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
projects = sys.argv[3] if len(sys.argv) > 3 else os.path.join(os.path.dirname(__file__), "../../../shared/data/projects")
rng = random.Random(7)

LOCKFILES = []
for root, _, files in os.walk(projects):
    for f in files:
        if f in ("package-lock.json", "pnpm-lock.yaml", "yarn.lock", "poetry.lock", "uv.lock", "Cargo.lock",
                 "go.mod", "go.sum", "pom.xml", "pyproject.toml", "package.json", "Cargo.toml"):
            LOCKFILES.append(os.path.join(root, f))
LOCKFILES.sort()
lock_groups = {}
for p in LOCKFILES:
    lock_groups.setdefault(os.path.dirname(p), []).append(p)
LOCK_NAMES = ("package-lock.json", "pnpm-lock.yaml", "yarn.lock", "poetry.lock", "uv.lock", "Cargo.lock", "go.sum", "pom.xml")
groups = sorted(g for g in lock_groups.values() if any(os.path.basename(p) in LOCK_NAMES for p in g))
if not groups:
    sys.exit("no projects found under " + projects)

if os.path.exists(out):
    shutil.rmtree(out)
os.makedirs(out)
written = 0
lockfile_count = 0
for i in range(50):
    svc = os.path.join(out, "services", "svc-%02d" % i)
    os.makedirs(svc)
    for src in groups[i % len(groups)]:
        shutil.copy(src, os.path.join(svc, os.path.basename(src)))
        written += 1
        if os.path.basename(src) in LOCK_NAMES:
            lockfile_count += 1

templates = {
    ".py": "import os\n\ndef handler_%d(event):\n    return {'status': %d, 'path': os.getcwd()}\n",
    ".js": "export function handler%d(req) {\n  return { status: %d };\n}\n",
    ".md": "# Notes %d\n\nSome documentation text, revision %d.\n",
    ".yaml": "name: job-%d\nreplicas: %d\n",
    ".txt": "plain text file %d with number %d\n",
}
exts = sorted(templates)
while written < n_files:
    svc = rng.randrange(50)
    d = os.path.join(out, "services", "svc-%02d" % svc, "src", "m%03d" % rng.randrange(200))
    os.makedirs(d, exist_ok=True)
    ext = exts[written % len(exts)]
    with open(os.path.join(d, "f%06d%s" % (written, ext)), "w") as f:
        f.write(templates[ext] % (written, written % 500))
    written += 1
print("%d files, %d lockfiles in %s" % (written, lockfile_count, out))
