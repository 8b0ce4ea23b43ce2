// SPDX-License-Identifier: MIT
/*
 * Helper threads and child tasks for the cases.  Local threads get UTCBs
 * from a ku_mem area ktest adds to its own task at start-up; child tasks
 * get ktest's whole image mapped 1:1 (so their threads run ktest's
 * functions and share its globals) and a UTCB area of their own.  Stacks
 * come from a static pool inside the image, so they exist in both.
 */
#include "ktest.h"

#include <l4/sys/factory.h>
#include <l4/sys/ipc.h>
#include <l4/sys/scheduler.h>
#include <l4/sys/task.h>
#include <l4/sys/thread.h>
#include <l4/util/exit.h>
#include <l4/util/printf.h>

#define KT_KUMEM 0x7e000000UL
#define KT_KUMEM_ORDER 16 /* 64 UTCBs */
#define KT_STACKS 24
#define KT_STACK_SIZE (16UL << 10)

void kt_thread_entry(void);
void kt_thread_exit(void);
void kt_threads_reset(void);
void kt_threads_init(void);

extern char __executable_start[], _end[];

static unsigned char stacks[KT_STACKS][KT_STACK_SIZE] __attribute__((aligned(16)));
static unsigned stacks_used;
static unsigned next_utcb;
/* Where local threads' UTCBs come from (see kt_threads_init). */
static l4_addr_t utcb_base = KT_KUMEM;
static unsigned utcb_slots = 1u << (KT_KUMEM_ORDER - 10), utcb_skip = ~0u;

void kt_thread_exit(void)
{
	l4util_sleep_forever();
}

void kt_threads_reset(void)
{
	stacks_used = 0;
}

/* Touch every page of the image so that mapping it to children finds it. */
void kt_threads_init(void)
{
	/* Linker symbols of different objects: compare them as addresses. */
	for (l4_addr_t p = (l4_addr_t)__executable_start; p < (l4_addr_t)_end; p += L4_PAGESIZE)
		(void)*(volatile char *)p;
	kt_err = l4_error(l4_task_add_ku_mem(L4_BASE_TASK_CAP,
					     l4_fpage(KT_KUMEM, KT_KUMEM_ORDER, L4_FPAGE_RW)));
	if (kt_err < 0) {
		/*
		 * The kernel refused more ku_mem (the case ku_mem_add_second
		 * reports that); the page the kernel gave ktest still has
		 * three free UTCB slots, reused round robin.
		 */
		printf("ktest: cannot add ku_mem (%ld); using the 3 spare UTCBs of the boot page\n",
		       kt_err);
		utcb_base = (l4_addr_t)l4_utcb() & L4_PAGEMASK;
		utcb_slots = L4_PAGESIZE / L4_UTCB_OFFSET;
		utcb_skip = (unsigned)(((l4_addr_t)l4_utcb() - utcb_base) / L4_UTCB_OFFSET);
	}
}

static l4_addr_t stack_with(kt_thread_fn fn, l4_umword_t arg)
{
	l4_umword_t *top;

	if (stacks_used == KT_STACKS)
		return 0;
	top = (l4_umword_t *)(stacks[stacks_used++] + KT_STACK_SIZE);
	top[-2] = (l4_umword_t)fn;
	top[-1] = arg;
	return (l4_addr_t)(top - 2);
}

static l4_cap_idx_t new_thread(l4_cap_idx_t task, l4_addr_t utcb, l4_cap_idx_t pager,
			       l4_cap_idx_t exc)
{
	l4_cap_idx_t th = kt_cap();

	if ((kt_err = l4_error(l4_factory_create_thread(L4_BASE_FACTORY_CAP, th))) < 0)
		return 0;
	kt_defer_delete(th);
	l4_thread_control_start();
	if (!l4_is_invalid_cap(pager))
		l4_thread_control_pager(pager);
	if (!l4_is_invalid_cap(exc))
		l4_thread_control_exc_handler(exc);
	l4_thread_control_bind((l4_utcb_t *)utcb, task);
	kt_err = l4_error(l4_thread_control_commit(th));
	if (kt_err < 0) {
		kt_err -= 100000; /* tells bind failures apart */
		return 0;
	}
	return th;
}

