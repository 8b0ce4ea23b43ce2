#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# The test runner behind `make check`: host unit tests (tests/unit/), the
# in-QEMU kernel tests (tests/ktest/) and the scenario tests (tests/system/).
# Prints one line per test, PASS: <name> / FAIL: <name>: <reason> /
# SKIP: <name>: <reason>, and last "N passed, N failed[, N skipped]".
# Exits non-zero if anything failed.
#
#   tests/run.sh [unit] [ktest] [system]     (default: all three)
#   KTEST_TIMEOUT=120  SYSTEM_TIMEOUT_SCALE=1  knobs for slow machines
#   SYSTEM_TESTS='io-*'  only the scenario tests whose names match (a glob)
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1
./setup || exit 1

logs=obj/tests
mkdir -p "$logs"
passed=0 failed=0 skipped=0
MAKE=(make --no-print-directory)

pass() { echo "PASS: $1"; passed=$((passed + 1)); }
fail() { echo "FAIL: $1: $2"; failed=$((failed + 1)); }
skip() { echo "SKIP: $1: $2"; skipped=$((skipped + 1)); }
tail_of() { echo "---- last 40 lines of $1 ----"; tail -n 40 "$1" | tr -d '\r'; echo "----"; }

run_unit() {
	local t bin out rc nfail
	for t in $("${MAKE[@]}" -s list-unit-tests); do
		if ! "${MAKE[@]}" "unit-test-$t" >"$logs/unit-$t.build" 2>&1; then
			fail "unit/$t" "build failed"
			tail_of "$logs/unit-$t.build"
			continue
		fi
		bin=obj/host/unit/test_$t
		out=$logs/unit-$t.log
		ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} timeout 120 "$bin" >"$out" 2>&1
		rc=$?
		nfail=0
		while IFS= read -r line; do
			case $line in
			"PASS: "*) echo "$line"; passed=$((passed + 1)) ;;
			"FAIL: "*) echo "$line"; failed=$((failed + 1)); nfail=$((nfail + 1)) ;;
			esac
		done <"$out"
		if ((rc != 0 && nfail == 0)); then
			fail "unit/$t" "exited with status $rc (crash or sanitizer report)"
			tail_of "$out"
		fi
	done
}

have_pkg() { [[ -f src/pkg/$1/Makefile || -f tests/$1/Makefile ]]; }

run_ktest() {
	local img=obj/l4/arm64/images/bootstrap_ktest_arm_virt.elf log=$logs/ktest.log rc n=0
	if [[ ! -f kernel/Makefile ]]; then
		skip ktest "no kernel/Makefile yet"
		return
	fi
	if ! have_pkg ktest; then
		skip ktest "no ktest package (src/pkg/ktest/ or tests/ktest/Makefile) yet"
		return
	fi
	if ! "${MAKE[@]}" elfimage E=ktest MODULES_LIST=tests/ktest/modules.list \
		>"$logs/ktest.build" 2>&1; then
		fail ktest "image build failed"
		tail_of "$logs/ktest.build"
		return
	fi
	tests/lib/qemu-run.sh "$img" "${KTEST_TIMEOUT:-120}" "$log"
	rc=$?
	while IFS= read -r line; do
		if [[ $line =~ ^ktest:\ ([^:[:space:]]+):\ PASS ]]; then
			pass "ktest/${BASH_REMATCH[1]}"
			n=$((n + 1))
		elif [[ $line =~ ^ktest:\ ([^:[:space:]]+):\ FAIL\ ?(.*)$ ]]; then
			fail "ktest/${BASH_REMATCH[1]}" "${BASH_REMATCH[2]:-failed}"
			n=$((n + 1))
		fi
	done < <(tr -d '\r' <"$log")
	if ((rc != 0)); then
		fail ktest "QEMU exit status $rc$( ((rc == 124)) && echo ' (timeout)')"
		tail_of "$log"
	elif ! tr -d '\r' <"$log" | grep -q '^ktest: done'; then
		fail ktest "no final 'ktest: done' line"
		tail_of "$log"
	elif ((n == 0)); then
		fail ktest "no test case reported"
		tail_of "$log"
	fi
}

