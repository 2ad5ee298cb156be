#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages Tenure needs to build, run and test, and only those that
# are missing. Safe to run again. Usage: scripts/install-deps.sh [--tests]
set -eu

packages="libgtk-4-dev libadwaita-1-dev libsqlite3-dev sqlite3 libxlsxwriter-dev
libjson-glib-dev meson ninja-build gcc pkg-config gettext appstream desktop-file-utils
xvfb xauth dbus-x11 dbus-daemon shared-mime-info python3-openpyxl libreoffice-calc-nogui
poppler-utils
adwaita-icon-theme fonts-cantarell"

# Tests also use clang (fuzzing harnesses), its sanitizer runtime, and GNU time for
# peak-memory measurements in bench/, Valgrind (memcheck over the core tests), and a colour
# emoji font, without which the emoji of the GUI tests' screenshots are drawn as boxes.
if [ "${1:-}" = "--tests" ]; then
    packages="$packages clang libclang-rt-14-dev time valgrind fonts-noto-color-emoji"
fi

missing=""
for package in $packages; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    case "$status" in
        "install ok installed") ;;
        *) missing="$missing $package" ;;
    esac
done

# The French interface and number formats are tested in a French locale.
need_locales=""
for wanted in fr_FR.utf8 en_US.utf8; do
    locale -a 2>/dev/null | grep -qx "$wanted" || need_locales="$need_locales $wanted"
done
if [ -n "$need_locales" ]; then
    status=$(dpkg-query -W -f='${Status}' locales 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || missing="$missing locales"
fi

if [ -z "$missing" ] && [ -z "$need_locales" ]; then
    echo "All required packages are installed."
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
else
    echo "These packages are missing:$missing" >&2
    echo "Install them as root (apt-get install$missing) and run this again." >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if [ -n "$missing" ]; then
    echo "Installing:$missing"
    $sudo apt-get update -q
    # shellcheck disable=SC2086
    $sudo apt-get install -y -q --no-install-recommends $missing
fi

if [ -n "$need_locales" ]; then
    echo "Generating locales:$need_locales"
    for wanted in $need_locales; do
        name=$(echo "$wanted" | sed 's/\.utf8$/.UTF-8/')
        $sudo sed -i "s/^# *\($name UTF-8\)/\1/" /etc/locale.gen
        grep -q "^$name UTF-8" /etc/locale.gen || echo "$name UTF-8" | $sudo tee -a /etc/locale.gen >/dev/null
    done
    $sudo locale-gen
fi
