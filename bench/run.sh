#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# `make bench`: builds every entry of bench/modules.list, runs each under
# QEMU with -icount shift=0,sleep=off and prints the "bench: ..." lines it
# prints, plus the image size.  Reports numbers; asserts nothing about them.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1
./setup || exit 1
list=${BENCH_LIST:-bench/modules.list}
mkdir -p obj/bench
entries=$(sed -n 's/^[[:space:]]*entry[[:space:]]\{1,\}\([^[:space:]#]\{1,\}\).*/\1/p' "$list")
if [[ -z $entries ]]; then
	echo "bench: no benchmarks in $list"
	exit 0
fi
status=0
for e in $entries; do
	img=obj/l4/arm64/images/bootstrap_${e}_arm_virt.elf
	# Modules are also looked up in bench/cfg (ned scripts of benchmarks).
	if ! make --no-print-directory elfimage E="$e" MODULES_LIST="$list" \
		MODULE_SEARCH_PATH=bench/cfg >"obj/bench/$e.build" 2>&1; then
		echo "bench: $e: image build failed (obj/bench/$e.build)"
		status=1
		continue
	fi
	echo "bench: $e: image_size $(stat -c %s "$img") bytes"
	# bench/<entry>.qemu-args (optional): more QEMU arguments, split at blanks;
	# @DISK@ stands for a fresh, zeroed 8 MiB scratch disk obj/bench/<entry>.img.
	# bench/<entry>.disk (optional): "size <S>" and "cmd <shell command>"
	# lines: the disk's size instead of 8M, and commands preparing it
	# ($DISK names it), e.g. mke2fs.  bench/<entry>.stop (optional): a
	# regex; QEMU is stopped at the first line matching it (for images
	# whose programs cannot end the machine themselves).
	extra=()
	if [[ -f bench/$e.qemu-args ]]; then
		rm -f "obj/bench/$e.img"
		truncate -s "$(sed -n 's/^size[[:space:]]\{1,\}//p' "bench/$e.disk" 2>/dev/null | head -n 1 | grep . || echo 8M)" "obj/bench/$e.img"
		if [[ -f bench/$e.disk ]] && ! sed -n 's/^cmd[[:space:]]\{1,\}//p' "bench/$e.disk" |
			DISK=obj/bench/$e.img bash -e >"obj/bench/$e.disk.log" 2>&1; then
			echo "bench: $e: disk preparation failed (obj/bench/$e.disk.log)"
			status=1
			continue
		fi
		read -ra extra < <(grep -v '^[[:space:]]*#' "bench/$e.qemu-args" | tr '\n' ' ')
		extra=("${extra[@]//@DISK@/obj/bench/$e.img}")
	fi
	stop=
	[[ -f bench/$e.stop ]] && stop=$(grep -v '^[[:space:]]*#' "bench/$e.stop" | head -n 1)
	QEMU_STOP_REGEX=$stop tests/lib/qemu-run.sh "$img" "${BENCH_TIMEOUT:-300}" "obj/bench/$e.log" \
		-icount shift=0,sleep=off "${extra[@]}"
	rc=$?
	# Programs under ned print through a log that prefixes "<tag> | ".
	tr -d '\r' <"obj/bench/$e.log" | sed -n 's/^\([^|]* | \)\{0,1\}\(bench: \)/\2/p'
	if ((rc != 0)); then
		echo "bench: $e: QEMU exit status $rc (obj/bench/$e.log)"
		status=1
	fi
done
exit $status
