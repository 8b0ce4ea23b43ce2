/* SPDX-License-Identifier: MIT */
/*
 * Per-CPU kernel state.  One CPU runs today, but everything that belongs to
 * a CPU lives here from the start, so that SMP means more instances and a
 * per-CPU pointer (TPIDR_EL2), not a hunt for globals.
 */
#ifndef KERNEL_PERCPU_H
#define KERNEL_PERCPU_H

#include <list.h>
#include <sched.h>

struct thread;

struct percpu {
	struct thread *current; /* running thread (the idle thread when none) */
	struct thread *idle;
	bool need_resched;  /* a better thread is ready: switch before user mode */
	struct runqueue rq; /* ready threads that are not running */
	uint64_t idle_ticks;
	struct list timeouts;	  /* threads with a deadline, earliest first */
	struct thread *zombie;	  /* died while running: freed after the next switch */
	struct thread *fpu_owner; /* whose state the FP/SIMD registers hold */
	bool fpu_enabled;	  /* EL0 may use FP/SIMD without trapping */
};

extern struct percpu cpu0;

static inline struct percpu *this_cpu(void)
{
	return &cpu0;
}

#define current (this_cpu()->current)
#define need_resched (this_cpu()->need_resched)

#endif
