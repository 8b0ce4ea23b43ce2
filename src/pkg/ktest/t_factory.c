// SPDX-License-Identifier: MIT
/*
 * Factory cases: creating every object type, quota exhaustion, unknown
 * protocols, and that deleting tasks gives all kernel memory back.
 */
#include "ktest.h"

#include <l4/sys/factory.h>
#include <l4/sys/ipc.h>
#include <l4/sys/task.h>
#include <l4/sys/thread.h>

static bool valid(l4_cap_idx_t c)
{
	return l4_msgtag_label(l4_task_cap_valid(L4_BASE_TASK_CAP, c)) == 1;
}

static const char *factory_create_all(void)
{
	l4_cap_idx_t t = kt_cap(), th = kt_cap(), g = kt_cap(), irq = kt_cap(), f = kt_cap();
	long e;

	e = l4_error(l4_factory_create_task(L4_BASE_FACTORY_CAP, t,
					    l4_fpage(KT_CHILD_UTCB_AREA, 12, L4_FPAGE_RW)));
	KT_CHECK(e == 0 && valid(t), "task: %ld", e);
	kt_defer_delete(t);
	e = l4_error(l4_factory_create_thread(L4_BASE_FACTORY_CAP, th));
	KT_CHECK(e == 0 && valid(th), "thread: %ld", e);
	kt_defer_delete(th);
	e = l4_error(l4_factory_create_gate(L4_BASE_FACTORY_CAP, g, L4_INVALID_CAP, 0x10));
	KT_CHECK(e == 0 && valid(g), "gate: %ld", e);
	kt_defer_delete(g);
	e = l4_error(l4_factory_create_irq(L4_BASE_FACTORY_CAP, irq));
	KT_CHECK(e == 0 && valid(irq), "irq: %ld", e);
	kt_defer_delete(irq);
	e = l4_error(l4_factory_create_factory(L4_BASE_FACTORY_CAP, f, 64 << 10));
	KT_CHECK(e == 0 && valid(f), "factory: %ld", e);
	kt_defer_delete(f);
	return NULL;
}

static const char *factory_task_no_utcb(void)
{
	l4_cap_idx_t t = kt_cap();
	long e = l4_error(l4_factory_create_task(L4_BASE_FACTORY_CAP, t, l4_fpage_invalid()));

	KT_CHECK(e == 0 && valid(t), "task without ku_mem: %ld", e);
	kt_defer_delete(t);
	return NULL;
}

static const char *ku_mem_add(void)
{
	l4_cap_idx_t t = kt_cap(), th = kt_cap();
	long e = l4_error(l4_factory_create_task(L4_BASE_FACTORY_CAP, t, l4_fpage_invalid()));

	KT_CHECK(e == 0, "task: %ld", e);
	kt_defer_delete(t);
	e = l4_error(l4_task_add_ku_mem(t, l4_fpage(0x50000000, 14, L4_FPAGE_RW)));
	KT_CHECK(e == 0, "add 16 KiB ku_mem: %ld", e);
	e = l4_error(l4_factory_create_thread(L4_BASE_FACTORY_CAP, th));
	KT_CHECK(e == 0, "thread: %ld", e);
	kt_defer_delete(th);
	l4_thread_control_start();
	l4_thread_control_bind((l4_utcb_t *)0x50003c00, t);
	e = l4_error(l4_thread_control_commit(th));
	KT_CHECK(e == 0, "bind to the last UTCB of the area: %ld", e);
	e = l4_error(l4_task_add_ku_mem(t, l4_fpage(0x50002000, 13, L4_FPAGE_RW)));
	KT_CHECK(e == -L4_EINVAL, "overlapping area: %ld", e);
	return NULL;
}

/* docs/abi.md §7.1 allows further areas; 64 KiB is no unusual size. */
static const char *ku_mem_add_second(void)
{
	l4_cap_idx_t t = kt_cap();
	long e = l4_error(l4_factory_create_task(L4_BASE_FACTORY_CAP, t,
						 l4_fpage(0x50000000, 12, L4_FPAGE_RW)));

	KT_CHECK(e == 0, "task: %ld", e);
	kt_defer_delete(t);
	e = l4_error(l4_task_add_ku_mem(t, l4_fpage(0x60000000, 16, L4_FPAGE_RW)));
	KT_CHECK(e == 0, "second area of 64 KiB: %ld", e);
	e = l4_error(l4_task_add_ku_mem(t, l4_fpage(0x70000000, 17, L4_FPAGE_RW)));
	KT_CHECK(e == 0, "third area of 128 KiB: %ld", e);
	return NULL;
}

static const char *factory_bad_proto(void)
{
	long e = l4_error(l4_factory_create(L4_BASE_FACTORY_CAP, 12345, kt_cap()));

	KT_CHECK(e == -L4_ENODEV, "protocol 12345: %ld", e);
	return NULL;
}

