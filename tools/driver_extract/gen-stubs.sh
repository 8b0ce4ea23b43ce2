#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Writes PKG/stubs.c: one DDE_STUB(name) (<dde/stub.h>) per symbol name on
# stdin, sorted; no names, no stubs.  Used by gen-package.sh (empty) and
# build-package.sh (the linker's undefined symbols).
#
#   gen-stubs.sh PKG DRIVER <names
set -euo pipefail
pkg=$1 driver=$2
mapfile -t names < <(sort -u)
{
	cat <<HEAD
// SPDX-License-Identifier: MIT
/*
 * $driver: Linux functions the driver (or dde-linux's Linux half) references
 * that nobody provides, found at link time by tools/l4re-driver-wrap.  Each
 * stops the server with its name when called (<dde/stub.h>); one a test
 * reaches gets a real implementation in src/pkg/dde-linux/ instead.
 */
#include <dde/stub.h>
HEAD
	if ((${#names[@]})); then
		echo
		printf 'DDE_STUB(%s)\n' "${names[@]}"
	fi
} >"$pkg/stubs.c"
