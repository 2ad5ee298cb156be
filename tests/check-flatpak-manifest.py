#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that the Flatpak manifest parses, pins what it builds, keeps its permissions
minimal, and provides every library meson.build asks for (from the runtime or a module)."""

import json
import re
import sys
from pathlib import Path

# What org.gnome.Platform ships (GNOME runtime on the freedesktop base).
RUNTIME_PROVIDES = {
    "glib-2.0", "gio-2.0", "gobject-2.0", "gtk4", "libadwaita-1", "sqlite3",
    "json-glib-1.0", "m",
}
MINIMAL_FINISH_ARGS = {"--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"}

# pkg-config names as meson.build asks for them, mapped to the module that builds them.
MODULE_PROVIDES = {"libxlsxwriter": {"xlsxwriter"}}

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def main():
    top = Path(sys.argv[1])
    manifest_path = top / "flatpak" / "io.github.tenureapp.Tenure.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))

    check(manifest.get("id") == "io.github.tenureapp.Tenure", "app id")
    check(manifest.get("runtime") == "org.gnome.Platform", "GNOME runtime")
    check(manifest.get("sdk") == "org.gnome.Sdk", "GNOME SDK")
    check(re.fullmatch(r"\d+", str(manifest.get("runtime-version", ""))) is not None,
          "runtime-version must be a pinned release, not master or a branch")
    check(manifest.get("command") == "tenure", "command is tenure")
    check(set(manifest.get("finish-args", [])) == MINIMAL_FINISH_ARGS,
          f"finish-args must be exactly {sorted(MINIMAL_FINISH_ARGS)}")
    check(not any("filesystem" in arg for arg in manifest.get("finish-args", [])),
          "no filesystem access: files go through the portal")

    modules = {module["name"]: module for module in manifest.get("modules", [])}
    names = [module["name"] for module in manifest.get("modules", [])]
    check(names[-1:] == ["tenure"], "the app module comes last")

    xlsx = modules.get("libxlsxwriter")
    check(xlsx is not None, "libxlsxwriter module")
    if xlsx:
        check(xlsx.get("buildsystem") == "cmake-ninja", "libxlsxwriter built with cmake-ninja")
        opts = set(xlsx.get("config-opts", []))
        for opt in ("-DBUILD_SHARED_LIBS=ON", "-DBUILD_TESTS=OFF", "-DBUILD_EXAMPLES=OFF",
                    "-DCMAKE_INSTALL_LIBDIR=lib"):
            check(opt in opts, f"libxlsxwriter config-opts has {opt}")
        for source in xlsx.get("sources", []):
            check(source.get("type") == "archive", "libxlsxwriter from a release archive")
            check("1.1.4" in source.get("url", ""), "libxlsxwriter pinned to 1.1.4 like Debian 12")
            check(re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")) is not None,
                  "libxlsxwriter archive pinned by sha256")

    app = modules.get("tenure")
    check(app is not None, "tenure module")
    if app:
        check(app.get("buildsystem") == "meson", "tenure built with meson")
        check(app.get("builddir") is True, "tenure builds in a separate folder")
        check({"type": "dir", "path": ".."} in app.get("sources", []), "tenure from this checkout")

    provided = set(RUNTIME_PROVIDES)
    for name in names:
        provided |= MODULE_PROVIDES.get(name, set())
    meson_build = (top / "meson.build").read_text(encoding="utf-8")
    wanted = set(re.findall(r"dependency\('([^']+)'", meson_build))
    wanted |= set(re.findall(r"find_library\('([^']+)'", meson_build))
    for dep in sorted(wanted - provided):
        failures.append(f"meson.build needs {dep}, which neither the runtime nor a module provides")

    print("1..1")
    if failures:
        for failure in failures:
            print(f"# {failure}")
        print("not ok 1 - flatpak manifest")
        return 1
    print(f"ok 1 - flatpak manifest ({len(names)} modules, needs {sorted(wanted)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
