#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Builds everything from scratch and, with --test, boots the hello image.
# Also makes out/images/lsb_root.img, the ext4 root volume of the bash
# image (mke2fs -t ext4 -d files/lsb_root), which scripts/runqemu.sh
# attaches as a virtio-mmio block device.  It is made anew every time:
# what a session wrote to it is gone.
#
#   scripts/build.sh [--no-clean] [--test]
#
# --no-clean  keep obj/ and out/ (incremental build)
# --test      boot obj/l4/arm64/images/bootstrap_hello_arm_virt.elf and pass
#             only if "Hello World" appears on the console within
#             $HELLO_TIMEOUT seconds (default 60)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
clean=1 test=0
for a in "$@"; do
	case $a in
	--no-clean) clean=0 ;;
	--test) test=1 ;;
	-h | --help) sed -n '4,12p' "$0"; exit 0 ;;
	*) echo "build.sh: unknown option '$a'" >&2; exit 2 ;;
	esac
done

./setup
if ((clean)); then
	make clean
fi
make -j"$(nproc)"

lsb_img=out/images/lsb_root.img
mkdir -p out/images
rm -f "$lsb_img"
mke2fs -q -F -t ext4 -b 4096 -L lsb_root -d files/lsb_root "$lsb_img" "${LSB_ROOT_SIZE:-64M}"
echo "build.sh: $lsb_img (ext4 from files/lsb_root)"

if ((test)); then
	image=obj/l4/arm64/images/bootstrap_hello_arm_virt.elf
	log=obj/hello-test.log
	limit=${HELLO_TIMEOUT:-60}
	echo "build.sh: booting $image (up to ${limit}s)"
	if QEMU_STOP_REGEX='Hello World' tests/lib/qemu-run.sh "$image" "$limit" "$log"; then
		echo "build.sh: PASS: Hello World seen"
	else
		rc=$?
		echo "build.sh: FAIL: no 'Hello World' (QEMU status $rc); last 40 lines of $log:" >&2
		tail -n 40 "$log" | tr -d '\r' >&2
		exit 1
	fi
fi
