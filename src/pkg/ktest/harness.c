// SPDX-License-Identifier: MIT
/*
 * The harness behind ktest.h: failure messages, per-case pools of
 * capability slots and pages, deferred deletion of kernel objects, time.
 */
#include "ktest.h"

#include <stdarg.h>

#include <l4/sigma0/sigma0.h>
#include <l4/sys/ipc.h>
#include <l4/sys/task.h>
#include <l4/util/printf.h>
#include <l4/util/string.h>

/* Capability slots cases may use; earlier slots are the base caps. */
#define KT_CAP_FIRST 0x200
#define KT_CAP_LAST 0x1200
#define KT_MAX_DEFER 64
#define KT_MAX_PAGES 64
/* Pages from sigma0 land here: below RAM, away from the 1:1 image. */
#define KT_HEAP 0x10000000UL

long kt_err;
static char fail_buf[200];
static unsigned next_cap = KT_CAP_FIRST;
static l4_cap_idx_t defer[KT_MAX_DEFER];
static unsigned nr_defer;
static unsigned nr_pages, pages_in_use;

const char *kt_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(fail_buf, sizeof(fail_buf), fmt, ap);
	va_end(ap);
	return fail_buf;
}

l4_cap_idx_t kt_cap(void)
{
	if (next_cap > KT_CAP_LAST)
		return L4_INVALID_CAP;
	return (l4_cap_idx_t)next_cap++ << L4_CAP_SHIFT;
}

void kt_defer_delete(l4_cap_idx_t cap)
{
	if (nr_defer < KT_MAX_DEFER)
		defer[nr_defer++] = cap;
}

void *kt_page(void)
{
	l4_addr_t va, phys;

	if (pages_in_use == KT_MAX_PAGES)
		return NULL;
	va = KT_HEAP + ((l4_addr_t)pages_in_use << L4_PAGESHIFT);
	if (pages_in_use == nr_pages) {
		if (l4sigma0_map_anypage(L4_BASE_PAGER_CAP, va, L4_PAGESHIFT, &phys, L4_PAGESHIFT) <
		    0)
			return NULL;
		nr_pages++;
	}
	pages_in_use++;
	memset((void *)va, 0, L4_PAGESIZE);
	return (void *)va;
}

void kt_case_cleanup(void)
{
	extern void kt_threads_reset(void);

	while (nr_defer)
		l4_task_delete_obj(L4_BASE_TASK_CAP, defer[--nr_defer]);
	/* Whatever else a case left in its slots goes too. */
	for (unsigned c = KT_CAP_FIRST; c < next_cap; c++)
		l4_task_release_cap(L4_BASE_TASK_CAP, (l4_cap_idx_t)c << L4_CAP_SHIFT);
	next_cap = KT_CAP_FIRST;
	pages_in_use = 0;
	kt_threads_reset();
}

uint64_t kt_now_us(void)
{
	return l4_kip_clock(l4_kip());
}

l4_timeout_t kt_rcv_timeout_ms(unsigned ms)
{
	return l4_timeout(L4_IPC_TIMEOUT_NEVER, l4_timeout_from_us((uint64_t)ms * 1000));
}

void kt_sleep_ms(unsigned ms)
{
	l4_ipc_sleep(kt_rcv_timeout_ms(ms));
}

bool kt_wait_eq(volatile long *p, long v, unsigned ms)
{
	uint64_t end = kt_now_us() + (uint64_t)ms * 1000;

	while (*p != v) {
		if (kt_now_us() > end)
			return false;
		kt_sleep_ms(1);
	}
	return true;
}

uint64_t kt_kip_word(unsigned off)
{
	return *(const volatile uint64_t *)((uintptr_t)l4_kip() + off);
}
