/* SPDX-License-Identifier: MIT */
/*
 * Fixed-priority preemptive scheduling, round robin within a priority.
 * 256 priorities, a bitmap to find the highest ready one in O(1).
 */
#ifndef KERNEL_SCHED_H
#define KERNEL_SCHED_H

#include <list.h>
#include <types.h>

struct thread;

#define SCHED_NR_PRIOS 256
#define SCHED_DEFAULT_PRIO 2
#define SCHED_DEFAULT_QUANTUM 10 /* ticks */
#define SCHED_TICK_HZ 1000

struct runqueue {
	struct list q[SCHED_NR_PRIOS];
	uint64_t bitmap[SCHED_NR_PRIOS / 64];
};

void rq_init(struct runqueue *rq);
void rq_enqueue(struct runqueue *rq, struct thread *t);
void rq_dequeue(struct runqueue *rq, struct thread *t);
/* The first thread of the highest non-empty priority, or NULL. */
struct thread *rq_best(const struct runqueue *rq);

void sched_init(struct thread *idle);
/* Make t runnable (it was blocked). */
void sched_wakeup(struct thread *t);
/* Take current off the CPU: it has blocked; run the best ready thread. */
void sched_block(void);
/* Pick the best thread; current stays ready. */
void schedule(void);
/* current blocked; run t (woken by IPC, not queued) unless a better thread waits. */
void sched_handoff(struct thread *t);
/* Hand the CPU directly to t (IPC), current stays in its (blocked) state. */
void sched_switch_to(struct thread *t);
/* Timer tick: account the slice, request preemption. */
void sched_tick(void);
void sched_remove(struct thread *t);
void sched_set_prio(struct thread *t, unsigned int prio);
/* Give the CPU to the next ready thread of the same (or higher) priority. */
void schedule_yield(void);
/* Ticks the idle thread ran (statistics). */
uint64_t sched_idle_ticks(void);

#endif
