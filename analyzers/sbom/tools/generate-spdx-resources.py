#!/usr/bin/python3
"""Regenerates the SPDX licence data bundled in src/main/resources/dev/bulwark/sbom/license/.

Source: Maven Central artifact org.spdx:java-spdx-library:2.0.4, folder resources/stdlicenses/
(the SPDX License List as JSON, one file per licence or exception, with licence texts).

Usage: tools/generate-spdx-resources.py path/to/java-spdx-library-2.0.4.jar
"""
import json, sys, zipfile, os

COMMON_TEXTS = ["MIT", "MIT-0", "Apache-2.0", "Apache-1.1", "BSD-2-Clause", "BSD-3-Clause", "BSD-3-Clause-Clear",
    "ISC", "0BSD", "Unlicense", "CC0-1.0", "CC-BY-4.0", "CC-BY-SA-4.0", "GPL-2.0-only", "GPL-3.0-only",
    "LGPL-2.1-only", "LGPL-3.0-only", "AGPL-3.0-only", "MPL-2.0", "MPL-1.1", "EPL-1.0", "EPL-2.0",
    "BSL-1.0", "Zlib", "Python-2.0", "PSF-2.0", "Artistic-2.0", "CDDL-1.0", "CDDL-1.1", "WTFPL", "BlueOak-1.0.0",
    "UPL-1.0", "Unicode-3.0", "OFL-1.1", "PostgreSQL", "NCSA", "X11", "HPND", "CPL-1.0", "EUPL-1.2", "MS-PL",
    "BSD-4-Clause"]

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "src", "main", "resources", "dev", "bulwark", "sbom", "license")
jar = zipfile.ZipFile(sys.argv[1])
licenses, exceptions = [], []
texts = {}
for n in sorted(jar.namelist()):
    if not n.startswith("resources/stdlicenses/") or not n.endswith(".json"):
        continue
    d = json.loads(jar.read(n))
    if "licenseId" in d:
        licenses.append((d["licenseId"], d.get("name", ""), "1" if d.get("isDeprecatedLicenseId") else "0"))
        if d["licenseId"] in COMMON_TEXTS:
            texts[d["licenseId"]] = d["licenseText"]
    elif "licenseExceptionId" in d:
        exceptions.append((d["licenseExceptionId"], d.get("name", ""), "1" if d.get("isDeprecatedLicenseId") else "0"))
with open(os.path.join(out, "spdx-licenses.tsv"), "w") as f:
    f.write("# SPDX License List ids from org.spdx:java-spdx-library:2.0.4 (resources/stdlicenses); id\tname\tdeprecated\n")
    for row in sorted(licenses):
        f.write("\t".join(row) + "\n")
with open(os.path.join(out, "spdx-exceptions.tsv"), "w") as f:
    f.write("# SPDX licence exception ids from org.spdx:java-spdx-library:2.0.4 (resources/stdlicenses); id\tname\tdeprecated\n")
    for row in sorted(exceptions):
        f.write("\t".join(row) + "\n")
missing = [t for t in COMMON_TEXTS if t not in texts]
assert not missing, missing
for lid, text in texts.items():
    with open(os.path.join(out, "texts", lid + ".txt"), "w") as f:
        f.write(text)
with open(os.path.join(out, "texts", "index.txt"), "w") as f:
    f.write("\n".join(sorted(texts)) + "\n")
print(len(licenses), "licences,", len(exceptions), "exceptions,", len(texts), "texts")
