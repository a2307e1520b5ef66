#!/usr/bin/python3
"""Writes a synthetic CSV of about SIZE_MB megabytes with mixed PII columns, for bench/data/run.sh.
Usage: generate_csv.py SIZE_MB OUT.csv   (deterministic, seed 11; values are synthetic)"""
import random
import sys

random.seed(11)
size = int(float(sys.argv[1]) * 1024 * 1024)
out = sys.argv[2]
FIRST = ["Alice", "Bruno", "Chiara", "Dmitri", "Emeka", "Fatima", "Gustav", "Hana", "Ines", "Jonas", "Keiko", "Liam"]
LAST = ["Okafor", "Lindqvist", "Rossi", "Nakamura", "Garcia", "Muller", "OBrien", "Novak", "Haddad", "Silva"]
STREETS = ["Baker Street", "Main St", "Elm Avenue", "Oak Road", "Maple Lane", "High Street"]
NOTES = ["Asked about delivery.", "Paid on time.", "Prefers e-mail at {e}.", "Call back on {p} after 5pm.",
         "Card {c} declined once.", "No remarks."]


def luhn(payload):
    t = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        t += d
    return payload + str((10 - t % 10) % 10)


def iban():
    bank = "".join(random.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4))
    acct = "%014d" % random.randrange(10 ** 14)
    num = int("".join(str(int(c, 36)) for c in bank + acct + "GB00"))
    return "GB%02d%s%s" % (98 - num % 97, bank, acct)


written = 0
i = 0
with open(out, "w", encoding="utf-8", buffering=1 << 20) as fh:
    header = "id,name,email,phone,card,iban,ssn,dob,ip,city,amount,notes\n"
    fh.write(header)
    written += len(header)
    while written < size:
        f, l = random.choice(FIRST), random.choice(LAST)
        e = "%s.%s%d@example.com" % (f.lower(), l.lower(), i)
        p = "(%d) %03d-%04d" % (random.randint(201, 989), random.randint(200, 999), random.randrange(10000))
        c = luhn("4" + "%014d" % random.randrange(10 ** 14))
        note = random.choice(NOTES).format(e=e, p=p, c=c)
        row = "%d,%s %s,%s,%s,%s,%s,%03d-%02d-%04d,%04d-%02d-%02d,%d.%d.%d.%d,%s,%.2f,\"%s\"\n" % (
            i, f, l, e, p, c, iban(), random.randint(1, 665), random.randint(1, 99), random.randint(1, 9999),
            random.randint(1940, 2005), random.randint(1, 12), random.randint(1, 28),
            random.randint(1, 223), random.randrange(256), random.randrange(256), random.randint(1, 254),
            random.choice(STREETS), random.uniform(1, 900), note)
        fh.write(row)
        written += len(row)
        i += 1
print("%s: %d rows, %d bytes" % (out, i, written), file=sys.stderr)
