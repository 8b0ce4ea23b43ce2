// SPDX-License-Identifier: MIT
/*
 * Wait queues, wake-ups and completions.  The lists and locks are
 * Linux's own (wait_queue_head, the completion's swait lock); sleeping is
 * the L4 half's dde_l4_wait(), and every wake function wakes all sleeping
 * threads (dde_l4_wake_all), which then recheck their conditions: the
 * wait_event loops and the completion loop below always do.
 * prepare_to_wait*() notes the wake-up counter first, so a wake-up
 * between the condition check and schedule() is not lost.
 */
#include <linux/completion.h>
#include <linux/sched.h>
#include <linux/swait.h>
#include <linux/wait.h>

#include "dde_linux.h"

void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name,
			   struct lock_class_key *key)
{
	spin_lock_init(&wq_head->lock);
	INIT_LIST_HEAD(&wq_head->head);
}

void init_wait_entry(struct wait_queue_entry *wq_entry, int flags)
{
	wq_entry->flags = flags;
	wq_entry->private = current;
	wq_entry->func = autoremove_wake_function;
	INIT_LIST_HEAD(&wq_entry->entry);
}

void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	__add_wait_queue(wq_head, wq_entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

void add_wait_queue_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	__add_wait_queue_entry_tail(wq_head, wq_entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	__remove_wait_queue(wq_head, wq_entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/* Queues wq_entry unless queued; notes the wake-up counter.  True if the queue was empty. */
static bool wait_enqueue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry,
			 int state)
{
	unsigned long flags;
	bool was_empty;

	dde_l4_wait_prepare();
	spin_lock_irqsave(&wq_head->lock, flags);
	was_empty = list_empty(&wq_head->head);
	if (list_empty(&wq_entry->entry)) {
		if (wq_entry->flags & WQ_FLAG_EXCLUSIVE)
			__add_wait_queue_entry_tail(wq_head, wq_entry);
		else
			__add_wait_queue(wq_head, wq_entry);
	}
	set_current_state(state);
	spin_unlock_irqrestore(&wq_head->lock, flags);
	return was_empty;
}

void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state)
{
	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	wait_enqueue(wq_head, wq_entry, state);
}

bool prepare_to_wait_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry,
			       int state)
{
	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	return wait_enqueue(wq_head, wq_entry, state);
}

long prepare_to_wait_event(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry,
			   int state)
{
	/* No signals reach a driver server: never -ERESTARTSYS. */
	wait_enqueue(wq_head, wq_entry, state);
	return 0;
}

void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	__set_current_state(TASK_RUNNING);
	if (!list_empty_careful(&wq_entry->entry)) {
		spin_lock_irqsave(&wq_head->lock, flags);
		list_del_init(&wq_entry->entry);
		spin_unlock_irqrestore(&wq_head->lock, flags);
	}
}

int default_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key)
{
	dde_l4_wake_all();
	return 1;
}

int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int sync, void *key)
{
	int ret = default_wake_function(wq_entry, mode, sync, key);

	if (ret)
		list_del_init_careful(&wq_entry->entry);
	return ret;
}

int woken_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int sync, void *key)
{
	smp_store_mb(wq_entry->flags, wq_entry->flags | WQ_FLAG_WOKEN);
	return default_wake_function(wq_entry, mode, sync, key);
}

long wait_woken(struct wait_queue_entry *wq_entry, unsigned mode, long timeout)
{
	dde_l4_wait_prepare();
	set_current_state(mode);
	if (!(READ_ONCE(wq_entry->flags) & WQ_FLAG_WOKEN))
		timeout = schedule_timeout(timeout);
	__set_current_state(TASK_RUNNING);
	smp_store_mb(wq_entry->flags, wq_entry->flags & ~WQ_FLAG_WOKEN);
	return timeout;
}

int wake_up_process(struct task_struct *p)
{
	dde_l4_wake_all();
	return 1;
}

