"""Runs one Automation API operation on a Python project's own program (__main__.py) as an inline
program. Run with the project's venv/bin/python and cwd = the project; see ../README.md."""

import json
import os
import runpy
import sys

from pulumi import automation as auto

PROJECT_DIR = os.getcwd()


def program() -> None:
    # The project's own __main__.py, run as `pulumi up` would run it; it calls pulumi.export.
    # Its folder goes on sys.path so the program can import modules next to it.
    if PROJECT_DIR not in sys.path:
        sys.path.insert(0, PROJECT_DIR)
    runpy.run_path(os.path.join(PROJECT_DIR, "__main__.py"), run_name="__main__")


def project_name() -> str:
    name = os.environ.get("SECUREML_RUNNER_PROJECT")
    if name:
        return name
    # Only the top-level name is needed, so a line match avoids a YAML dependency.
    with open(os.path.join(PROJECT_DIR, "Pulumi.yaml"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("name:"):
                return line.split(":", 1)[1].split("#", 1)[0].strip().strip("'\"")
    raise RuntimeError("Pulumi.yaml has no name; set SECUREML_RUNNER_PROJECT")


def plain_counts(summary) -> dict:
    # Keys may be OpType enum members; the result file wants their string values.
    return {getattr(op, "value", op): n for op, n in (summary or {}).items()}


def required(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise RuntimeError(f"{name} is not set")
    return value


def main() -> None:
    op = os.environ.get("SECUREML_RUNNER_OP")
    result_file = required("SECUREML_RUNNER_RESULT")
    if op not in ("preview", "up", "destroy"):
        raise ValueError(f'SECUREML_RUNNER_OP "{op}": use preview, up or destroy')
    # work_dir = the project, so its Pulumi.yaml and Pulumi.<stack>.yaml are used. For inline
    # programs the work_dir keyword is ignored; it has to be given in the workspace options.
    stack = auto.create_or_select_stack(
        stack_name=required("SECUREML_RUNNER_STACK"),
        project_name=project_name(),
        program=program,
        opts=auto.LocalWorkspaceOptions(work_dir=PROJECT_DIR),
    )
    result = {"op": op, "changeSummary": {}}
    if op == "preview":
        result["changeSummary"] = plain_counts(stack.preview(diff=True).change_summary)
    elif op == "up":
        res = stack.up()
        result["changeSummary"] = plain_counts(res.summary.resource_changes)
        result["outputs"] = {name: out.value for name, out in res.outputs.items()}  # unwrap {value, secret}
    else:
        result["changeSummary"] = plain_counts(stack.destroy().summary.resource_changes)
    with open(result_file, "w", encoding="utf-8") as f:
        json.dump(result, f)


if __name__ == "__main__":
    try:
        main()
    except Exception as err:  # pylint: disable=broad-except
        # CommandError's text carries the CLI's stdout and stderr, so component errors arrive verbatim.
        print(err, file=sys.stderr)
        sys.exit(1)
