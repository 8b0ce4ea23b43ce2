// SPDX-License-Identifier: MIT
/*
 * l4re-libc backend: clocks and sleeping.  Both clocks count the KIP clock
 * (microseconds since the generic timer started, computed from CNTVCT_EL0,
 * docs/abi.md §11): there is no real-time clock yet, so CLOCK_REALTIME is
 * the time since boot, like a machine whose clock was never set.
 * Sleeping is a receive from nobody with a timeout (l4_ipc_sleep); IPC
 * timeouts are relative m << e microseconds (10-bit m), so long or odd
 * durations are slept in steps until the clock says the deadline passed.
 */
#include <errno.h>
#include <time.h>

#include <l4/sys/ipc.h>
#include <l4/sys/kip.h>

#include "backend.h"

uint64_t __l4libc_now_us(void)
{
	return l4_kip_clock(l4re_kip());
}

l4_timeout_s __l4libc_timeout_rel(uint64_t us)
{
	unsigned e = 0;

	if (!us)
		return L4_IPC_TIMEOUT_0;
	while ((us >> e) > 1023 && e < 31)
		e++;
	if ((us >> e) > 1023)
		return l4_timeout_rel(1023, 31);
	return l4_timeout_rel((unsigned)(us >> e), e);
}

void __l4libc_sleep_until(uint64_t deadline_us)
{
	uint64_t now;

	while ((now = __l4libc_now_us()) < deadline_us) {
		l4_timeout_s t = __l4libc_timeout_rel(deadline_us - now);

		l4_ipc_sleep(l4_timeout(L4_IPC_TIMEOUT_NEVER, t));
	}
}

static int clock_ok(clockid_t clk)
{
	switch (clk) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		return 1;
	default:
		return 0;
	}
}

long __l4libc_sys_clock_gettime(clockid_t clk, struct timespec *ts)
{
	uint64_t ns;

	if (!clock_ok(clk))
		return -EINVAL;
	ns = l4_kip_clock_ns(l4re_kip());
	ts->tv_sec = ns / 1000000000;
	ts->tv_nsec = ns % 1000000000;
	return 0;
}

long __l4libc_sys_clock_getres(clockid_t clk, struct timespec *ts)
{
	if (!clock_ok(clk))
		return -EINVAL;
	if (ts) {
		ts->tv_sec = 0;
		ts->tv_nsec = 1000;
	}
	return 0;
}

static long sleep_for(const struct timespec *req)
{
	uint64_t us;

	if (req->tv_nsec < 0 || req->tv_nsec >= 1000000000 || req->tv_sec < 0)
		return -EINVAL;
	/* Round up: sleeping is "at least". */
	us = (uint64_t)req->tv_sec * 1000000 + (req->tv_nsec + 999) / 1000;
	__l4libc_sleep_until(__l4libc_now_us() + us);
	return 0;
}

long __l4libc_sys_nanosleep(const struct timespec *req, struct timespec *rem)
{
	(void)rem; /* never interrupted: no signals */
	return sleep_for(req);
}

long __l4libc_sys_clock_nanosleep(clockid_t clk, int flags, const struct timespec *req,
				  struct timespec *rem)
{
	if (!clock_ok(clk))
		return -EINVAL;
	if (flags & TIMER_ABSTIME) {
		struct timespec now, d;

		__l4libc_sys_clock_gettime(clk, &now);
		d.tv_sec = req->tv_sec - now.tv_sec;
		d.tv_nsec = req->tv_nsec - now.tv_nsec;
		if (d.tv_nsec < 0) {
			d.tv_nsec += 1000000000;
			d.tv_sec--;
		}
		if (d.tv_sec < 0)
			return 0;
		return sleep_for(&d);
	}
	return __l4libc_sys_nanosleep(req, rem);
}