/* Linux's walk: every entry's wake function, nr_exclusive exclusive ones (0: all). */
static void wake_walk(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive,
		      void *key)
{
	struct wait_queue_entry *curr, *next;

	list_for_each_entry_safe(curr, next, &wq_head->head, entry) {
		unsigned flags = curr->flags;
		int ret = curr->func(curr, mode, 0, key);

		if (ret < 0)
			break;
		if (ret && (flags & WQ_FLAG_EXCLUSIVE) && !--nr_exclusive)
			break;
	}
}

int __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive, void *key)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	wake_walk(wq_head, mode, nr_exclusive, key);
	spin_unlock_irqrestore(&wq_head->lock, flags);
	return 0;
}

void __wake_up_locked(struct wait_queue_head *wq_head, unsigned int mode, int nr)
{
	wake_walk(wq_head, mode, nr, NULL);
}

void __wake_up_locked_key(struct wait_queue_head *wq_head, unsigned int mode, void *key)
{
	wake_walk(wq_head, mode, 1, key);
}

void __wake_up_sync_key(struct wait_queue_head *wq_head, unsigned int mode, void *key)
{
	__wake_up(wq_head, mode, 1, key);
}

void __wake_up_sync(struct wait_queue_head *wq_head, unsigned int mode)
{
	__wake_up(wq_head, mode, 1, NULL);
}

/* ---- completions (their swait queue only provides the lock here) ---- */

void __init_swait_queue_head(struct swait_queue_head *q, const char *name,
			     struct lock_class_key *key)
{
	raw_spin_lock_init(&q->lock);
	INIT_LIST_HEAD(&q->task_list);
}

void complete(struct completion *x)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done != UINT_MAX)
		x->done++;
	raw_spin_unlock_irqrestore(&x->wait.lock, flags);
	dde_l4_wake_all();
}

void complete_all(struct completion *x)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&x->wait.lock, flags);
	x->done = UINT_MAX;
	raw_spin_unlock_irqrestore(&x->wait.lock, flags);
	dde_l4_wake_all();
}

/* Linux's contract: 0 on timeout, else the jiffies left (at least 1). */
static long completion_wait(struct completion *x, long timeout)
{
	unsigned long flags;

	for (;;) {
		dde_l4_wait_prepare();
		raw_spin_lock_irqsave(&x->wait.lock, flags);
		if (x->done) {
			if (x->done != UINT_MAX)
				x->done--;
			raw_spin_unlock_irqrestore(&x->wait.lock, flags);
			return timeout ? timeout : 1;
		}
		raw_spin_unlock_irqrestore(&x->wait.lock, flags);
		if (!timeout)
			return 0;
		timeout = dde_sleep_timeout(timeout);
	}
}

void wait_for_completion(struct completion *x)
{
	completion_wait(x, MAX_SCHEDULE_TIMEOUT);
}

void wait_for_completion_io(struct completion *x)
{
	completion_wait(x, MAX_SCHEDULE_TIMEOUT);
}

/* No signals reach a driver server: the interruptible waits are never interrupted. */
int wait_for_completion_interruptible(struct completion *x)
{
	completion_wait(x, MAX_SCHEDULE_TIMEOUT);
	return 0;
}

int wait_for_completion_killable(struct completion *x)
{
	completion_wait(x, MAX_SCHEDULE_TIMEOUT);
	return 0;
}

int wait_for_completion_state(struct completion *x, unsigned int state)
{
	completion_wait(x, MAX_SCHEDULE_TIMEOUT);
	return 0;
}

unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout)
{
	return completion_wait(x, timeout);
}

unsigned long wait_for_completion_io_timeout(struct completion *x, unsigned long timeout)
{
	return completion_wait(x, timeout);
}

long wait_for_completion_interruptible_timeout(struct completion *x, unsigned long timeout)
{
	return completion_wait(x, timeout);
}

long wait_for_completion_killable_timeout(struct completion *x, unsigned long timeout)
{
	return completion_wait(x, timeout);
}

bool try_wait_for_completion(struct completion *x)
{
	unsigned long flags;
	bool ret = false;

	raw_spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done) {
		if (x->done != UINT_MAX)
			x->done--;
		ret = true;
	}
	raw_spin_unlock_irqrestore(&x->wait.lock, flags);
	return ret;
}

bool completion_done(struct completion *x)
{
	return READ_ONCE(x->done) != 0;
}
