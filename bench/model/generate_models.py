#!/usr/bin/python3
"""Writes >= 2 GB of benign model files for the model-scanner benchmark (run with Debian's /usr/bin/python3).

Usage: generate_models.py OUT_DIR
"""
import json, os, struct, sys, pickle, collections
import numpy as np
import torch, joblib

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
rng = np.random.default_rng(0)

def done(name):
    p = os.path.join(out, name)
    return os.path.exists(p) and os.path.getsize(p) > 0

# 1. safetensors, 800 MB, many tensors, header written per spec
if not done("model.safetensors"):
    tensors = {f"layers.{i}.weight": (4096, 1024) for i in range(50)}
    header, off = {}, 0
    for name, shape in tensors.items():
        n = shape[0] * shape[1] * 4
        header[name] = {"dtype": "F32", "shape": list(shape), "data_offsets": [off, off + n]}
        off += n
    header["__metadata__"] = {"format": "pt"}
    h = json.dumps(header).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    block = rng.random(4096 * 1024, dtype=np.float32).tobytes()
    with open(os.path.join(out, "model.safetensors"), "wb") as f:
        f.write(struct.pack("<Q", len(h)) + h)
        for _ in tensors:
            f.write(block)

# 2. PyTorch zip checkpoint, ~700 MB
if not done("checkpoint.pt"):
    sd = collections.OrderedDict((f"blk.{i}.w", torch.from_numpy(rng.random((2048, 1024), dtype=np.float32))) for i in range(84))
    torch.save(sd, os.path.join(out, "checkpoint.pt"))

# 3. legacy PyTorch, ~200 MB
if not done("legacy.bin"):
    sd = collections.OrderedDict((f"w{i}", torch.from_numpy(rng.random((1024, 1024), dtype=np.float32))) for i in range(50))
    torch.save(sd, os.path.join(out, "legacy.bin"), _use_new_zipfile_serialization=False)

# 4. GGUF v3, ~400 MB of F16 tensors
if not done("model.gguf"):
    def s(x):
        b = x.encode(); return struct.pack("<Q", len(b)) + b
    tensors = [(f"blk.{i}.ffn.weight", (4096, 1024)) for i in range(50)]
    hdr = b"GGUF" + struct.pack("<IQQ", 3, len(tensors), 2)
    hdr += s("general.architecture") + struct.pack("<I", 8) + s("llama")
    hdr += s("tokenizer.chat_template") + struct.pack("<I", 8) + s("{% for m in messages %}{{ m['content'] }}{% endfor %}")
    off = 0
    for name, (a, b) in tensors:
        hdr += s(name) + struct.pack("<I", 2) + struct.pack("<QQ", b, a) + struct.pack("<IQ", 1, off)
        off += a * b * 2
    hdr += b"\0" * ((32 - len(hdr) % 32) % 32)
    block = rng.random(4096 * 1024, dtype=np.float32).astype(np.float16).tobytes()
    with open(os.path.join(out, "model.gguf"), "wb") as f:
        f.write(hdr)
        for _ in tensors:
            f.write(block)

# 5. joblib with inline arrays, ~200 MB
if not done("model.joblib"):
    joblib.dump({"coef": rng.random((25_000, 1000)), "meta": {"n": 1}}, os.path.join(out, "model.joblib"))

total = sum(os.path.getsize(os.path.join(out, f)) for f in os.listdir(out))
print(f"{total / 1e9:.2f} GB in {out}")