# One scenario: tests/system/<name>.test, "key: value" lines (see README.md).
run_system_test() {
	local file=$1 name kind=boot entry="" list=files/modules.list search="" image=""
	local limit=60 exitcode="" key val req missing="" rc log build img reason="" prereqs=unset
	local disk="" disk_path disk_size script="" after="" disk_cmd="" reboot="" log1
	local -a expect=() forbid=() errors=() qargs=() words=() input=() input_after=()
	local -a host_checks=()
	name=system/$(basename "$file" .test)
	while IFS= read -r line || [[ -n $line ]]; do
		[[ $line =~ ^[[:space:]]*(#|$) ]] && continue
		key=${line%%:*}
		val=${line#*:}
		val=${val#"${val%%[![:space:]]*}"}
		case $key in
		kind) kind=$val ;;
		entry) entry=$val ;;
		modules) list=$val ;;
		search-path) search=$val ;;
		image) image=$val ;;
		prereqs) prereqs=$val ;;
		timeout) limit=$val ;;
		exit) exitcode=$val ;;
		expect) expect+=("$val") ;;
		forbid) forbid+=("$val") ;;
		error) errors+=("$val") ;;
		requires) for req in $val; do [[ -e $req ]] || missing+=" $req"; done ;;
		qemu-args) read -ra words <<<"$val"; qargs+=("${words[@]}") ;;
		disk) disk=$val ;;
		script) script=$val ;;
		input) input+=("$val"); input_after+=("$after"); after="" ;;
		input-after) after=$val ;;
		disk-cmd) disk_cmd=$val ;;
		host-check) host_checks+=("$val") ;;
		reboot) reboot=$val ;;
		description) ;;
		*) fail "$name" "unknown key '$key' in $file"; return ;;
		esac
	done <"$file"
	if [[ -n $missing ]]; then
		skip "$name" "missing:$missing"
		return
	fi
	log=$logs/$(basename "$file" .test).log
	build=$logs/$(basename "$file" .test).build
	img=obj/l4/arm64/images/bootstrap_${entry}_arm_virt.elf

	# A script does everything itself (build, boot, check); its exit status
	# is the verdict and its output the log.
	if [[ $kind == script ]]; then
		limit=$((limit * ${SYSTEM_TIMEOUT_SCALE:-1}))
		timeout -k 5 "$limit" "$script" >"$log" 2>&1
		rc=$?
		if ((rc != 0)); then
			fail "$name" "$script exited with status $rc$( ((rc == 124)) && echo ' (timeout)')"
			tail_of "$log"
		else
			pass "$name"
		fi
		return
	fi

	if [[ $kind == build-fail ]]; then
		# A stale image must disappear too: plant one.
		mkdir -p "$(dirname "$img")"
		echo stale >"$img"
		[[ $prereqs == unset ]] && prereqs=
		if "${MAKE[@]}" elfimage IMAGE_PREREQS="$prereqs" E="$entry" MODULES_LIST="$list" \
			${search:+MODULE_SEARCH_PATH="$search"} >"$build" 2>&1; then
			fail "$name" "make elfimage succeeded"
			return
		fi
		for val in "${errors[@]}"; do
			grep -Eq -- "$val" "$build" || reason="no error line matching '$val'"
		done
		[[ -e $img || -e out/images/$(basename "$img") ]] && reason="an image was left behind"
		[[ -n $reason ]] && { fail "$name" "$reason"; tail_of "$build"; return; }
		pass "$name"
		return
	fi

	if [[ -z $image ]]; then
		local -a pre=()
		[[ $prereqs != unset ]] && pre=("IMAGE_PREREQS=$prereqs")
		if ! "${MAKE[@]}" elfimage "${pre[@]}" E="$entry" MODULES_LIST="$list" \
			${search:+MODULE_SEARCH_PATH="$search"} >"$build" 2>&1; then
			fail "$name" "image build failed"
			tail_of "$build"
			return
		fi
		image=$img
	elif [[ $image == pkg:* ]]; then
		"${MAKE[@]}" "pkg-${image#pkg:}" >"$build" 2>&1 || {
			fail "$name" "build failed"; tail_of "$build"; return; }
		image=obj/l4/arm64/bin/${image#pkg:}
	fi
	# A scratch disk, fresh (all zeroes) for every run; never committed.
	if [[ -n $disk ]]; then
		read -r disk_path disk_size <<<"$disk"
		mkdir -p "$(dirname "$disk_path")"
		rm -f "$disk_path"
		truncate -s "${disk_size:-8M}" "$disk_path" || { fail "$name" "cannot create $disk_path"; return; }
	fi
	# Prepare the disk (e.g. make a file system on it) on the host.
	if [[ -n $disk_cmd ]] && ! bash -c "$disk_cmd" >"$build.disk" 2>&1; then
		fail "$name" "disk-cmd failed: $disk_cmd"
		tail_of "$build.disk"
		return
	fi
	limit=$((limit * ${SYSTEM_TIMEOUT_SCALE:-1}))
	# A first boot, stopped at the line matching the reboot regex; the run
	# below is the second boot on the same disk, and both logs count.
	log1=$log.boot1
	rm -f "$log1"
	if [[ -n $reboot ]]; then
		QEMU_STOP_REGEX=$reboot tests/lib/qemu-run.sh "$image" "$limit" "$log1" "${qargs[@]}"
		rc=$?
		if ((rc != 0)); then
			fail "$name" "first boot: no line matching '$reboot' (QEMU status $rc)"
			tail_of "$log1"
			return
		fi
	fi
	# Text typed into the serial console (qemu-run.sh: QEMU_INPUT*), one
	# line per input: key, each with the input-after: regex before it.
	local QEMU_INPUT="" QEMU_INPUT_AFTER=""
	if ((${#input[@]})); then
		QEMU_INPUT=$(printf '%s\n' "${input[@]}")
		QEMU_INPUT_AFTER=$(printf '%s\n' "${input_after[@]}")
	fi
	export QEMU_INPUT QEMU_INPUT_AFTER
	if [[ -z $exitcode && ${#expect[@]} -gt 0 ]]; then
		QEMU_STOP_REGEX=${expect[-1]} tests/lib/qemu-run.sh "$image" "$limit" "$log" "${qargs[@]}"
	else
		tests/lib/qemu-run.sh "$image" "$limit" "$log" "${qargs[@]}"
	fi
	rc=$?
	if [[ -n $reboot ]]; then
		cat "$log1" "$log" >"$log.both" && mv "$log.both" "$log"
	fi
	if [[ -n $exitcode && $rc != "$exitcode" ]]; then
		reason="QEMU exit status $rc, expected $exitcode"
	elif [[ -z $exitcode && $rc != 0 ]]; then
		reason="QEMU exit status $rc$( ((rc == 124)) && echo ' (timeout)')"
	fi
	# Expected lines in order.
	if [[ -z $reason ]]; then
		local rest
		rest=$(tr -d '\r' <"$log")
		for val in "${expect[@]}"; do
			local at
			at=$(grep -En -m1 -- "$val" <<<"$rest" | cut -d: -f1)
			if [[ -z $at ]]; then
				reason="no line matching '$val' (in order)"
				break
			fi
			rest=$(tail -n "+$((at + 1))" <<<"$rest")
		done
	fi
	for val in "${forbid[@]}"; do
		tr -d '\r' <"$log" | grep -Eq -- "$val" && reason="forbidden line matching '$val'"
	done
	# Checks of the disk on the host, after QEMU is gone.
	for val in "${host_checks[@]}"; do
		[[ -n $reason ]] && break
		if ! bash -c "$val" >>"$log" 2>&1; then
			reason="host-check failed: $val"
		fi
	done
	if [[ -n $reason ]]; then
		fail "$name" "$reason"
		tail_of "$log"
	else
		pass "$name"
	fi
}

run_system() {
	local f
	for f in tests/system/${SYSTEM_TESTS:-*}.test; do
		[[ -e $f ]] && run_system_test "$f"
	done
}

kinds=("$@")
((${#kinds[@]})) || kinds=(unit ktest system)
for k in "${kinds[@]}"; do
	case $k in
	unit) run_unit ;;
	ktest) run_ktest ;;
	system) run_system ;;
	*) echo "tests/run.sh: unknown kind '$k'" >&2; exit 2 ;;
	esac
done

if ((skipped)); then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
((failed == 0))
