// SPDX-License-Identifier: MIT
/* Ready queues: highest priority first, FIFO within a priority. */
#include "unit.h"

#include <sched.h>
#include <thread.h>

static void mk(struct thread *t, unsigned int prio)
{
	memset(t, 0, sizeof(*t));
	list_init(&t->rq_node);
	t->prio = (uint8_t)prio;
}

TEST(highest_priority_first)
{
	static struct runqueue rq;
	static struct thread a, b, c, d;

	rq_init(&rq);
	CHECK(rq_best(&rq) == NULL);
	mk(&a, 0);
	mk(&b, 63);
	mk(&c, 64);
	mk(&d, 255);
	rq_enqueue(&rq, &a);
	rq_enqueue(&rq, &b);
	CHECK(rq_best(&rq) == &b);
	rq_enqueue(&rq, &c);
	CHECK(rq_best(&rq) == &c);
	rq_enqueue(&rq, &d);
	CHECK(rq_best(&rq) == &d);
	rq_dequeue(&rq, &d);
	rq_dequeue(&rq, &c);
	CHECK(rq_best(&rq) == &b);
	rq_dequeue(&rq, &b);
	CHECK(rq_best(&rq) == &a);
	rq_dequeue(&rq, &a);
	CHECK(rq_best(&rq) == NULL);
}

TEST(fifo_within_priority)
{
	static struct runqueue rq;
	static struct thread a, b, c;

	rq_init(&rq);
	mk(&a, 10);
	mk(&b, 10);
	mk(&c, 10);
	rq_enqueue(&rq, &a);
	rq_enqueue(&rq, &b);
	rq_enqueue(&rq, &c);
	CHECK(rq_best(&rq) == &a);
	rq_dequeue(&rq, &a);
	CHECK(rq_best(&rq) == &b);
	rq_dequeue(&rq, &b);
	CHECK(rq_best(&rq) == &c);
}

TEST(dequeue_twice_is_harmless)
{
	static struct runqueue rq;
	static struct thread a;

	rq_init(&rq);
	mk(&a, 5);
	rq_enqueue(&rq, &a);
	rq_dequeue(&rq, &a);
	rq_dequeue(&rq, &a);
	CHECK(rq_best(&rq) == NULL);
	CHECK(!list_linked(&a.rq_node));
}
