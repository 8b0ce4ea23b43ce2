// SPDX-License-Identifier: MIT
/*
 * Spinlocks and mutexes.  The lock word is the kernel's own (the
 * qspinlock value, the mutex owner), taken with atomic compare-and-swap;
 * a waiter yields its time slice instead of spinning on a CPU it may be
 * keeping the holder from.  The _irq/_irqsave variants also hold the
 * interrupt lock of the L4 half, which is what disabling interrupts
 * means here: no handler runs meanwhile.
 */
#include <linux/mutex.h>
#include <linux/spinlock.h>

#include "dde_linux.h"

static void word_lock(int *w)
{
	int expect = 0;

	while (!__atomic_compare_exchange_n(w, &expect, 1, false, __ATOMIC_ACQUIRE,
					    __ATOMIC_RELAXED)) {
		expect = 0;
		dde_l4_yield();
	}
}

static int word_trylock(int *w)
{
	int expect = 0;

	return __atomic_compare_exchange_n(w, &expect, 1, false, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

static void word_unlock(int *w)
{
	__atomic_store_n(w, 0, __ATOMIC_RELEASE);
}

#define LOCKWORD(l) (&(l)->raw_lock.val.counter)

void __lockfunc _raw_spin_lock(raw_spinlock_t *lock)
{
	word_lock(LOCKWORD(lock));
}

int __lockfunc _raw_spin_trylock(raw_spinlock_t *lock)
{
	return word_trylock(LOCKWORD(lock));
}

void __lockfunc _raw_spin_unlock(raw_spinlock_t *lock)
{
	word_unlock(LOCKWORD(lock));
}

void __lockfunc _raw_spin_lock_bh(raw_spinlock_t *lock)
{
	word_lock(LOCKWORD(lock));
}

void __lockfunc _raw_spin_unlock_bh(raw_spinlock_t *lock)
{
	word_unlock(LOCKWORD(lock));
}

void __lockfunc _raw_spin_lock_irq(raw_spinlock_t *lock)
{
	dde_l4_irq_lock();
	word_lock(LOCKWORD(lock));
}

void __lockfunc _raw_spin_unlock_irq(raw_spinlock_t *lock)
{
	word_unlock(LOCKWORD(lock));
	dde_l4_irq_unlock();
}

unsigned long __lockfunc _raw_spin_lock_irqsave(raw_spinlock_t *lock)
{
	dde_l4_irq_lock();
	word_lock(LOCKWORD(lock));
	return 0;
}

void __lockfunc _raw_spin_unlock_irqrestore(raw_spinlock_t *lock, unsigned long flags)
{
	word_unlock(LOCKWORD(lock));
	dde_l4_irq_unlock();
}

/* Mutexes: owner word 0 free, 1 held (no owner tracking, no spinning on owner). */
#define MUTEXWORD(m) ((int *)&(m)->owner.counter)

void __mutex_init(struct mutex *lock, const char *name, struct lock_class_key *key)
{
	atomic_long_set(&lock->owner, 0);
	raw_spin_lock_init(&lock->wait_lock);
	INIT_LIST_HEAD(&lock->wait_list);
}

void mutex_lock(struct mutex *lock)
{
	word_lock(MUTEXWORD(lock));
}

int mutex_lock_interruptible(struct mutex *lock)
{
	word_lock(MUTEXWORD(lock));
	return 0;
}

int mutex_lock_killable(struct mutex *lock)
{
	word_lock(MUTEXWORD(lock));
	return 0;
}

int mutex_trylock(struct mutex *lock)
{
	return word_trylock(MUTEXWORD(lock));
}

void mutex_unlock(struct mutex *lock)
{
	word_unlock(MUTEXWORD(lock));
}

bool mutex_is_locked(struct mutex *lock)
{
	return __atomic_load_n(MUTEXWORD(lock), __ATOMIC_RELAXED) != 0;
}
