// SPDX-License-Identifier: MIT
/*
 * Workqueues.  Each workqueue is a FIFO of work items served by one
 * worker thread of its own (started on first use), so every workqueue is
 * ordered (max_active 1) and one workqueue's items never wait for
 * another's.  The PENDING bit is Linux's (set by whoever queues, cleared
 * just before the item runs, so an item may requeue itself); one lock
 * guards all queues and the item each worker runs, which is what
 * flush and cancel look at.  Delayed work is a timer_list whose callback
 * (delayed_work_timer_fn, on the tick thread) queues the item.
 */
#include <linux/slab.h>
#include <linux/workqueue.h>

#include "dde_linux.h"

struct workqueue_struct {
	struct list_head items; /* queued work, under wq_lock */
	struct work_struct *running;
	struct list_head all; /* all_wqs */
	bool started, dying, exited;
	char name[32];
};

static DEFINE_RAW_SPINLOCK(wq_lock);
static LIST_HEAD(all_wqs); /* under wq_lock */

#define SYSTEM_WQ(var, wq_name)                                                                  \
	static struct workqueue_struct var##_struct = { .items = LIST_HEAD_INIT(                 \
								var##_struct.items),             \
							.all = LIST_HEAD_INIT(var##_struct.all), \
							.name = wq_name };                       \
	struct workqueue_struct *var = &var##_struct

SYSTEM_WQ(system_wq, "events");
SYSTEM_WQ(system_highpri_wq, "events_highpri");
SYSTEM_WQ(system_long_wq, "events_long");
SYSTEM_WQ(system_unbound_wq, "events_unbound");
SYSTEM_WQ(system_freezable_wq, "events_freezable");
SYSTEM_WQ(system_power_efficient_wq, "events_power_efficient");
SYSTEM_WQ(system_freezable_power_efficient_wq, "events_freezable_power_efficient");

static void worker(void *arg)
{
	struct workqueue_struct *wq = arg;
	struct work_struct *work;
	unsigned long flags;

	for (;;) {
		dde_l4_wait_prepare();
		raw_spin_lock_irqsave(&wq_lock, flags);
		if (list_empty(&wq->items)) {
			bool dying = wq->dying;

			if (dying)
				wq->exited = true;
			raw_spin_unlock_irqrestore(&wq_lock, flags);
			if (dying) {
				dde_l4_wake_all();
				return;
			}
			dde_l4_wait(~0ULL);
			continue;
		}
		work = list_first_entry(&wq->items, struct work_struct, entry);
		list_del_init(&work->entry);
		wq->running = work;
		clear_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work));
		raw_spin_unlock_irqrestore(&wq_lock, flags);

		work->func(work);

		raw_spin_lock_irqsave(&wq_lock, flags);
		wq->running = NULL;
		raw_spin_unlock_irqrestore(&wq_lock, flags);
		dde_l4_wake_all(); /* flush_work() and friends */
	}
}

/* Appends work (PENDING already set by the caller) and starts the worker if new. */
static void wq_insert(struct workqueue_struct *wq, struct work_struct *work)
{
	unsigned long flags;
	bool start;

	raw_spin_lock_irqsave(&wq_lock, flags);
	list_add_tail(&work->entry, &wq->items);
	start = !wq->started;
	if (start) {
		wq->started = true;
		if (list_empty(&wq->all))
			list_add_tail(&wq->all, &all_wqs);
	}
	raw_spin_unlock_irqrestore(&wq_lock, flags);
	if (start && dde_l4_thread_start(wq->name, worker, wq) < 0)
		pr_err("dde: cannot start the worker of workqueue %s\n", wq->name);
	dde_l4_wake_all();
}

struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...)
{
	struct workqueue_struct *wq = kzalloc(sizeof(*wq), GFP_KERNEL);
	va_list args;

	if (!wq)
		return NULL;
	va_start(args, max_active);
	vsnprintf(wq->name, sizeof(wq->name), fmt, args);
	va_end(args);
	INIT_LIST_HEAD(&wq->items);
	INIT_LIST_HEAD(&wq->all);
	return wq;
}

/* True while work is queued or running anywhere.  wq_lock held. */
static bool work_busy_locked(struct work_struct *work)
{
	struct workqueue_struct *wq;

	if (work_pending(work))
		return true;
	list_for_each_entry(wq, &all_wqs, all)
		if (wq->running == work)
			return true;
	return false;
}

