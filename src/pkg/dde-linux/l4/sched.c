// SPDX-License-Identifier: MIT
/*
 * Threads, sleeping and waking for the Linux half: the timer tick
 * thread, workqueue workers, and every Linux wait (wait queues,
 * completions, schedule_timeout) are l4re-libc pthreads, a mutex and one
 * condition variable.  A wake-up bumps a counter and wakes all waiters;
 * a waiter noted the counter before it checked its condition
 * (dde_l4_wait_prepare), so a wake-up between the check and the sleep is
 * not lost.  Waking everybody is correct because every Linux wait loop
 * checks its condition again, and cheap for the few threads a driver
 * server has.
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <pthread.h>
#include <time.h>

#include <l4/sys/err.h>
#include <l4/sys/ipc.h>

#include <dde/l4.h>

static pthread_mutex_t wait_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wait_cond;
static pthread_once_t wait_once = PTHREAD_ONCE_INIT;
static unsigned long wake_count; /* protected by wait_lock */
static _Thread_local unsigned long wake_seen;

static void wait_init(void)
{
	pthread_condattr_t a;

	/* Timeouts count from boot, not from the wall clock. */
	pthread_condattr_init(&a);
	pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
	pthread_cond_init(&wait_cond, &a);
	pthread_condattr_destroy(&a);
}

void dde_l4_wait_prepare(void)
{
	pthread_once(&wait_once, wait_init);
	pthread_mutex_lock(&wait_lock);
	wake_seen = wake_count;
	pthread_mutex_unlock(&wait_lock);
}

int dde_l4_wait(unsigned long long timeout_us)
{
	struct timespec until;
	int timed_out = 0;

	pthread_once(&wait_once, wait_init);
	if (timeout_us != ~0ULL) {
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_sec += (time_t)(timeout_us / 1000000);
		until.tv_nsec += (long)(timeout_us % 1000000) * 1000;
		if (until.tv_nsec >= 1000000000) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000;
		}
	}
	pthread_mutex_lock(&wait_lock);
	while (wake_count == wake_seen && !timed_out) {
		if (timeout_us == ~0ULL)
			pthread_cond_wait(&wait_cond, &wait_lock);
		else
			timed_out =
				pthread_cond_timedwait(&wait_cond, &wait_lock, &until) == ETIMEDOUT;
	}
	if (wake_count != wake_seen)
		timed_out = 0;
	wake_seen = wake_count;
	pthread_mutex_unlock(&wait_lock);
	return timed_out;
}

void dde_l4_wake_all(void)
{
	pthread_once(&wait_once, wait_init);
	pthread_mutex_lock(&wait_lock);
	wake_count++;
	pthread_cond_broadcast(&wait_cond);
	pthread_mutex_unlock(&wait_lock);
}

struct start {
	void (*fn)(void *arg);
	void *arg;
};

static void *thread_main(void *p)
{
	struct start s = *(struct start *)p;

	dde_l4_free(p);
	s.fn(s.arg);
	return NULL;
}

int dde_l4_thread_start(const char *name, void (*fn)(void *arg), void *arg)
{
	struct start *s = dde_l4_alloc(sizeof(*s), sizeof(void *));
	pthread_t t;

	(void)name; /* l4re-libc threads have no names yet */
	if (!s)
		return -L4_ENOMEM;
	s->fn = fn;
	s->arg = arg;
	if (pthread_create(&t, NULL, thread_main, s)) {
		dde_l4_free(s);
		return -L4_ENOMEM;
	}
	pthread_detach(t);
	return 0;
}

void dde_l4_sleep_us(unsigned long long us)
{
	l4_ipc_sleep(l4_timeout(L4_IPC_TIMEOUT_NEVER, l4_timeout_from_us(us)));
}