static l4_cap_idx_t run(l4_cap_idx_t th, kt_thread_fn fn, l4_umword_t arg, unsigned prio)
{
	l4_sched_param_t sp = l4_sched_param(prio, 0);
	l4_addr_t stack = stack_with(fn, arg);

	if (!th || !stack)
		return 0;
	if ((kt_err = l4_error(l4_thread_ex_regs(th, (l4_addr_t)kt_thread_entry, stack, 0))) < 0)
		return 0;
	if ((kt_err = l4_error(l4_scheduler_run_thread(L4_BASE_SCHEDULER_CAP, th, &sp))) < 0)
		return 0;
	return th;
}

l4_cap_idx_t kt_thread_local_unstarted(void)
{
	l4_addr_t utcb;

	/* Round robin, so a slot is reused as late as possible. */
	if (next_utcb == utcb_skip)
		next_utcb = (next_utcb + 1) % utcb_slots;
	utcb = utcb_base + ((l4_addr_t)next_utcb << 10);
	next_utcb = (next_utcb + 1) % utcb_slots;
	return new_thread(L4_BASE_TASK_CAP, utcb, L4_BASE_PAGER_CAP, L4_INVALID_CAP);
}

l4_cap_idx_t kt_thread_local(kt_thread_fn fn, l4_umword_t arg, unsigned prio)
{
	return run(kt_thread_local_unstarted(), fn, arg, prio);
}

long kt_map_cap(l4_cap_idx_t task, l4_cap_idx_t cap, unsigned rights, l4_cap_idx_t dst)
{
	return kt_err = l4_error(l4_task_map(task, L4_BASE_TASK_CAP,
					     l4_obj_fpage(cap, 0, (unsigned char)rights),
					     l4_map_obj_control(dst, 0)));
}

long kt_map_page(l4_cap_idx_t task, void *page, unsigned rights, l4_addr_t dst)
{
	return l4_error(l4_task_map(task, L4_BASE_TASK_CAP,
				    l4_fpage((l4_addr_t)page, L4_PAGESHIFT, (unsigned char)rights),
				    l4_map_control(dst, 0, 0)));
}

l4_cap_idx_t kt_child_task(void)
{
	l4_cap_idx_t t = kt_cap();
	l4_addr_t a = (l4_addr_t)__executable_start & L4_PAGEMASK;
	l4_addr_t end = l4_round_page((l4_addr_t)_end);

	kt_err = l4_error(l4_factory_create_task(
		L4_BASE_FACTORY_CAP, t,
		l4_fpage(KT_CHILD_UTCB_AREA, KT_CHILD_UTCB_ORDER, L4_FPAGE_RW)));
	if (kt_err < 0)
		return 0;
	kt_defer_delete(t);
	/* The image in naturally aligned power-of-two pieces. */
	while (a < end) {
		unsigned order = L4_PAGESHIFT;

		while (order < 30 && !(a & ((2UL << order) - 1)) && a + (2UL << order) <= end)
			order++;
		kt_err = l4_error(l4_task_map(t, L4_BASE_TASK_CAP, l4_fpage(a, order, L4_FPAGE_RWX),
					      l4_map_control(a, 0, 0)));
		if (kt_err < 0)
			return 0;
		a += 1UL << order;
	}
	return t;
}

l4_cap_idx_t kt_thread_in(l4_cap_idx_t task, unsigned n, kt_thread_fn fn, l4_umword_t arg,
			  unsigned prio, l4_cap_idx_t pager, l4_cap_idx_t exc)
{
	l4_addr_t utcb = KT_CHILD_UTCB_AREA + ((l4_addr_t)n << 10);

	return run(new_thread(task, utcb, pager, exc), fn, arg, prio);
}

l4_cap_idx_t kt_gate(l4_cap_idx_t thread, l4_umword_t label)
{
	l4_cap_idx_t g = kt_cap();

	kt_err = l4_error(l4_factory_create_gate(L4_BASE_FACTORY_CAP, g, thread, label));
	if (kt_err < 0)
		return 0;
	kt_defer_delete(g);
	return g;
}
