/* SPDX-License-Identifier: MIT */
/*
 * Capability-slot allocator (L4Re's <l4/re/c/util/cap_alloc.h>): hands out
 * free selectors of the calling task from env->first_free_cap on, up to
 * l4re_util_cap_last().  Lock-free (atomic bitmap), so threads may share
 * it.  It only manages slot numbers; l4re_util_cap_free_um() also removes
 * whatever capability sits in the slot.
 */
#ifndef L4_RE_C_UTIL_CAP_ALLOC_H
#define L4_RE_C_UTIL_CAP_ALLOC_H

#include <l4/sys/types.h>

EXTERN_C_BEGIN

/* A free selector, or L4_INVALID_CAP when none is left. */
l4_cap_idx_t l4re_util_cap_alloc(void);

/* Give cap back (whatever it names stays mapped). */
void l4re_util_cap_free(l4_cap_idx_t cap);

/* Unmap cap from this task (l4_task_release_cap), then give it back. */
void l4re_util_cap_free_um(l4_cap_idx_t cap);

/* The largest selector the allocator hands out. */
long l4re_util_cap_last(void);

EXTERN_C_END

#endif /* L4_RE_C_UTIL_CAP_ALLOC_H */
