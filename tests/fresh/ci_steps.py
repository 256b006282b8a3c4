#!/usr/bin/env python3
"""Print a CI job's shell steps as one bash script, to run them outside the CI service.

    ci_steps.py gitlab .gitlab-ci.yml JOB [--except OTHER]
    ci_steps.py github .github/workflows/svcorg.yml JOB [--except OTHER]

GitLab: the file's `variables:`, then `default.before_script` (unless the job has its own)
and the job's `script:`, in one shell as the runner does (bash -eo pipefail). GitHub: the
workflow's and the job's `env:`, then every `run:` step in a shell of its own (bash -eo
pipefail, GitHub's default) with the step's `env:`; `uses:` steps are skipped. The file's
variables keep a value already in the environment (as a CI setting would override them).
`${{ inputs.NAME }}` reads as empty (a scheduled run). --except leaves out the steps that
job OTHER has too (its installation, already run).
"""
import re
import shlex
import sys

import yaml


def expression(value):
    """GitHub's ${{ inputs.NAME }}: empty, as in a scheduled run; any other is refused."""
    def sub(m):
        if re.fullmatch(r"\s*inputs\.[A-Za-z_][A-Za-z0-9_-]*\s*", m.group(1)):
            return ""
        sys.exit(f"ci_steps.py: cannot evaluate ${{{{{m.group(1)}}}}}")
    return re.sub(r"\$\{\{(.*?)\}\}", sub, str(value))


def exports(env, keep_existing):
    lines = []
    for name, value in (env or {}).items():
        value = shlex.quote(expression(value))
        lines.append(f'export {name}="${{{name}-{value}}}"' if keep_existing else f"export {name}={value}")
    return lines


def gitlab_steps(doc, job):
    j = doc[job]
    before = j.get("before_script", doc.get("default", {}).get("before_script", []))
    return [str(s) for s in before] + [str(s) for s in j["script"]]


def github_steps(doc, job):
    return [s for s in doc["jobs"][job]["steps"] if "run" in s]


def main(argv):
    if len(argv) not in (4, 6) or argv[1] not in ("gitlab", "github") or (len(argv) == 6 and argv[4] != "--except"):
        sys.exit(__doc__)
    kind, path, job = argv[1:4]
    other = argv[5] if len(argv) == 6 else None
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    out = ["#!/usr/bin/env bash", f"# {kind} job {job} of {path}", "set -eo pipefail"]
    if kind == "gitlab":
        out += exports(doc.get("variables"), True)
        skip = gitlab_steps(doc, other) if other else []
        for step in gitlab_steps(doc, job):
            if step in skip:
                continue
            out.append("echo " + shlex.quote("$ " + step))
            out.append(step)
    else:
        out += exports(doc.get("env"), True)
        out += exports(doc["jobs"][job].get("env"), False)
        skip = [s["run"] for s in github_steps(doc, other)] if other else []
        for step in github_steps(doc, job):
            if step["run"] in skip:
                continue
            out.append("echo " + shlex.quote("== step: " + step.get("name", step["run"].splitlines()[0])))
            env = "".join(f"{k}={shlex.quote(expression(v))} " for k, v in (step.get("env") or {}).items())
            out.append(f"{'env ' + env if env else ''}bash --noprofile --norc -eo pipefail -c {shlex.quote(step['run'])}")
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv)
