#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Builds the generated package src/pkg/DRIVER/ (make pkg-DRIVER).  When the
# link fails only on symbols the driver's Linux objects reference and
# nobody defines, they become stubs (gen-stubs.sh) and the link is redone;
# anything else fails with the compiler's or linker's own lines, which name
# the file and the symbol.  Then installs DRIVER_server into out/bin/.
#
#   build-package.sh DRIVER      (log: obj/driver-wrap/DRIVER.build.log)
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
me=l4re-driver-wrap
driver=$1
pkg=$root/src/pkg/$driver
log=$root/obj/driver-wrap/$driver.build.log
bin=obj/l4/arm64/bin/${driver}_server
mkdir -p "$(dirname "$log")"
cd "$root" || exit 1

build() { make --no-print-directory "pkg-$driver" >"$log" 2>&1; }
report() {
	echo "$me: building $driver failed ($1; log: ${log#"$root"/}):" >&2
	grep -E 'error|undefined reference' "$log" | head -n 20 >&2
	exit 1
}

# The stubs of a previous run would hide what is missing now.
"$root/tools/driver_extract/gen-stubs.sh" "$pkg" "$driver" </dev/null
if ! build; then
	grep -q 'undefined reference to' "$log" || report "not a missing symbol"
	# The Linux side of the link: the driver's objects and dde-linux's Linux half.
	nm=${CROSS_COMPILE_ARM64:-aarch64-linux-gnu-}nm
	mapfile -t linux_objs < <(find "obj/l4/arm64/pkg/$driver/linux" "obj/l4/arm64/pkg/$driver/dde-linux" -name '*.o')
	linux_undef=$("$nm" -u "${linux_objs[@]}" | awk 'NF == 2 { print $2 }' | sort -u)
	missing=$(sed -n "s/.*undefined reference to \`\\([^']*\\)'.*/\\1/p" "$log" | sort -u)
	other=$(comm -23 <(echo "$missing") <(echo "$linux_undef"))
	[[ -z $other ]] || report "undefined outside the Linux code: $(tr "\n" " " <<<"$other")"
	echo "$me: $(wc -l <<<"$missing") Linux functions nobody provides become stubs: $(tr "\n" " " <<<"$missing")"
	"$root/tools/driver_extract/gen-stubs.sh" "$pkg" "$driver" <<<"$missing"
	build || report "still failing with the stubs"
fi
[[ -x $bin ]] || report "no $bin"
mkdir -p out/bin && cp -p "$bin" out/bin/
