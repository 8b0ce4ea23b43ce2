// SPDX-License-Identifier: MIT
/*
 * The scheduler (see sched.h).  `current` is always the running thread; it
 * is on the ready queue only while it is not running, so the queue holds the
 * threads that wait for the CPU.  The idle thread is never queued.
 */
#include <panic.h>
#include <percpu.h>
#include <sched.h>
#include <thread.h>
#include <task.h>
#include <arch/cpu.h>

struct percpu cpu0;

#define rq (this_cpu()->rq)
#define idle_thread (this_cpu()->idle)

uint64_t sched_idle_ticks(void)
{
	return this_cpu()->idle_ticks;
}

void sched_init(struct thread *idle)
{
	rq_init(&rq);
	idle_thread = idle;
	current = idle;
}

static __attribute__((noinline, noreturn, cold)) void stack_overflow(struct thread *t)
{
	panic("kernel stack overflow in thread %p", (void *)t);
}

/* On every IPC handoff: inlined into its three callers. */
static inline __attribute__((always_inline)) void switch_from_to(struct thread *prev,
								 struct thread *next)
{
	if (prev == next)
		return;
	if (unlikely(prev->kstack && *(uint64_t *)prev->kstack != KSTACK_CANARY))
		stack_overflow(prev);
	next->left = next->left ? next->left : next->quantum;
	cpu_switch_prepare(prev, next);
	current = next;
	switch_to(&prev->ctx, &next->ctx);
	if (unlikely(this_cpu()->zombie))
		thread_reap();
}

/* Run the best ready thread, or idle; prev is already queued if it stays ready. */
static void pick_and_switch(void)
{
	struct thread *prev = current, *next = rq_best(&rq);

	if (next)
		rq_dequeue(&rq, next);
	else
		next = idle_thread;
	need_resched = false;
	switch_from_to(prev, next);
}

void sched_wakeup(struct thread *t)
{
	t->state = TS_READY;
	if (t == current || t == idle_thread || list_linked(&t->rq_node))
		return;
	rq_enqueue(&rq, t);
	if (t->prio > current->prio || current == idle_thread)
		need_resched = true;
}

void sched_block(void)
{
	pick_and_switch();
}

void schedule(void)
{
	struct thread *best = rq_best(&rq);

	if (current != idle_thread && current->state == TS_READY) {
		/* Keep running unless someone better (or equal, after a used-up slice) waits. */
		if (!best || best->prio < current->prio ||
		    (best->prio == current->prio && current->left))
			return;
		rq_enqueue(&rq, current);
	}
	pick_and_switch();
}

void sched_switch_to(struct thread *t)
{
	rq_dequeue(&rq, t);
	t->state = TS_READY;
	need_resched = false;
	switch_from_to(current, t);
}

void sched_handoff(struct thread *t)
{
	struct thread *best = rq_best(&rq);

	if (best && best->prio > t->prio) {
		rq_enqueue(&rq, t);
		pick_and_switch();
		return;
	}
	need_resched = false;
	switch_from_to(current, t);
}

void sched_tick(void)
{
	struct thread *t = current;

	if (t == idle_thread) {
		this_cpu()->idle_ticks++;
		if (rq_best(&rq))
			need_resched = true;
		return;
	}
	t->run_ticks++;
	if (t->left && --t->left == 0) {
		/* Slice used up: back of its priority's queue. */
		t->left = t->quantum;
		if (rq_best(&rq) && rq_best(&rq)->prio >= t->prio) {
			t->left = 0;
			need_resched = true;
		}
	}
}

void sched_remove(struct thread *t)
{
	rq_dequeue(&rq, t);
}

void sched_set_prio(struct thread *t, unsigned int prio)
{
	bool queued = list_linked(&t->rq_node);

	if (queued)
		rq_dequeue(&rq, t);
	t->prio = (uint8_t)prio;
	if (queued)
		rq_enqueue(&rq, t);
	if (t != current && t->state == TS_READY && t->prio > current->prio)
		need_resched = true;
}

void schedule_yield(void)
{
	struct thread *best = rq_best(&rq);

	if (current == idle_thread || !best || best->prio < current->prio)
		return;
	rq_enqueue(&rq, current);
	pick_and_switch();
}
