// SPDX-License-Identifier: MIT
/*
 * Thread cases: ex_regs (old values, unbound threads), binding rules for
 * UTCB addresses, CPU time statistics, and exception IPC (an undefined
 * instruction handled and skipped by ktest; an ex_regs-triggered one).
 */
#include "ktest.h"

#include <l4/sys/factory.h>
#include <l4/sys/ipc.h>
#include <l4/sys/task.h>
#include <l4/sys/thread.h>
#include <l4/util/exit.h>

static volatile long res;

static const char *ex_regs_ret(void)
{
	l4_cap_idx_t th = kt_thread_local_unstarted();
	l4_addr_t ip = ~0UL, sp = ~0UL;
	l4_umword_t flags = 0;
	long e;

	KT_CHECK(th, "setup failed (%ld)", kt_err);
	e = l4_error(l4_thread_ex_regs(th, 0x1234000, 0x5678000, 0));
	KT_CHECK(e == 0, "ex_regs: %ld", e);
	e = l4_error(l4_thread_ex_regs_ret(th, &ip, &sp, &flags));
	KT_CHECK(e == 0, "ex_regs_ret: %ld", e);
	KT_CHECK(ip == 0x1234000 && sp == 0x5678000, "old ip %#lx sp %#lx", ip, sp);
	return NULL;
}

static l4_cap_idx_t unbound_thread(void)
{
	l4_cap_idx_t th = kt_cap();

	if (l4_error(l4_factory_create_thread(L4_BASE_FACTORY_CAP, th)) < 0)
		return 0;
	kt_defer_delete(th);
	return th;
}

static const char *ex_regs_unbound(void)
{
	l4_cap_idx_t th = unbound_thread();
	long e;

	KT_CHECK(th, "setup failed (%ld)", kt_err);
	e = l4_error(l4_thread_ex_regs(th, 0x1000, 0x2000, 0));
	KT_CHECK(e == -L4_EINVAL, "ex_regs on an unbound thread: %ld", e);
	return NULL;
}

static long bind(l4_cap_idx_t th, l4_addr_t utcb, l4_cap_idx_t task)
{
	l4_thread_control_start();
	l4_thread_control_bind((l4_utcb_t *)utcb, task);
	return l4_error(l4_thread_control_commit(th));
}

static const char *thread_bind_bad_utcb(void)
{
	l4_cap_idx_t t = kt_child_task(), th = unbound_thread(), th2 = unbound_thread();
	long e;

	KT_CHECK(t && th && th2, "setup failed (%ld)", kt_err);
	e = bind(th, 0x12345000, t);
	KT_CHECK(e == -L4_EINVAL, "UTCB outside ku_mem: %ld", e);
	e = bind(th, KT_CHILD_UTCB_AREA + 8, t);
	KT_CHECK(e == -L4_EINVAL, "misaligned UTCB: %ld", e);
	e = bind(th, L4REC_USER_TOP + 0x1000, t);
	KT_CHECK(e == -L4_EINVAL, "UTCB in the kernel area: %ld", e);
	e = bind(th, KT_CHILD_UTCB_AREA + 1024, t);
	KT_CHECK(e == 0, "good bind: %ld", e);
	e = bind(th2, KT_CHILD_UTCB_AREA + 1024, t);
	KT_CHECK(e == -L4_EINVAL, "UTCB used twice: %ld", e);
	e = bind(th, KT_CHILD_UTCB_AREA + 2048, t);
	KT_CHECK(e == -L4_EBUSY, "rebinding a bound thread: %ld", e);
	e = bind(th2, KT_CHILD_UTCB_AREA + 2048, L4_BASE_FACTORY_CAP);
	KT_CHECK(e == -L4_EINVAL, "binding to a non-task: %ld", e);
	return NULL;
}

static const char *thread_stats(void)
{
	l4_kernel_clock_t us = 0;
	long e = l4_error(l4_thread_stats_time(L4_BASE_THREAD_CAP, &us));

	KT_CHECK(e == 0, "stats: %ld", e);
	KT_CHECK(us > 0, "ktest used no CPU time (%lu us)", (unsigned long)us);
	return NULL;
}

static void undef_insn(l4_umword_t arg)
{
	(void)arg;
	__asm__ __volatile__("udf #0x42");
	res = 1;
}

static l4_cap_idx_t handler_slot(void)
{
	return (l4_cap_idx_t)KT_CHILD_SLOT0 << L4_CAP_SHIFT;
}

