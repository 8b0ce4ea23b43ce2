# SPDX-License-Identifier: MIT
# shellcheck shell=bash
#
# The one place for the QEMU command line, sourced by scripts/runqemu.sh,
# tests/lib/qemu-run.sh and bench/run.sh.  Sets:
#   QEMU           the emulator binary (override with $QEMU)
#   QEMU_ARGS      machine, CPU, memory, console, semihosting (array)
# Callers append "-kernel IMAGE" and their own extras (e.g. -device ...,
# -icount ...).  QEMU_MEM and QEMU_EXTRA (a string) override from outside.

QEMU=${QEMU:-qemu-system-aarch64}
QEMU_ARGS=(
	-M virt,virtualization=on,gic-version=3
	-cpu max,pauth-impdef=on
	-m "${QEMU_MEM:-512M}"
	-nographic
	-semihosting
)
if [[ -n ${QEMU_EXTRA:-} ]]; then
	# shellcheck disable=SC2206 # word splitting is the point
	QEMU_ARGS+=($QEMU_EXTRA)
fi

qemu_disk_args() {
	QEMU_DISK_ARGS=(
		-global virtio-mmio.force-legacy=false
		-drive "if=none,file=$1,format=raw,id=lsb_root"
		-device virtio-blk-device,drive=lsb_root
	)
}
