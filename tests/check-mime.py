#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Compiles the shared-mime-info package into a scratch database and checks that *.tenure
and the SQLite header with Tenure's application_id map to application/x-tenure-workspace,
and that the desktop file claims that type."""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

MIME = "application/x-tenure-workspace"


def main():
    package, desktop = Path(sys.argv[1]), Path(sys.argv[2])
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        packages = Path(tmp) / "packages"
        packages.mkdir()
        shutil.copy(package, packages)
        run = subprocess.run(["update-mime-database", "-V", tmp], capture_output=True, text=True)
        problems = [line for line in run.stderr.splitlines() if "warning" in line.lower()
                    or "error" in line.lower()]
        if run.returncode != 0:
            problems.append(f"update-mime-database exited with {run.returncode}")
        results.append(("update-mime-database accepts the package", problems))

        globs = (Path(tmp) / "globs2").read_text() if (Path(tmp) / "globs2").exists() else ""
        results.append(("*.tenure is a Tenure workspace",
                        [] if f"{MIME}:*.tenure" in globs else [f"globs2: {globs!r}"]))

        magic = (Path(tmp) / "magic").read_bytes() if (Path(tmp) / "magic").exists() else b""
        ok = MIME.encode() in magic and b"SQLite format 3" in magic and b"TENU" in magic
        results.append(("the SQLite header with application_id TENU is recognised",
                        [] if ok else ["magic lacks the SQLite header or TENU"]))

    lines = desktop.read_text().splitlines()
    mime_lines = [line for line in lines if line.startswith("MimeType=")]
    ok = any(MIME in line.split("=", 1)[1].split(";") for line in mime_lines)
    exec_ok = any(line.startswith("Exec=") and ("%F" in line or "%U" in line) for line in lines)
    results.append(("the desktop file opens Tenure workspaces",
                    [] if ok and exec_ok else [f"MimeType/Exec lines: {mime_lines}"]))

    print(f"1..{len(results)}")
    failed = False
    for number, (name, problems) in enumerate(results, 1):
        for problem in problems:
            print(f"# {problem}")
        print(f"{'not ok' if problems else 'ok'} {number} - {name}")
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
