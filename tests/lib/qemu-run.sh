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
# systems that never exit by themselves.  When QEMU_INPUT is set, its
# lines are typed into the serial console one after the other (printf %b
# escapes: \n, \x05, ...), line i once the log has a line matching line i
# of QEMU_INPUT_AFTER (extended regexes; empty or missing: at once);
# otherwise QEMU's stdin is /dev/null.
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
if [[ -z ${QEMU_INPUT:-} ]]; then
	timeout -k 5 "$limit" "$QEMU" "${QEMU_ARGS[@]}" -kernel "$image" "$@" </dev/null >"$log" 2>&1 &
	pid=$!
else
	# A FIFO opened read-write (that never blocks, and QEMU never sees end
	# of file) and unlinked at once; QEMU reads it as its stdin, the typist
	# writes to it once the trigger line came.
	fifo=$(mktemp -u "${TMPDIR:-/tmp}/qemu-input.XXXXXX")
	mkfifo "$fifo" || exit 2
	exec 3<>"$fifo"
	rm -f "$fifo"
	timeout -k 5 "$limit" "$QEMU" "${QEMU_ARGS[@]}" -kernel "$image" "$@" <&3 >"$log" 2>&1 &
	pid=$!
	(
		mapfile -t texts <<<"$QEMU_INPUT"
		mapfile -t afters <<<"${QEMU_INPUT_AFTER:-}"
		for i in "${!texts[@]}"; do
			while [[ -n ${afters[i]:-} ]] && kill -0 "$pid" 2>/dev/null &&
				! tr -d '\r' <"$log" | grep -Eq -- "${afters[i]}"; do
				sleep 0.2
			done
			printf '%b' "${texts[i]}" >&3
		done
	) &
fi

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
