#!/usr/bin/python3
"""Writes docs/rules/iac/<id>.md for every built-in IaC check from its rule file.

The rule files are the source of truth (id, title, severity, description, remediation, CEL match);
run this after changing them:  /usr/bin/python3 analyzers/iac/scripts/gen_rule_docs.py
"""
import pathlib
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[3]
CHECKS = ROOT / "analyzers/iac/src/main/resources/dev/bulwark/iac/checks"
DOCS = ROOT / "docs/rules/iac"
INPUTS = {
    "dockerfile": "Dockerfile / Containerfile",
    "kubernetes": "Kubernetes manifests",
    "github-actions": "GitHub Actions workflows and composite actions",
    "gitlab-ci": "GitLab CI files",
    "compose": "docker-compose files",
}

index = ["# IaC checks", "", "Built-in misconfiguration checks, written as CEL rules in "
         "`analyzers/iac/src/main/resources/dev/bulwark/iac/checks/`. Scanner `iac`.", ""]
for f in sorted(CHECKS.glob("*.yaml")):
    doc = yaml.safe_load(f.read_text())
    index += [f"## {INPUTS.get(f.stem, f.stem)}", "", "| id | severity | title |", "|---|---|---|"]
    for r in doc["rules"]:
        rid = r["id"]
        page = DOCS / f"{rid}.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(
            f"# {rid}: {r['title']}\n\n"
            f"- scanner: `iac`\n- input: `{r['input']}` ({INPUTS[r['input']]})\n"
            f"- default severity: **{r['severity']}**\n\n"
            f"## Why it matters\n\n{r['description'].strip()}\n\n"
            f"## How to fix\n\n{r.get('remediation', '').strip()}\n\n"
            f"## The check\n\nDefined in `checks/{f.name}` (the same format as user policies, see "
            f"[docs/policy.md](../../../policy.md)):\n\n```cel\n{r['match'].strip()}\n```\n\n"
            f"Silence a reviewed finding with a waiver (`rule: {rid}`) in a policy file.\n")
        index.append(f"| [{rid}]({rid}.md) | {r['severity']} | {r['title']} |")
    index.append("")
(DOCS / "README.md").write_text("\n".join(index))
print("wrote", len(list(DOCS.rglob("*.md"))) - 1, "rule pages")
