// SPDX-License-Identifier: MIT
/*
 * jiffies, timer_list and sleeping.  The tick thread (started by
 * dde_linux_start_timers() before the initcalls) wakes every 1/HZ s on an
 * IPC timeout and calls dde_linux_timer_tick(): jiffies is the KIP clock
 * in ticks (from INITIAL_JIFFIES, as in Linux, so wrap bugs show early),
 * then expired timers run on that thread, one at a time, without the
 * timer lock (a callback may re-arm its timer).  Pending timers are an
 * unsorted list: a driver has a handful.
 */
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/timer.h>

#include "dde_linux.h"

u64 jiffies_64 = INITIAL_JIFFIES;
/* Linux's linker script makes jiffies the low word of jiffies_64; same here. */
extern unsigned long volatile jiffies __attribute__((alias("jiffies_64")));

static DEFINE_RAW_SPINLOCK(timer_lock);
static HLIST_HEAD(timers);		 /* pending, under timer_lock */
static struct timer_list *running_timer; /* under timer_lock */

static void jiffies_update(void)
{
	WRITE_ONCE(jiffies_64, INITIAL_JIFFIES + dde_l4_clock_us() * HZ / USEC_PER_SEC);
}

void dde_linux_timer_tick(void)
{
	struct timer_list *t;
	unsigned long flags;

	jiffies_update();
	raw_spin_lock_irqsave(&timer_lock, flags);
again:
	hlist_for_each_entry(t, &timers, entry)
	{
		void (*fn)(struct timer_list *) = t->function;

		if (time_before(jiffies, t->expires))
			continue;
		hlist_del_init(&t->entry);
		running_timer = t;
		raw_spin_unlock_irqrestore(&timer_lock, flags);
		fn(t);
		raw_spin_lock_irqsave(&timer_lock, flags);
		running_timer = NULL;
		goto again; /* the list may have changed meanwhile */
	}
	raw_spin_unlock_irqrestore(&timer_lock, flags);
}

static void tick_thread(void *arg)
{
	for (;;) {
		dde_l4_sleep_us(USEC_PER_SEC / HZ);
		dde_linux_timer_tick();
	}
}

int dde_linux_start_timers(void)
{
	static bool started;

	if (started)
		return 0;
	started = true;
	jiffies_update();
	return dde_l4_thread_start("dde-tick", tick_thread, NULL);
}

void init_timer_key(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags,
		    const char *name, struct lock_class_key *key)
{
	timer->entry.pprev = NULL;
	timer->function = func;
	timer->flags = flags;
}

/* Takes timer off the pending list; 1 if it was pending.  timer_lock held. */
static int timer_detach(struct timer_list *timer)
{
	if (!timer_pending(timer))
		return 0;
	hlist_del_init(&timer->entry);
	return 1;
}

static int timer_arm(struct timer_list *timer, unsigned long expires, bool pending_only)
{
	unsigned long flags;
	int was;

	raw_spin_lock_irqsave(&timer_lock, flags);
	was = timer_pending(timer);
	/* A shut-down timer (no function) stays off, as in Linux. */
	if (timer->function && (was || !pending_only)) {
		timer_detach(timer);
		timer->expires = expires;
		hlist_add_head(&timer->entry, &timers);
	}
	raw_spin_unlock_irqrestore(&timer_lock, flags);
	return was;
}

int mod_timer(struct timer_list *timer, unsigned long expires)
{
	return timer_arm(timer, expires, false);
}

int mod_timer_pending(struct timer_list *timer, unsigned long expires)
{
	return timer_arm(timer, expires, true);
}

int timer_reduce(struct timer_list *timer, unsigned long expires)
{
	if (timer_pending(timer) && time_before_eq(timer->expires, expires))
		return 1;
	return timer_arm(timer, expires, false);
}

void add_timer(struct timer_list *timer)
{
	timer_arm(timer, timer->expires, false);
}

void add_timer_on(struct timer_list *timer, int cpu)
{
	timer_arm(timer, timer->expires, false);
}

int timer_delete(struct timer_list *timer)
{
	unsigned long flags;
	int was;

	raw_spin_lock_irqsave(&timer_lock, flags);
	was = timer_detach(timer);
	raw_spin_unlock_irqrestore(&timer_lock, flags);
	return was;
}

int try_to_del_timer_sync(struct timer_list *timer)
{
	unsigned long flags;
	int ret = -1;

	raw_spin_lock_irqsave(&timer_lock, flags);
	if (running_timer != timer)
		ret = timer_detach(timer);
	raw_spin_unlock_irqrestore(&timer_lock, flags);
	return ret;
}

