#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a GUI test program under its own virtual X server and session bus, so that a plain
# `meson test` works on any machine, with or without a display.
set -eu

export GSK_RENDERER="${GSK_RENDERER:-cairo}"
export GDK_BACKEND=x11
export NO_AT_BRIDGE=1
# The "test" accessibility backend keeps AT-SPI daemons off the session bus, whose
# greetings would otherwise end up in the TAP output.
export GTK_A11Y="${GTK_A11Y:-test}"
unset WAYLAND_DISPLAY

exec dbus-run-session -- xvfb-run --auto-servernum --error-file=/dev/stderr \
  --server-args="-screen 0 1920x1200x24 -nolisten tcp" "$@"
