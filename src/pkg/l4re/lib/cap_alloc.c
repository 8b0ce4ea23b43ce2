// SPDX-License-Identifier: MIT
/*
 * Capability-slot allocator: a bitmap over L4RE_CAP_ALLOC_SLOTS selectors
 * from env->first_free_cap on.  Bits are claimed with atomic fetch-or, so
 * several threads may allocate at once without a lock.
 */
#include <l4/re/c/util/cap_alloc.h>
#include <l4/re/env.h>
#include <l4/sys/task.h>

#define L4RE_CAP_ALLOC_SLOTS 8192
#define WORD_BITS 64

static unsigned long bitmap[L4RE_CAP_ALLOC_SLOTS / WORD_BITS];

static unsigned long first_index(void)
{
	l4re_env_t *e = l4re_env();

	/* Without an environment (the root task) stay clear of the base caps. */
	return e ? e->first_free_cap >> L4_CAP_SHIFT : 0x100;
}

l4_cap_idx_t l4re_util_cap_alloc(void)
{
	for (unsigned w = 0; w < L4RE_CAP_ALLOC_SLOTS / WORD_BITS; w++) {
		unsigned long cur = __atomic_load_n(&bitmap[w], __ATOMIC_RELAXED);

		while (cur != ~0UL) {
			unsigned bit = (unsigned)__builtin_ctzl(~cur);
			unsigned long old =
				__atomic_fetch_or(&bitmap[w], 1UL << bit, __ATOMIC_ACQ_REL);

			if (!(old & (1UL << bit)))
				return (first_index() + w * WORD_BITS + bit) << L4_CAP_SHIFT;
			cur = old | (1UL << bit);
		}
	}
	return L4_INVALID_CAP;
}

void l4re_util_cap_free(l4_cap_idx_t cap)
{
	unsigned long idx = cap >> L4_CAP_SHIFT, first = first_index();

	if (l4_is_invalid_cap(cap) || idx < first || idx - first >= L4RE_CAP_ALLOC_SLOTS)
		return;
	idx -= first;
	__atomic_fetch_and(&bitmap[idx / WORD_BITS], ~(1UL << (idx % WORD_BITS)), __ATOMIC_ACQ_REL);
}

void l4re_util_cap_free_um(l4_cap_idx_t cap)
{
	if (l4_is_invalid_cap(cap))
		return;
	l4_task_release_cap(L4_BASE_TASK_CAP, cap);
	l4re_util_cap_free(cap);
}

long l4re_util_cap_last(void)
{
	return (long)((first_index() + L4RE_CAP_ALLOC_SLOTS - 1) << L4_CAP_SHIFT);
}
