#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# The configured Linux tree the driver tools read: Debian's linux-source
# tarball unpacked once under obj/linux/src, configured for arm64 once in
# obj/linux/build (O=, so the source stays untouched), and kbuild runs on
# it that leave the .cmd files driver_extract reads.  Every step is cached
# by a stamp, so a second run costs seconds.  A failure names the step, its
# log and the first file the compiler complained about.
#
#   linux-tree.sh unpack                       unpack the tarball (cached)
#   linux-tree.sh configure                    unpack + defconfig (cached)
#   linux-tree.sh build SYMBOL DIR...          configure, SYMBOL=y, prepare, build DIRs
#
# Environment: LINUX_TARBALL (/usr/src/linux-source-6.1.tar.xz),
# LINUX_SRC (obj/linux/src; an existing tree not unpacked by this script is
# used as it is, read-only), LINUX_BUILD (obj/linux/build),
# CROSS_COMPILE_ARM64 (aarch64-linux-gnu-), JOBS (nproc).
# Exit status: 0 done, 1 a step failed, 2 bad command line.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tarball=${LINUX_TARBALL:-/usr/src/linux-source-6.1.tar.xz}
src=${LINUX_SRC:-$root/obj/linux/src}
build=${LINUX_BUILD:-$root/obj/linux/build}
cross=${CROSS_COMPILE_ARM64:-aarch64-linux-gnu-}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
logs=$(dirname "$build")/logs

die() {
	echo "linux-tree: $*" >&2
	exit 1
}

# Runs one step with its output in a log; on failure names the step, the log
# and the first "file:line: error" (or make's "No rule to make target") line.
step() {
	local name=$1 log
	shift
	mkdir -p "$logs"
	log=$logs/$name.log
	echo "linux-tree: $name" >&2
	if ! "$@" >"$log" 2>&1; then
		local first
		first=$(grep -m1 -E '(^[^ :]+:[0-9]+(:[0-9]+)?: (fatal )?error:)|No rule to make target|\*\*\*' "$log" || true)
		echo "linux-tree: step '$name' failed${first:+ at: $first}" >&2
		echo "linux-tree: full output: $log (last lines follow)" >&2
		tail -n 15 "$log" >&2
		exit 1
	fi
}

tarball_id() {
	stat -c '%n %s %Y' "$tarball"
}

do_unpack() {
	local stamp=$src/.l4rec-unpacked top
	[[ -f $tarball ]] || die "no Linux source tarball at $tarball (install Debian's linux-source-6.1 with ./setup, or set LINUX_TARBALL)"
	if [[ -f $stamp && $(cat "$stamp") == "$(tarball_id)" ]]; then
		return 0
	fi
	[[ -e $src && ! -f $stamp ]] && die "$src exists but was not unpacked by this script; remove it first"
	rm -rf "$src" "$src.tmp"
	mkdir -p "$src.tmp"
	step unpack tar -xJf "$tarball" -C "$src.tmp"
	top=$(find "$src.tmp" -mindepth 1 -maxdepth 1 -type d | head -n 1)
	[[ -n $top && -f $top/Kconfig ]] || die "step 'unpack': $tarball holds no Linux tree (no */Kconfig)"
	mv "$top" "$src"
	rm -rf "$src.tmp"
	tarball_id >"$stamp"
}

kmake() {
	make -C "$src" O="$build" ARCH=arm64 CROSS_COMPILE="$cross" -j"$jobs" "$@"
}

do_configure() {
	local stamp=$build/.l4rec-configured
	command -v "${cross}gcc" >/dev/null ||
		die "cross compiler ${cross}gcc not found (run ./setup, or set CROSS_COMPILE_ARM64)"
	for t in flex bison bc; do
		command -v $t >/dev/null || die "$t not found; kbuild needs it (run ./setup)"
	done
	local id
	if [[ -f $src/Kconfig && ! -f $src/.l4rec-unpacked ]]; then
		id="tree $src"	# someone else's tree: kbuild's O= leaves it untouched
	else
		do_unpack
		id="$(tarball_id)"
	fi
	if [[ -f $stamp && -f $build/.config && $(cat "$stamp") == "$id $cross" ]]; then
		return 0
	fi
	mkdir -p "$build"
	rm -f "$stamp"
	step defconfig kmake defconfig
	echo "$id $cross" >"$stamp"
}

do_build() {
	local sym=${1#CONFIG_} d
	shift
	[[ $sym =~ ^[A-Za-z0-9_]+$ ]] || { echo "linux-tree: bad symbol '$sym'" >&2; exit 2; }
	(($#)) || { echo "linux-tree: build needs at least one directory" >&2; exit 2; }
	do_configure
	if ! grep -q "^CONFIG_$sym=y" "$build/.config"; then
		step "enable-$sym" "$src/scripts/config" --file "$build/.config" -e "$sym"
		step olddefconfig kmake olddefconfig
		grep -q "^CONFIG_$sym=y" "$build/.config" ||
			die "step 'enable-$sym': CONFIG_$sym could not be set to y (its dependencies are not met in the arm64 defconfig; see 'driver_picker --driver $sym')"
	fi
	step prepare kmake prepare
	for d in "$@"; do
		step "build-${d//\//_}" kmake "${d%/}/"
	done
}

cmd=${1:-}
shift || true
# One run at a time per tree: `make check` and l4re-driver-wrap may both
# unpack or build; the second waits for the first and then finds the stamps.
if [[ $cmd == unpack || $cmd == configure || $cmd == build ]]; then
	mkdir -p "$(dirname "$build")"
	exec 9>"$(dirname "$build")/.lock"
	flock 9
fi
case $cmd in
unpack) do_unpack ;;
configure) do_configure ;;
build) do_build "$@" ;;
*)
	echo "usage: linux-tree.sh unpack | configure | build SYMBOL DIR..." >&2
	exit 2
	;;
esac
