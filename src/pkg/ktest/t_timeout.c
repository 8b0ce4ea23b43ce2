// SPDX-License-Identifier: MIT
/*
 * Timeout cases: zero, relative and absolute timeouts in the send and the
 * receive phase, and canceling a blocked IPC with ex_regs.  Durations are
 * checked loosely: never early by more than one timer tick, and not
 * absurdly late.
 */
#include "ktest.h"

#include <l4/sys/ipc.h>
#include <l4/sys/thread.h>
#include <l4/util/exit.h>

static volatile long res;

static void sleeper(l4_umword_t arg)
{
	(void)arg;
	l4util_sleep_forever();
}

static uint64_t tick_us(void)
{
	uint64_t g = l4_kip()->scheduler_granularity;

	return g ? g : 1000;
}

/* Receive or send error of a timed-out operation, with elapsed time. */
static const char *check_elapsed(uint64_t t0, uint64_t want_us)
{
	uint64_t dt = kt_now_us() - t0;

	KT_CHECK(dt + tick_us() >= want_us, "returned after %lu us, wanted %lu us",
		 (unsigned long)dt, (unsigned long)want_us);
	KT_CHECK(dt < want_us + 500000, "returned only after %lu us, wanted %lu us",
		 (unsigned long)dt, (unsigned long)want_us);
	return NULL;
}

static const char *ipc_rcv_timeout_zero(void)
{
	l4_umword_t label;
	uint64_t t0 = kt_now_us();
	l4_msgtag_t tag = l4_ipc_wait(l4_utcb(), &label, L4_IPC_RECV_TIMEOUT_0);

	KT_CHECK(l4_error(tag) == l4_ipc_to_errno(L4_IPC_RETIMEOUT), "wait: %ld", l4_error(tag));
	KT_CHECK(kt_now_us() - t0 < 100000, "zero timeout blocked");
	return NULL;
}

static const char *ipc_snd_timeout_zero(void)
{
	l4_cap_idx_t th = kt_thread_local(sleeper, 0, KT_HELPER_PRIO);
	l4_cap_idx_t g = th ? kt_gate(th, 0x10) : 0;
	l4_msgtag_t tag;

	KT_CHECK(g, "setup failed (%ld)", kt_err);
	kt_sleep_ms(2); /* let the sleeper block */
	tag = l4_ipc_send(g, l4_utcb(), l4_msgtag(0, 0, 0, 0), L4_IPC_SEND_TIMEOUT_0);
	KT_CHECK(l4_error(tag) == l4_ipc_to_errno(L4_IPC_SETIMEOUT), "send: %ld", l4_error(tag));
	return NULL;
}

static const char *ipc_rcv_timeout_rel(void)
{
	uint64_t t0 = kt_now_us();
	l4_msgtag_t tag = l4_ipc_sleep(kt_rcv_timeout_ms(20));

	KT_CHECK(l4_error(tag) == l4_ipc_to_errno(L4_IPC_RETIMEOUT), "sleep: %ld", l4_error(tag));
	return check_elapsed(t0, 20000);
}

static const char *ipc_snd_timeout_rel(void)
{
	l4_cap_idx_t th = kt_thread_local(sleeper, 0, KT_HELPER_PRIO);
	l4_cap_idx_t g = th ? kt_gate(th, 0x10) : 0;
	l4_msgtag_t tag;
	uint64_t t0;

	KT_CHECK(g, "setup failed (%ld)", kt_err);
	kt_sleep_ms(2);
	t0 = kt_now_us();
	tag = l4_ipc_send(g, l4_utcb(), l4_msgtag(0, 0, 0, 0),
			  l4_timeout(l4_timeout_from_us(20000), L4_IPC_TIMEOUT_NEVER));
	KT_CHECK(l4_error(tag) == l4_ipc_to_errno(L4_IPC_SETIMEOUT), "send: %ld", l4_error(tag));
	return check_elapsed(t0, 20000);
}

static const char *ipc_rcv_timeout_abs(void)
{
	uint64_t t0 = kt_now_us();
	l4_timeout_s to;
	l4_msgtag_t tag;

	l4_utcb_br()->br[0] = 0;
	to = l4_timeout_abs(t0 + 20000, 2);
	tag = l4_ipc_receive(L4_INVALID_CAP, l4_utcb(), l4_timeout(L4_IPC_TIMEOUT_NEVER, to));
	KT_CHECK(l4_error(tag) == l4_ipc_to_errno(L4_IPC_RETIMEOUT), "receive: %ld", l4_error(tag));
	return check_elapsed(t0, 20000);
}

static const char *ipc_rcv_timeout_abs_past(void)
{
	uint64_t t0 = kt_now_us();
	l4_timeout_s to;
	l4_msgtag_t tag;

	l4_utcb_br()->br[0] = 0;
	to = l4_timeout_abs(t0 > 5000 ? t0 - 5000 : 0, 3);
	tag = l4_ipc_receive(L4_INVALID_CAP, l4_utcb(), l4_timeout(L4_IPC_TIMEOUT_NEVER, to));
	KT_CHECK(l4_error(tag) == l4_ipc_to_errno(L4_IPC_RETIMEOUT), "receive: %ld", l4_error(tag));
	KT_CHECK(kt_now_us() - t0 < 100000, "deadline in the past blocked");
	return NULL;
}

static void blocked_receiver(l4_umword_t arg)
{
	l4_umword_t label;
	l4_msgtag_t tag = l4_ipc_wait(l4_utcb(), &label, L4_IPC_NEVER);

	(void)arg;
	res = l4_error(tag);
}

static const char *ipc_cancel(void)
{
	l4_cap_idx_t th;
	long err;

	res = 1;
	th = kt_thread_local(blocked_receiver, 0, KT_HELPER_PRIO);
	KT_CHECK(th, "setup failed (%ld)", kt_err);
	kt_sleep_ms(2);
	KT_CHECK(res == 1, "receiver did not block (%ld)", res);
	err = l4_error(l4_thread_ex_regs(th, ~0UL, ~0UL, L4_THREAD_EX_REGS_CANCEL));
	KT_CHECK(err == 0, "ex_regs cancel: %ld", err);
	KT_CHECK(kt_wait_eq(&res, l4_ipc_to_errno(L4_IPC_RECANCELED), 1000), "receiver got %ld",
		 res);
	return NULL;
}

const struct kt_case kt_timeout_cases[] = {
	{ "ipc_rcv_timeout_zero", ipc_rcv_timeout_zero },
	{ "ipc_snd_timeout_zero", ipc_snd_timeout_zero },
	{ "ipc_rcv_timeout_rel", ipc_rcv_timeout_rel },
	{ "ipc_snd_timeout_rel", ipc_snd_timeout_rel },
	{ "ipc_rcv_timeout_abs", ipc_rcv_timeout_abs },
	{ "ipc_rcv_timeout_abs_past", ipc_rcv_timeout_abs_past },
	{ "ipc_cancel", ipc_cancel },
	{ NULL, NULL },
};
