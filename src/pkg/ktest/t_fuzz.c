// SPDX-License-Identifier: MIT
/*
 * Robustness: a child task fires 30 000 system calls with random tags,
 * message registers, buffer registers, flags and capability selectors at a
 * handful of objects it holds (a task, a thread, a gate, an Irq, a small
 * factory, the scheduler, the ICU; not the log, whose output would be noise).  The child may hurt itself
 * (unmap its own memory, delete its objects); the kernel must survive it
 * and keep serving ktest afterwards.  Timeouts are always zero, so no
 * call can block the child for good.
 */
#include "ktest.h"

#include <l4/sys/consts.h>
#include <l4/sys/factory.h>
#include <l4/sys/ipc.h>
#include <l4/sys/task.h>
#include <l4/sys/utcb.h>
#include <l4/util/printf.h>

#define FUZZ_ROUNDS 30000
#define FUZZ_SLOTS 12 /* child slots KT_CHILD_SLOT0 .. +FUZZ_SLOTS-1 */

static volatile long fuzz_done;

static unsigned long rng_next(unsigned long *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* A word that is sometimes structured (small, a selector, a flexpage) and sometimes noise. */
static unsigned long fuzz_word(unsigned long *s)
{
	unsigned long r = rng_next(s);

	switch (r & 7) {
	case 0:
		return r >> 60;
	case 1:
		return (KT_CHILD_SLOT0 + (r >> 8) % FUZZ_SLOTS) << L4_CAP_SHIFT;
	case 2:
		return l4_fpage((r >> 20) << 12, 12 + (unsigned)((r >> 8) % 40), r >> 4).raw;
	case 3:
		return l4_obj_fpage((KT_CHILD_SLOT0 + (r >> 8) % FUZZ_SLOTS) << L4_CAP_SHIFT,
				    (unsigned)(r >> 40) % 4, r >> 4)
			.raw;
	case 4:
		return L4_ITEM_MAP | ((r >> 12) << 12) | (r & 2);
	default:
		return r;
	}
}

static const long fuzz_labels[] = { 0,
				    L4_PROTO_TASK,
				    L4_PROTO_THREAD,
				    L4_PROTO_FACTORY,
				    L4_PROTO_KOBJECT,
				    L4_PROTO_IRQ,
				    L4_PROTO_IRQ_SENDER,
				    L4_PROTO_LOG,
				    L4_PROTO_SCHEDULER,
				    L4_PROTO_PAGE_FAULT,
				    0x4242 };

static void fuzzer(l4_umword_t seed)
{
	unsigned long s = seed;
	l4_msg_regs_t *mr = l4_utcb_mr();
	l4_buf_regs_t *br = l4_utcb_br();
	long i, k;

	for (i = 0; i < FUZZ_ROUNDS; i++) {
		unsigned long r = rng_next(&s);
		long label = fuzz_labels[(r >> 3) % (sizeof(fuzz_labels) / sizeof(fuzz_labels[0]))];
		unsigned long sel, flags;
		l4_msgtag_t tag;

		for (k = 0; k < L4_UTCB_GENERIC_DATA_SIZE; k++)
			mr->mr[k] = fuzz_word(&s);
		mr->mr[0] = (r >> 16) & 0x1f ? (r >> 21) & 0x13 : fuzz_word(&s);
		for (k = 0; k < 4; k++)
			br->br[k] = fuzz_word(&s);
		sel = (r & 0x700) == 0x700 ?
			      fuzz_word(&s) & ~0xfUL :
			      (KT_CHILD_SLOT0 + (r >> 24) % FUZZ_SLOTS) << L4_CAP_SHIFT;
		flags = (r >> 28) & 0xf;
		tag = l4_msgtag(label, (unsigned)(r >> 32) % 64, (unsigned)(r >> 38) % 4,
				(unsigned)(r >> 44) & 0xf000);
		l4_ipc(sel, l4_utcb(), flags, fuzz_word(&s), tag, NULL, L4_IPC_BOTH_TIMEOUT_0);
		fuzz_done = i + 1;
	}
}

static long give(l4_cap_idx_t child, l4_cap_idx_t cap, unsigned n)
{
	return kt_map_cap(child, cap, L4_CAP_FPAGE_RWSD, (KT_CHILD_SLOT0 + n) << L4_CAP_SHIFT);
}

static const char *fuzz_syscalls(void)
{
	l4_cap_idx_t child = kt_child_task(), victim = kt_child_task(), fac = kt_cap(),
		     irq = kt_cap(), th = kt_cap(), gate = kt_gate(L4_BASE_THREAD_CAP, 0x100),
		     probe = kt_cap();
	long e = 0, last = -1;
	int idle = 0;

	KT_CHECK(child && victim && gate, "setup failed (%ld)", kt_err);
	/* Unbound: the fuzzer may bind it, but only to tasks it holds, never to ktest's. */
	KT_CHECK(l4_error(l4_factory_create_thread(L4_BASE_FACTORY_CAP, th)) == 0, "thread");
	kt_defer_delete(th);
	KT_CHECK(l4_error(l4_factory_create_factory(L4_BASE_FACTORY_CAP, fac, 256 * 1024)) == 0,
		 "factory");
	kt_defer_delete(fac);
	KT_CHECK(l4_error(l4_factory_create_irq(L4_BASE_FACTORY_CAP, irq)) == 0, "irq");
	kt_defer_delete(irq);
	e |= give(child, child, 0);
	e |= give(child, victim, 1);
	e |= give(child, th, 2);
	e |= give(child, gate, 3);
	e |= give(child, irq, 4);
	e |= give(child, fac, 5);
	e |= give(child, L4_BASE_SCHEDULER_CAP, 6);
	e |= give(child, L4_BASE_ICU_CAP, 7);
	KT_CHECK(e == 0, "giving the child its objects failed");
	fuzz_done = 0;
	KT_CHECK(kt_thread_in(child, 0, fuzzer, 0x9e3779b97f4a7c15UL, KT_HELPER_PRIO,
			      L4_INVALID_CAP, L4_INVALID_CAP),
		 "fuzzer thread (%ld)", kt_err);
	/* Wait while it makes progress; it may stop early by hurting itself. */
	while (fuzz_done < FUZZ_ROUNDS && idle < 50) {
		kt_sleep_ms(20);
		idle = fuzz_done == last ? idle + 1 : 0;
		last = fuzz_done;
	}
	/* The kernel still serves: a task can be created, used and deleted. */
	e = l4_error(l4_factory_create_task(L4_BASE_FACTORY_CAP, probe,
					    l4_fpage(KT_CHILD_UTCB_AREA, 12, L4_FPAGE_RW)));
	KT_CHECK(e == 0, "kernel no longer creates tasks after %ld calls: %ld", fuzz_done, e);
	KT_CHECK(l4_error(l4_task_delete_obj(L4_BASE_TASK_CAP, probe)) == 0, "delete probe");
	KT_CHECK(fuzz_done > 1000, "the fuzzer stopped after %ld calls", fuzz_done);
	printf("ktest: fuzz_syscalls: %ld random calls survived\n", fuzz_done);
	return NULL;
}

const struct kt_case kt_fuzz_cases[] = {
	{ "fuzz_syscalls", fuzz_syscalls },
	{ NULL, NULL },
};