static bool wq_idle(struct workqueue_struct *wq)
{
	unsigned long flags;
	bool idle;

	raw_spin_lock_irqsave(&wq_lock, flags);
	idle = list_empty(&wq->items) && !wq->running;
	raw_spin_unlock_irqrestore(&wq_lock, flags);
	return idle;
}

void __flush_workqueue(struct workqueue_struct *wq)
{
	for (;;) {
		dde_l4_wait_prepare();
		if (wq_idle(wq))
			return;
		dde_l4_wait(~0ULL);
	}
}

void drain_workqueue(struct workqueue_struct *wq)
{
	__flush_workqueue(wq);
}

void destroy_workqueue(struct workqueue_struct *wq)
{
	unsigned long flags;
	bool started;

	__flush_workqueue(wq);
	raw_spin_lock_irqsave(&wq_lock, flags);
	wq->dying = true;
	started = wq->started;
	raw_spin_unlock_irqrestore(&wq_lock, flags);
	dde_l4_wake_all();
	while (started) {
		dde_l4_wait_prepare();
		raw_spin_lock_irqsave(&wq_lock, flags);
		started = !wq->exited;
		if (!started)
			list_del(&wq->all);
		raw_spin_unlock_irqrestore(&wq_lock, flags);
		if (started)
			dde_l4_wait(~0ULL);
	}
	kfree(wq);
}

bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work)
{
	if (test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work)))
		return false;
	wq_insert(wq, work);
	return true;
}

bool queue_work_node(int node, struct workqueue_struct *wq, struct work_struct *work)
{
	return queue_work_on(WORK_CPU_UNBOUND, wq, work);
}

bool flush_work(struct work_struct *work)
{
	unsigned long flags;
	bool busy, waited = false;

	for (;;) {
		dde_l4_wait_prepare();
		raw_spin_lock_irqsave(&wq_lock, flags);
		busy = work_busy_locked(work);
		raw_spin_unlock_irqrestore(&wq_lock, flags);
		if (!busy)
			return waited;
		waited = true;
		dde_l4_wait(~0ULL);
	}
}

/* Takes work off its queue if queued there; true if it was pending. */
static bool work_unqueue(struct work_struct *work)
{
	unsigned long flags;
	bool was = false;

	raw_spin_lock_irqsave(&wq_lock, flags);
	if (!list_empty(&work->entry)) {
		list_del_init(&work->entry);
		clear_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work));
		was = true;
	}
	raw_spin_unlock_irqrestore(&wq_lock, flags);
	return was;
}

bool cancel_work(struct work_struct *work)
{
	return work_unqueue(work);
}

bool cancel_work_sync(struct work_struct *work)
{
	bool was = work_unqueue(work);

	flush_work(work); /* the running instance, if any */
	return was;
}

void delayed_work_timer_fn(struct timer_list *t)
{
	struct delayed_work *dwork = from_timer(dwork, t, timer);

	wq_insert(dwork->wq, &dwork->work);
}

/* Queues dwork (PENDING set by the caller) now or after delay jiffies. */
static void delayed_insert(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork,
			   unsigned long delay)
{
	dwork->wq = wq;
	dwork->cpu = cpu;
	if (!delay)
		wq_insert(wq, &dwork->work);
	else
		mod_timer(&dwork->timer, jiffies + delay);
}

bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork,
			   unsigned long delay)
{
	if (test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(&dwork->work)))
		return false;
	delayed_insert(cpu, wq, dwork, delay);
	return true;
}

/* Takes dwork off its timer or queue; true if it was pending. */
static bool delayed_unqueue(struct delayed_work *dwork, bool sync)
{
	bool was = sync ? del_timer_sync(&dwork->timer) : del_timer(&dwork->timer);

	if (was)
		clear_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(&dwork->work));
	return work_unqueue(&dwork->work) || was;
}

bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork,
			 unsigned long delay)
{
	bool was = delayed_unqueue(dwork, false);

	set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(&dwork->work));
	delayed_insert(cpu, wq, dwork, delay);
	return was;
}

bool cancel_delayed_work(struct delayed_work *dwork)
{
	return delayed_unqueue(dwork, false);
}

bool cancel_delayed_work_sync(struct delayed_work *dwork)
{
	bool was = delayed_unqueue(dwork, true);

	flush_work(&dwork->work);
	return was;
}

bool flush_delayed_work(struct delayed_work *dwork)
{
	/* A waiting timer is cut short: the work is queued now, then flushed. */
	if (del_timer_sync(&dwork->timer))
		wq_insert(dwork->wq, &dwork->work);
	return flush_work(&dwork->work);
}
