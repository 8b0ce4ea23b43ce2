// SPDX-License-Identifier: MIT
/* Threads (see thread.h). */
#include <arch/cpu.h>
#include <arch/mmu.h>
#include <factory.h>
#include <ipc.h>
#include <kmem.h>
#include <l4/sys/err.h>
#include <sched.h>
#include <task.h>
#include <thread.h>
#include <timeout.h>

struct thread *thread_create(struct factory *quota)
{
	struct thread *t;
	size_t cost = sizeof(*t) + PAGE_SIZE;

	if (quota && !factory_charge(quota, cost))
		return NULL;
	t = kmem_alloc(sizeof(*t));
	if (!t)
		goto undo_charge;
	t->kstack = kmem_page_alloc();
	if (!t->kstack)
		goto undo_thread;
	kobj_init(&t->obj, KOBJ_THREAD, NULL);
	list_init(&t->task_node);
	list_init(&t->rq_node);
	list_init(&t->senders);
	list_init(&t->send_node);
	list_init(&t->reply_waiters);
	list_init(&t->reply_node);
	list_init(&t->pending_irqs);
	list_init(&t->timeout_node);
	t->state = TS_INACTIVE;
	t->prio = SCHED_DEFAULT_PRIO;
	t->quantum = SCHED_DEFAULT_QUANTUM;
	t->pager = t->exc_handler = ~0UL;
	cpu_thread_init(t);
	*(uint64_t *)t->kstack = KSTACK_CANARY;
	if (quota)
		factory_account(quota, &t->obj, cost);
	return t;

undo_thread:
	kmem_free(t, sizeof(*t));
undo_charge:
	if (quota)
		factory_uncharge(quota, cost);
	return NULL;
}

int thread_bind(struct thread *th, struct task *t, vaddr_t utcb)
{
	void *k;

	if (th->task)
		return -L4_EBUSY;
	if (t->obj.dead)
		return -L4_EINVAL;
	k = task_utcb_kaddr(t, utcb);
	if (!k || task_utcb_in_use(t, utcb))
		return -L4_EINVAL;
	kobj_get(&t->obj);
	th->task = t;
	th->utcb = k;
	th->utcb_uaddr = utcb;
	list_add_tail(&t->threads, &th->task_node);
	return 0;
}

bool task_utcb_in_use(struct task *t, vaddr_t utcb)
{
	struct list *pos;

	for (pos = t->threads.next; pos != &t->threads; pos = pos->next) {
		if (container_of(pos, struct thread, task_node)->utcb_uaddr == utcb)
			return true;
	}
	return false;
}

void thread_try_start(struct thread *th)
{
	if (th->state == TS_INACTIVE && th->task && th->has_pc && th->scheduled)
		sched_wakeup(th);
}

void thread_destroy(struct thread *th)
{
	struct task *t = th->task;

	ipc_abort(th);
	cpu_thread_gone(th);
	timeout_cancel(th);
	sched_remove(th);
	th->state = TS_DEAD;
	if (t) {
		list_del(&th->task_node);
		th->task = NULL;
		th->utcb = NULL;
		kobj_put(&t->obj);
	}
}

void thread_free(struct thread *th)
{
	if (th == current) {
		/* Still on its kernel stack: the next switch frees it. */
		this_cpu()->zombie = th;
		return;
	}
	kmem_page_free(th->kstack);
	kmem_free(th, sizeof(*th));
}

void thread_reap(void)
{
	struct thread *z = this_cpu()->zombie;

	if (z && z != current) {
		this_cpu()->zombie = NULL;
		thread_free(z);
	}
}