int timer_delete_sync(struct timer_list *timer)
{
	int ret;

	/* The callback is running on the tick thread: wait until it returns. */
	while ((ret = try_to_del_timer_sync(timer)) < 0)
		dde_l4_sleep_us(USEC_PER_SEC / HZ);
	return ret;
}

int timer_shutdown(struct timer_list *timer)
{
	unsigned long flags;
	int was;

	raw_spin_lock_irqsave(&timer_lock, flags);
	was = timer_detach(timer);
	timer->function = NULL;
	raw_spin_unlock_irqrestore(&timer_lock, flags);
	return was;
}

int timer_shutdown_sync(struct timer_list *timer)
{
	int ret = timer_delete_sync(timer);

	timer_shutdown(timer);
	return ret;
}

unsigned int jiffies_to_msecs(const unsigned long j)
{
	return (unsigned int)((u64)j * MSEC_PER_SEC / HZ);
}

unsigned int jiffies_to_usecs(const unsigned long j)
{
	return (unsigned int)((u64)j * USEC_PER_SEC / HZ);
}

unsigned long __msecs_to_jiffies(const unsigned int m)
{
	if ((int)m < 0)
		return MAX_JIFFY_OFFSET;
	return DIV_ROUND_UP((u64)m * HZ, MSEC_PER_SEC);
}

unsigned long __usecs_to_jiffies(const unsigned int u)
{
	if (u > jiffies_to_usecs(MAX_JIFFY_OFFSET))
		return MAX_JIFFY_OFFSET;
	return DIV_ROUND_UP((u64)u * HZ, USEC_PER_SEC);
}

unsigned long nsecs_to_jiffies(u64 n)
{
	return div64_u64(n * HZ, NSEC_PER_SEC);
}

u64 nsecs_to_jiffies64(u64 n)
{
	return div64_u64(n * HZ, NSEC_PER_SEC);
}

long dde_sleep_timeout(long timeout)
{
	unsigned long expire;
	long left;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		dde_l4_wait(~0ULL);
		return timeout;
	}
	if (timeout <= 0)
		return 0;
	expire = jiffies + timeout;
	dde_l4_wait((unsigned long long)timeout * USEC_PER_SEC / HZ);
	/* Jiffies advance on the tick thread; the clock is the authority. */
	jiffies_update();
	left = (long)(expire - jiffies);
	return left < 0 ? 0 : left;
}

long schedule_timeout(long timeout)
{
	long left = dde_sleep_timeout(timeout);

	__set_current_state(TASK_RUNNING);
	return left;
}

/* The pure sleeps: nothing else wakes them early but a wake-up. */
static long sleep_state(long timeout, unsigned int state)
{
	__set_current_state(state);
	dde_l4_wait_prepare();
	return schedule_timeout(timeout);
}

long schedule_timeout_interruptible(long timeout)
{
	return sleep_state(timeout, TASK_INTERRUPTIBLE);
}

long schedule_timeout_killable(long timeout)
{
	return sleep_state(timeout, TASK_KILLABLE);
}

long schedule_timeout_uninterruptible(long timeout)
{
	return sleep_state(timeout, TASK_UNINTERRUPTIBLE);
}

long schedule_timeout_idle(long timeout)
{
	return sleep_state(timeout, TASK_IDLE);
}

long io_schedule_timeout(long timeout)
{
	return schedule_timeout(timeout);
}

void schedule(void)
{
	dde_l4_wait(~0ULL);
	__set_current_state(TASK_RUNNING);
}

void io_schedule(void)
{
	schedule();
}

void msleep(unsigned int msecs)
{
	dde_l4_sleep_us((unsigned long long)msecs * USEC_PER_MSEC);
}

unsigned long msleep_interruptible(unsigned int msecs)
{
	msleep(msecs); /* no signals: never interrupted */
	return 0;
}

void usleep_range_state(unsigned long min, unsigned long max, unsigned int state)
{
	dde_l4_sleep_us(min);
}

/* udelay() and friends busy-wait on the clock (microsecond resolution). */
static void delay_us(unsigned long long us)
{
	unsigned long long end = dde_l4_clock_us() + us;

	while (dde_l4_clock_us() < end)
		;
}

void __udelay(unsigned long usecs)
{
	delay_us(usecs);
}

void __ndelay(unsigned long nsecs)
{
	delay_us(DIV_ROUND_UP(nsecs, NSEC_PER_USEC));
}

void __const_udelay(unsigned long xloops)
{
	/* xloops = usecs * 2^32 / 10^6 (asm-generic/delay.h) */
	delay_us(((u64)xloops * USEC_PER_SEC + 0xffffffffULL) >> 32);
}
