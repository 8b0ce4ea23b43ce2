// SPDX-License-Identifier: MIT
/*
 * moe's memory: pages from sigma0 (SIGMA0_REQ_FPAGE_ANY), mapped one by one
 * into a window of moe's own address space that grows upwards and is never
 * given back in this issue.  Pages are zeroed here: sigma0 does not promise
 * zeroed RAM.
 */
#include "moe.h"

#include <l4/sigma0/sigma0.h>
#include <l4/sys/consts.h>
#include <l4/util/printf.h>
#include <l4/util/string.h>

/* Below RAM on QEMU virt, so it never collides with moe's 1:1 image. */
#define MOE_HEAP_START 0x10000000UL
#define MOE_HEAP_END 0x3f000000UL

static uint64_t heap_next = MOE_HEAP_START;

void *moe_alloc_pages(uint64_t size)
{
	uint64_t start = heap_next;

	size = l4_round_page(size);
	if (!size || size > MOE_HEAP_END - heap_next)
		return NULL;
	for (uint64_t va = start; va < start + size; va += L4_PAGESIZE) {
		l4_addr_t phys;
		int err = l4sigma0_map_anypage(L4_BASE_PAGER_CAP, va, L4_PAGESHIFT, &phys,
					       L4_PAGESHIFT);

		if (err < 0) {
			printf("moe: out of memory (%s)\n", l4sigma0_map_errstr(err));
			/* The pages mapped so far stay wasted: rare, and moe is
			 * in trouble anyway. */
			heap_next = va;
			return NULL;
		}
	}
	heap_next = start + size;
	memset((void *)start, 0, size);
	return (void *)start;
}
