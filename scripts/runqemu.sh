#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Boots an image in QEMU interactively (Ctrl-A X quits).
#
#   scripts/runqemu.sh [IMAGE] [extra QEMU args...]
#
# IMAGE defaults to the newest file in obj/l4/arm64/images/.  The common
# arguments are in scripts/qemu-args.sh; QEMU_MEM and QEMU_EXTRA override.
# out/images/lsb_root.img (scripts/build.sh), if there, is attached as the
# virtio-mmio block device the bash image's fs_server serves; LSB_ROOT_IMG
# names another file, LSB_ROOT_IMG= (empty) attaches none.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=qemu-args.sh
source "$root/scripts/qemu-args.sh"

if (($# > 0)) && [[ $1 != -* ]]; then
	image=$1
	shift
else
	image=$(ls -t "$root"/obj/l4/arm64/images/*.elf 2>/dev/null | head -n 1 || true)
	if [[ -z $image ]]; then
		echo "runqemu.sh: no image in obj/l4/arm64/images; run 'make' or 'make elfimage E=<entry>'" >&2
		exit 1
	fi
fi
QEMU_DISK_ARGS=()
disk=${LSB_ROOT_IMG-$root/out/images/lsb_root.img}
if [[ -n $disk && -f $disk ]]; then
	qemu_disk_args "$disk"
	echo "runqemu.sh: disk $disk"
fi
echo "runqemu.sh: $image"
exec "$QEMU" "${QEMU_ARGS[@]}" -kernel "$image" "${QEMU_DISK_ARGS[@]}" "$@"
