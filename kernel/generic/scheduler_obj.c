// SPDX-License-Identifier: MIT
/* The Scheduler object: CPU sets, run_thread, idle time (docs/abi.md §7.8). */
#include <ipc.h>
#include <kobj_invoke.h>
#include <l4/sys/err.h>
#include <l4/sys/scheduler.h>
#include <sched.h>
#include <thread.h>

#define NR_CPUS 1

/* Is CPU 0 in the set (gran_offset, map)? */
static bool set_has_cpu0(unsigned long gran_offset, unsigned long map)
{
	unsigned long offset = gran_offset & 0xffffff;

	return offset == 0 && (map & 1);
}

long sched_invoke(struct thread *cur, unsigned long tag, unsigned int *words)
{
	unsigned long *mr = utcb_mr(cur);
	unsigned int w = tag & 63, items = (tag >> 6) & 63;
	struct kobject *o;
	struct thread *t;

	if (w < 1)
		return -L4_EINVAL;
	switch (mr[0]) {
	case L4_SCHEDULER_INFO_OP:
		if (w < 2)
			return -L4_EINVAL;
		if ((mr[1] & 0xffffff) >= NR_CPUS)
			return -L4_EINVAL;
		mr[0] = 1;
		mr[1] = NR_CPUS;
		mr[2] = 1;
		*words = 3;
		return 0;
	case L4_SCHEDULER_RUN_THREAD_OP:
		if (w < 5 || items < 1)
			return -L4_EINVAL;
		o = item_object(cur, mr, w, 0);
		if (!o || o->type != KOBJ_THREAD || mr[3] > 255 || !set_has_cpu0(mr[1], mr[2]))
			return -L4_EINVAL;
		t = to_thread(o);
		if (mr[4]) {
			/* Microseconds to ticks, at least one, at most a minute. */
			unsigned long us = mr[4] > 60000000UL ? 60000000UL : mr[4];

			t->quantum = (uint32_t)((us * SCHED_TICK_HZ + 999999) / 1000000);
		}
		sched_set_prio(t, (unsigned int)mr[3]);
		t->scheduled = true;
		thread_try_start(t);
		return 0;
	case L4_SCHEDULER_IDLE_TIME_OP:
		mr[0] = sched_idle_ticks() * (1000000 / SCHED_TICK_HZ);
		*words = 1;
		return 0;
	default:
		return -L4_ENOSYS;
	}
}