static const char *factory_nested(void)
{
	l4_cap_idx_t f = kt_cap(), g = kt_cap(), th = kt_cap();
	long e = l4_error(l4_factory_create_factory(L4_BASE_FACTORY_CAP, f, 256 << 10));

	KT_CHECK(e == 0, "factory: %ld", e);
	kt_defer_delete(f);
	e = l4_error(l4_factory_create_gate(f, g, L4_INVALID_CAP, 0x10));
	KT_CHECK(e == 0, "gate from sub-factory: %ld", e);
	kt_defer_delete(g);
	e = l4_error(l4_factory_create_thread(f, th));
	KT_CHECK(e == 0, "thread from sub-factory: %ld", e);
	kt_defer_delete(th);
	return NULL;
}

static const char *factory_limit(void)
{
	l4_cap_idx_t f = kt_cap();
	long e = l4_error(l4_factory_create_factory(L4_BASE_FACTORY_CAP, f, 16 << 10));
	int i;

	KT_CHECK(e == 0, "factory: %ld", e);
	kt_defer_delete(f);
	for (i = 0; i < 64; i++) {
		l4_cap_idx_t t = kt_cap();

		e = l4_error(l4_factory_create_task(f, t,
						    l4_fpage(KT_CHILD_UTCB_AREA, 12, L4_FPAGE_RW)));
		if (e < 0)
			break;
		kt_defer_delete(t);
	}
	KT_CHECK(e == -L4_ENOMEM, "after %d tasks from a 16 KiB factory: %ld", i, e);
	return NULL;
}

/* One task with a bound thread, then both deleted; 0 or the failing step. */
static long task_cycle(l4_cap_idx_t t, l4_cap_idx_t th)
{
	long e = l4_error(l4_factory_create_task(L4_BASE_FACTORY_CAP, t,
						 l4_fpage(KT_CHILD_UTCB_AREA, 12, L4_FPAGE_RW)));

	if (e < 0)
		return -1000 + e;
	e = l4_error(l4_factory_create_thread(L4_BASE_FACTORY_CAP, th));
	if (e < 0)
		return -2000 + e;
	l4_thread_control_start();
	l4_thread_control_bind((l4_utcb_t *)KT_CHILD_UTCB_AREA, t);
	e = l4_error(l4_thread_control_commit(th));
	if (e < 0)
		return -3000 + e;
	e = l4_error(l4_task_delete_obj(L4_BASE_TASK_CAP, th));
	if (e < 0)
		return -4000 + e;
	e = l4_error(l4_task_delete_obj(L4_BASE_TASK_CAP, t));
	if (e < 0)
		return -5000 + e;
	return 0;
}

static const char *task_delete_loop(void)
{
	l4_cap_idx_t t = kt_cap(), th = kt_cap();
	uint64_t before, after;
	long e;
	int i;

	/* A first round allocates whatever bookkeeping the slots need. */
	e = task_cycle(t, th);
	KT_CHECK(e == 0, "warm-up: %ld", e);
	before = kt_kip_word(KT_KIP_KMEM_IN_USE);
	for (i = 0; i < 1000; i++) {
		e = task_cycle(t, th);
		KT_CHECK(e == 0, "round %d: step %ld", i, e);
	}
	after = kt_kip_word(KT_KIP_KMEM_IN_USE);
	KT_CHECK(before != 0, "KIP l4rec_kmem_in_use (0x320) reads 0");
	KT_CHECK(after == before, "kernel memory in use %lu before, %lu after",
		 (unsigned long)before, (unsigned long)after);
	return NULL;
}

static const char *kobj_bad_opcode(void)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	long e;

	m->mr[0] = 0x77;
	e = l4_error(l4_ipc_call(L4_BASE_TASK_CAP, l4_utcb(), l4_msgtag(L4_PROTO_TASK, 1, 0, 0),
				 L4_IPC_NEVER));
	KT_CHECK(e == -L4_ENOSYS, "task op 0x77: %ld", e);
	m->mr[0] = 0x55;
	e = l4_error(l4_ipc_call(L4_BASE_THREAD_CAP, l4_utcb(), l4_msgtag(L4_PROTO_THREAD, 1, 0, 0),
				 L4_IPC_NEVER));
	KT_CHECK(e == -L4_ENOSYS, "thread op 0x55: %ld", e);
	return NULL;
}

static const char *kobj_bad_proto(void)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	long e;

	m->mr[0] = 0;
	e = l4_error(l4_ipc_call(L4_BASE_TASK_CAP, l4_utcb(), l4_msgtag(L4_PROTO_FACTORY, 1, 0, 0),
				 L4_IPC_NEVER));
	KT_CHECK(e == -L4_EBADPROTO, "factory label to a task: %ld", e);
	return NULL;
}

const struct kt_case kt_factory_cases[] = {
	{ "factory_create_all", factory_create_all },
	{ "factory_task_no_utcb", factory_task_no_utcb },
	{ "ku_mem_add", ku_mem_add },
	{ "ku_mem_add_second", ku_mem_add_second },
	{ "factory_bad_proto", factory_bad_proto },
	{ "factory_nested", factory_nested },
	{ "factory_limit", factory_limit },
	{ "task_delete_loop", task_delete_loop },
	{ "kobj_bad_opcode", kobj_bad_opcode },
	{ "kobj_bad_proto", kobj_bad_proto },
	{ NULL, NULL },
};
