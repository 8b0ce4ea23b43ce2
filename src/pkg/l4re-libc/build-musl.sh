#!/bin/bash
# SPDX-License-Identifier: MIT
#
# l4re-libc: builds musl out of tree with our overlay and installs it.
#
#   build-musl.sh MUSL_SRC OVERLAY BUILD_DIR PREFIX CROSS_COMPILE
#
# musl's Makefile compiles every file of src/*/, src/*/<arch>/ and crt/ below
# one source directory, an arch file replacing the generic file of the same
# name.  So the source directory we give it is a tree of symbolic links to
# dl/musl-1.2.3 with our overlay/ linked over it: the overlay's
# arch/aarch64/syscall_arch.h and src/*/aarch64/*.s replace musl's Linux
# system-call code, crt/aarch64/crt1.c the entry.  musl's files are never
# edited or copied.  The link tree is made anew on every run (cheap), musl's
# own make then rebuilds what changed; it tracks no header dependencies, so a
# changed overlay header forces a clean rebuild.
set -euo pipefail

src=$(realpath "$1")
overlay=$(realpath "$2")
build=$(realpath -m "$3")
prefix=$(realpath -m "$4")
cross=$5
make=${MAKE:-make}

[ -f "$src/VERSION" ] || { echo "error: musl source '$1' missing; run ./setup" >&2; exit 1; }
mkdir -p "$build"
tree=$build/src

# 1. The source tree: musl's files as links, the overlay's linked over them.
rm -rf "$tree.new"
cp -as "$src" "$tree.new"
(cd "$overlay" && find . -type f) | while read -r f; do
	mkdir -p "$(dirname "$tree.new/$f")"
	ln -sfn "$overlay/$f" "$tree.new/$f"
done
rm -rf "$tree"
mv "$tree.new" "$tree"

# 2. Configure once (again when this script changes).
obj=$build/obj
mkdir -p "$obj"
if [ ! -f "$obj/config.mak" ] || [ "$0" -nt "$obj/config.mak" ]; then
	(cd "$obj" && "$tree/configure" --target=aarch64 --prefix="$prefix" \
		--disable-shared CROSS_COMPILE="$cross" \
		CFLAGS="-O2 -fno-pie -mno-outline-atomics" >configure.log 2>&1) ||
		{ cat "$obj/configure.log" >&2; exit 1; }
	rm -rf "$obj/obj" "$obj/lib"
fi

# 3. Overlay headers changed: musl's make would not notice, start clean.
sum=$(cd "$overlay" && find . -name '*.h' -type f | sort | xargs -r sha256sum)
if [ "$sum" != "$(cat "$build/overlay-h.sum" 2>/dev/null)" ]; then
	rm -rf "$obj/obj" "$obj/lib"
	printf '%s' "$sum" >"$build/overlay-h.sum"
fi

# 4. Build and install (headers, libc.a, crt*.o) under PREFIX.
"$make" -C "$obj" --no-print-directory lib/libc.a lib/crt1.o lib/crti.o lib/crtn.o
"$make" -C "$obj" --no-print-directory install-headers install-libs >/dev/null
