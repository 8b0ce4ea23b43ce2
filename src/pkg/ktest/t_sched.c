// SPDX-License-Identifier: MIT
/*
 * Scheduling cases: round robin between threads of equal priority (only
 * the timer can switch between two spinning threads), strict priority
 * order, yield and switch to a ready thread of ktest's own priority.
 */
#include "ktest.h"

#include <l4/sys/thread.h>

static volatile long count[2], seq[2], seq_next, flag;

static void spinner(l4_umword_t i)
{
	for (;;)
		count[i]++;
}

static const char *sched_round_robin(void)
{
	long a, b;

	count[0] = count[1] = 0;
	KT_CHECK(kt_thread_local(spinner, 0, 50) && kt_thread_local(spinner, 1, 50),
		 "setup failed (%ld)", kt_err);
	kt_sleep_ms(100);
	a = count[0];
	b = count[1];
	KT_CHECK(a > 0 && b > 0, "counts after 100 ms: %ld %ld", a, b);
	kt_sleep_ms(100);
	KT_CHECK(count[0] > a && count[1] > b, "a thread stopped progressing");
	return NULL;
}

static void stamper(l4_umword_t i)
{
	seq[i] = __atomic_add_fetch(&seq_next, 1, __ATOMIC_SEQ_CST);
}

static const char *sched_prio_order(void)
{
	seq[0] = seq[1] = seq_next = 0;
	/* Low first: both are ready before ktest (prio 255) sleeps. */
	KT_CHECK(kt_thread_local(stamper, 0, 10) && kt_thread_local(stamper, 1, 20),
		 "setup failed (%ld)", kt_err);
	KT_CHECK(seq[0] == 0 && seq[1] == 0, "a lower priority thread preempted ktest");
	kt_sleep_ms(20);
	KT_CHECK(seq[1] == 1 && seq[0] == 2, "order: prio 20 got %ld, prio 10 got %ld", seq[1],
		 seq[0]);
	return NULL;
}

static void setter(l4_umword_t arg)
{
	flag = (long)arg;
}

static const char *thread_yield(void)
{
	int i;

	flag = 0;
	KT_CHECK(kt_thread_local(setter, 1, KT_MAIN_PRIO), "setup failed (%ld)", kt_err);
	for (i = 0; i < 10 && !flag; i++)
		l4_thread_yield();
	KT_CHECK(flag == 1, "thread of equal priority did not run after %d yields", i);
	return NULL;
}

static const char *thread_switch(void)
{
	l4_cap_idx_t th;
	long e;

	flag = 0;
	th = kt_thread_local(setter, 2, KT_MAIN_PRIO);
	KT_CHECK(th, "setup failed (%ld)", kt_err);
	e = l4_error(l4_thread_switch(th));
	KT_CHECK(e == 0, "switch: %ld", e);
	for (int i = 0; i < 10 && !flag; i++)
		l4_thread_yield();
	KT_CHECK(flag == 2, "target thread did not run");
	return NULL;
}

const struct kt_case kt_sched_cases[] = {
	{ "sched_round_robin", sched_round_robin },
	{ "sched_prio_order", sched_prio_order },
	{ "thread_yield", thread_yield },
	{ "thread_switch", thread_switch },
	{ NULL, NULL },
};
