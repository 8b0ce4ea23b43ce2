#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Boots IMAGE under QEMU for at most TIMEOUT seconds, serial console to LOG.
#
#   tests/lib/qemu-run.sh IMAGE TIMEOUT LOG [extra QEMU args...]
#
# Exit status: QEMU's own (semihosting exit code of the guest), 124 when the
# time ran out.  When QEMU_STOP_REGEX is set (extended regex), QEMU is
# stopped as soon as the log has a matching line and the status is 0: for
# systems that never exit by themselves.
set -uo pipefail

if (($# < 3)); then
	echo "usage: $0 IMAGE TIMEOUT LOG [extra QEMU args...]" >&2
	exit 2
fi
image=$1 limit=$2 log=$3
shift 3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../../scripts/qemu-args.sh
source "$here/../../scripts/qemu-args.sh"

if [[ ! -f $image ]]; then
	echo "qemu-run: no image $image" >"$log"
	exit 2
fi

: >"$log" # exists before the stop-regex loop first reads it
timeout -k 5 "$limit" "$QEMU" "${QEMU_ARGS[@]}" -kernel "$image" "$@" </dev/null >"$log" 2>&1 &
pid=$!

if [[ -z ${QEMU_STOP_REGEX:-} ]]; then
	wait "$pid"
	exit $?
fi

while kill -0 "$pid" 2>/dev/null; do
	if tr -d '\r' <"$log" | grep -Eq -- "$QEMU_STOP_REGEX"; then
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		exit 0
	fi
	sleep 0.2
done
wait "$pid"
rc=$?
# The guest may have printed the line and exited in the same breath.
if tr -d '\r' <"$log" | grep -Eq -- "$QEMU_STOP_REGEX"; then
	exit 0
fi
exit "$rc"