static l4_cap_idx_t child_with_handler(l4_umword_t label)
{
	l4_cap_idx_t t = kt_child_task(), g = kt_gate(L4_BASE_THREAD_CAP, label);

	if (!t || !g || kt_map_cap(t, g, L4_CAP_FPAGE_RW, handler_slot()) < 0)
		return 0;
	return t;
}

static const char *exception_undef(void)
{
	l4_cap_idx_t t = child_with_handler(0x90);
	l4_exc_regs_t *e = l4_utcb_exc();
	l4_umword_t label = 0;
	l4_msgtag_t tag;
	uint32_t insn;

	res = 0;
	KT_CHECK(t, "setup failed (%ld)", kt_err);
	KT_CHECK(kt_thread_in(t, 0, undef_insn, 0, KT_HELPER_PRIO, handler_slot(), handler_slot()),
		 "thread failed (%ld)", kt_err);
	tag = l4_ipc_wait(l4_utcb(), &label, kt_rcv_timeout_ms(2000));
	KT_CHECK(!l4_msgtag_has_error(tag), "no exception IPC: %ld", l4_error(tag));
	KT_CHECK(l4_msgtag_label(tag) == L4_PROTO_EXCEPTION && label == 0x91,
		 "tag label %ld, label %#lx", l4_msgtag_label(tag), label);
	KT_CHECK(l4_msgtag_words(tag) == L4_UTCB_EXCEPTION_REGS_SIZE, "words %u",
		 l4_msgtag_words(tag));
	KT_CHECK((e->err >> 26) == 0, "EC %#lx, expected 0 (unknown)", e->err >> 26);
	insn = *(const uint32_t *)e->pc;
	KT_CHECK(insn == 0x42, "pc %#lx holds %#x, not udf #0x42", e->pc, insn);
	e->pc += 4;
	tag = l4_ipc(L4_INVALID_CAP, l4_utcb(), L4_SYSF_SEND | L4_SYSF_REPLY, 0,
		     l4_msgtag(0, L4_UTCB_EXCEPTION_REGS_SIZE, 0, 0), NULL, L4_IPC_NEVER);
	KT_CHECK(!l4_msgtag_has_error(tag), "reply: %ld", l4_error(tag));
	KT_CHECK(kt_wait_eq(&res, 1, 2000), "thread did not continue after the udf");
	return NULL;
}

static void idle(l4_umword_t arg)
{
	(void)arg;
	l4util_sleep_forever();
}

static const char *exception_ex_regs(void)
{
	l4_cap_idx_t t = child_with_handler(0xa0), th;
	l4_exc_regs_t *e = l4_utcb_exc();
	l4_umword_t label = 0;
	l4_msgtag_t tag;
	long err;

	KT_CHECK(t, "setup failed (%ld)", kt_err);
	th = kt_thread_in(t, 0, idle, 0, KT_HELPER_PRIO, handler_slot(), handler_slot());
	KT_CHECK(th, "thread failed (%ld)", kt_err);
	kt_sleep_ms(2);
	err = l4_error(l4_thread_ex_regs(
		th, ~0UL, ~0UL, L4_THREAD_EX_REGS_TRIGGER_EXCEPTION | L4_THREAD_EX_REGS_CANCEL));
	KT_CHECK(err == 0, "ex_regs: %ld", err);
	tag = l4_ipc_wait(l4_utcb(), &label, kt_rcv_timeout_ms(2000));
	KT_CHECK(!l4_msgtag_has_error(tag), "no exception IPC: %ld", l4_error(tag));
	KT_CHECK(l4_msgtag_label(tag) == L4_PROTO_EXCEPTION && label == 0xa1,
		 "tag label %ld, label %#lx", l4_msgtag_label(tag), label);
	KT_CHECK(l4_utcb_exc_is_ex_regs_exception(e), "EC %#lx, expected 0x3e", e->err >> 26);
	/* Zero words: the thread resumes unchanged (and sleeps again). */
	l4_ipc(L4_INVALID_CAP, l4_utcb(), L4_SYSF_SEND | L4_SYSF_REPLY, 0, l4_msgtag(0, 0, 0, 0),
	       NULL, L4_IPC_NEVER);
	return NULL;
}

const struct kt_case kt_thread_cases[] = {
	{ "ex_regs_ret", ex_regs_ret },
	{ "ex_regs_unbound", ex_regs_unbound },
	{ "thread_bind_bad_utcb", thread_bind_bad_utcb },
	{ "thread_stats", thread_stats },
	{ "exception_undef", exception_undef },
	{ "exception_ex_regs", exception_ex_regs },
	{ NULL, NULL },
};
