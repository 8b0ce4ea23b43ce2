/* SPDX-License-Identifier: MIT */
/*
 * The ktest harness.  A case is a function returning NULL (pass) or the
 * reason it failed (kt_fail() formats one).  Everything a case creates
 * goes through the harness (kt_cap(), kt_page(), kt_thread_*()) so that
 * the harness can clean up after each case, whether it passed or not:
 * objects are deleted in reverse order of creation, capability slots,
 * stacks and pages return to their pools.
 *
 * Threads a case starts run functions of ktest's own image: in ktest's
 * task directly, in child tasks because the harness maps the whole image
 * (text, data, bss with the stacks) into every child it creates.  They
 * report back through shared globals (volatile) or IPC.
 */
#ifndef KTEST_KTEST_H
#define KTEST_KTEST_H

#include <stdbool.h>
#include <stdint.h>

#include <l4/sys/kip.h>
#include <l4/sys/types.h>

typedef const char *(*kt_case_fn)(void);

struct kt_case {
	const char *id;
	kt_case_fn fn;
};

/* Formats a failure reason into a static buffer and returns it. */
const char *kt_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#define KT_CHECK(cond, ...)                          \
	do {                                         \
		if (!(cond))                         \
			return kt_fail(__VA_ARGS__); \
	} while (0)

/* Priority of ktest's main thread and the default of helper threads. */
#define KT_MAIN_PRIO 255
#define KT_HELPER_PRIO 100

/* Error code of the last failing harness helper (for reasons). */
extern long kt_err;

/* A free capability slot (released at the end of the case). */
l4_cap_idx_t kt_cap(void);
/* Register an object to delete at the end of the case. */
void kt_defer_delete(l4_cap_idx_t cap);
/* A zeroed page of RAM in ktest's space (from sigma0, pooled). */
void *kt_page(void);

/* Helper threads (threads.c). fn(arg) runs; returning sleeps forever. */
typedef void (*kt_thread_fn)(l4_umword_t arg);

/* A thread in ktest's own task, pager sigma0's gate, started at prio. */
l4_cap_idx_t kt_thread_local(kt_thread_fn fn, l4_umword_t arg, unsigned prio);
/* Created and bound in ktest's task, but not started. */
l4_cap_idx_t kt_thread_local_unstarted(void);
/* A new task with ktest's image mapped and a UTCB area; 0 on failure. */
l4_cap_idx_t kt_child_task(void);
/*
 * A thread in child task task (UTCB slot n of its area), pager/exception
 * handler = the given selectors *in the child's table* (L4_INVALID_CAP:
 * none), started at prio.
 */
l4_cap_idx_t kt_thread_in(l4_cap_idx_t task, unsigned n, kt_thread_fn fn, l4_umword_t arg,
			  unsigned prio, l4_cap_idx_t pager, l4_cap_idx_t exc);
/* Map cap (rights) of ktest into task at slot dst. */
long kt_map_cap(l4_cap_idx_t task, l4_cap_idx_t cap, unsigned rights, l4_cap_idx_t dst);
/* Map one page of ktest's at addr into task at dst with rights. */
long kt_map_page(l4_cap_idx_t task, void *page, unsigned rights, l4_addr_t dst);
/* An IPC gate bound to thread with label (0 on failure). */
l4_cap_idx_t kt_gate(l4_cap_idx_t thread, l4_umword_t label);

/* Time. */
uint64_t kt_now_us(void);
void kt_sleep_ms(unsigned ms);
/* Poll *p until it equals v (sleeping 1 ms steps) or ms pass. */
bool kt_wait_eq(volatile long *p, long v, unsigned ms);
l4_timeout_t kt_rcv_timeout_ms(unsigned ms);

/* (L4ReC) KIP extension words (docs/abi.md §11). */
#define KT_KIP_KMEM_IN_USE 0x320
uint64_t kt_kip_word(unsigned off);

/* The UTCB area of child tasks and its size (threads per child). */
#define KT_CHILD_UTCB_AREA 0x7f000000UL
#define KT_CHILD_UTCB_ORDER 14
#define KT_CHILD_SLOT0 0x20 /* first free cap slot in children */

/* Case tables of the t_*.c files. */
extern const struct kt_case kt_basic_cases[], kt_ipc_cases[], kt_timeout_cases[], kt_caps_cases[],
	kt_factory_cases[], kt_mem_cases[], kt_irq_cases[], kt_sched_cases[], kt_thread_cases[],
	kt_fuzz_cases[];

/* harness.c */
void kt_harness_init(void);
void kt_case_cleanup(void);

#endif /* KTEST_KTEST_H */
