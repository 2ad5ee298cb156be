#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a translatable string has no French translation, when a source file with
translatable strings is missing from po/POTFILES.in, or when msgfmt --check complains."""

import re
import subprocess
import sys
import tempfile
from pathlib import Path

KEYWORDS = ["_", "N_", "C_:1c,2", "NC_:1c,2", "g_dngettext:2,3", "ngettext:1,2",
            "g_dpgettext2:2c,3", "Q_:1g"]
MARKED = re.compile(r'(?<![A-Za-z0-9_])(N?C?_|ngettext)\s*\(\s*"|translatable="yes"|<summary>')


def tap(results):
    print(f"1..{len(results)}")
    ok = True
    for number, (name, problems) in enumerate(results, 1):
        if problems:
            ok = False
            for problem in problems[:50]:
                print(f"# {problem}")
            if len(problems) > 50:
                print(f"# … and {len(problems) - 50} more")
            print(f"not ok {number} - {name}")
        else:
            print(f"ok {number} - {name}")
    return 0 if ok else 1


def main():
    top = Path(sys.argv[1])
    po_dir = top / "po"
    listed = [line.strip() for line in (po_dir / "POTFILES.in").read_text().splitlines()
              if line.strip() and not line.startswith("#")]

    missing_files = [name for name in listed if not (top / name).exists()]
    unlisted = []
    for pattern in ("src/**/*.c", "ui/**/*.ui", "data/*.xml", "data/*.in", "data/*.desktop*"):
        for path in sorted(top.glob(pattern)):
            relative = str(path.relative_to(top))
            if relative not in listed and MARKED.search(path.read_text(encoding="utf-8")):
                unlisted.append(f"{relative} has translatable strings but is not in po/POTFILES.in")

    with tempfile.TemporaryDirectory() as tmp:
        pot = Path(tmp) / "tenure.pot"
        args = ["xgettext", "--from-code=UTF-8", "--add-comments", "--output", str(pot),
                "--package-name=tenure", f"--directory={top}"]
        args += [f"--keyword={keyword}" for keyword in KEYWORDS]
        subprocess.run(args + [name for name in listed if (top / name).exists()], check=True)

        merged = Path(tmp) / "fr.po"
        subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "--output-file",
                        str(merged), str(po_dir / "fr.po"), str(pot)], check=True)

        untranslated = subprocess.run(["msgattrib", "--untranslated", "--no-obsolete",
                                       str(merged)], capture_output=True, text=True, check=True)
        fuzzy = subprocess.run(["msgattrib", "--only-fuzzy", "--no-obsolete", str(merged)],
                               capture_output=True, text=True, check=True)
        check = subprocess.run(["msgfmt", "--check", "--output-file=/dev/null",
                                str(po_dir / "fr.po")], capture_output=True, text=True)
        stats = subprocess.run(["msgfmt", "--statistics", "--output-file=/dev/null",
                                str(merged)], capture_output=True, text=True)

    def msgids(text):
        """The msgids of a .po text, joining continuation lines, without the header."""
        ids = []
        for entry in re.split(r"\n\s*\n", text):
            match = re.search(r'^msgid ((?:".*"\n?)+)', entry, re.M)
            if match:
                value = "".join(re.findall(r'"(.*)"', match.group(1)))
                if value:
                    ids.append(value)
        return ids

    print(f"# fr.po: {stats.stderr.strip()}")
    return tap([
        ("every file in POTFILES.in exists", missing_files),
        ("every file with translatable strings is in POTFILES.in", unlisted),
        ("every string has a French translation",
         [f"untranslated: {m}" for m in msgids(untranslated.stdout)]),
        ("no fuzzy translation", [f"fuzzy: {m}" for m in msgids(fuzzy.stdout)]),
        ("msgfmt --check passes", [line for line in check.stderr.splitlines() if line]),
    ])


if __name__ == "__main__":
    sys.exit(main())
