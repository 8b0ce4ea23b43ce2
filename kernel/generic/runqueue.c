// SPDX-License-Identifier: MIT
/*
 * Ready queues: one FIFO list per priority and a bitmap of the non-empty
 * ones, so that the highest ready priority is found with a count of leading
 * zeros instead of a scan.
 */
#include <sched.h>
#include <thread.h>

void rq_init(struct runqueue *r)
{
	unsigned int i;

	for (i = 0; i < SCHED_NR_PRIOS; i++)
		list_init(&r->q[i]);
	for (i = 0; i < SCHED_NR_PRIOS / 64; i++)
		r->bitmap[i] = 0;
}

void rq_enqueue(struct runqueue *r, struct thread *t)
{
	list_add_tail(&r->q[t->prio], &t->rq_node);
	r->bitmap[t->prio / 64] |= 1UL << (t->prio % 64);
}

void rq_dequeue(struct runqueue *r, struct thread *t)
{
	if (!list_linked(&t->rq_node))
		return;
	list_del(&t->rq_node);
	if (list_empty(&r->q[t->prio]))
		r->bitmap[t->prio / 64] &= ~(1UL << (t->prio % 64));
}

struct thread *rq_best(const struct runqueue *r)
{
	int w;

	for (w = SCHED_NR_PRIOS / 64 - 1; w >= 0; w--) {
		if (r->bitmap[w]) {
			unsigned int prio = (unsigned int)w * 64 + 63 -
					    (unsigned int)__builtin_clzl(r->bitmap[w]);

			return list_first(&r->q[prio], struct thread, rq_node);
		}
	}
	return NULL;
}
