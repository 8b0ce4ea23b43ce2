// SPDX-License-Identifier: MIT
/*
 * moe's physical memory.  At boot moe takes every free block sigma0 has
 * (largest first) and maps it 1:1 (virtual == physical), so a dataspace's
 * moe address is also its physical address.  A bitmap (1 = in use or not
 * ours) over the RAM bank hands out page runs first-fit; every dataspace
 * is one physically contiguous run.  Freed memory is revoked from every
 * task it was mapped to, then reused.
 */
#include "moe.h"

#include "bootinfo.h"

#include <l4/sigma0/sigma0.h>
#include <l4/sys/consts.h>
#include <l4/sys/kip.h>
#include <l4/sys/task.h>
#include <l4/util/printf.h>
#include <l4/util/string.h>

#define MOE_PHYS_MAX_PAGES (1UL << 20) /* 4 GiB of RAM */
#define WORD 64

static uint64_t used[MOE_PHYS_MAX_PAGES / WORD];
static uint64_t base, npages, nfree, ntotal, hint;

static bool page_used(uint64_t p)
{
	return used[p / WORD] & (1ULL << (p % WORD));
}

static void mark(uint64_t first, uint64_t n, bool in_use)
{
	for (uint64_t p = first; p < first + n; p++) {
		if (in_use)
			used[p / WORD] |= 1ULL << (p % WORD);
		else
			used[p / WORD] &= ~(1ULL << (p % WORD));
	}
}

static void find_bank(void)
{
	const struct bootinfo *bi = (const struct bootinfo *)l4_kip()->user_ptr;
	uint64_t lo = ~0ULL, hi = 0;

	for (uint32_t i = 0; i < bi->nr_regions; i++) {
		const struct bootinfo_region *r = &bi->regions[i];

		if (r->type != BOOTINFO_RAM)
			continue;
		lo = r->start < lo ? r->start : lo;
		hi = r->start + r->size > hi ? r->start + r->size : hi;
	}
	base = lo;
	npages = (hi - lo) >> L4_PAGESHIFT;
	if (npages > MOE_PHYS_MAX_PAGES)
		npages = MOE_PHYS_MAX_PAGES;
}

void moe_phys_init(void)
{
	find_bank();
	memset(used, 0xff, sizeof(used));
	for (unsigned order = 30; order >= L4_PAGESHIFT; order--) {
		l4_addr_t phys;

		/* Window = the whole space at 0: the block lands at its physical address. */
		while (!l4sigma0_map_anypage(L4_BASE_PAGER_CAP, 0, 47, &phys, order)) {
			uint64_t first = (phys - base) >> L4_PAGESHIFT, n = 1UL << (order - 12);

			if (phys < base || first + n > npages)
				continue; /* outside what the bitmap covers: unused */
			mark(first, n, false);
			nfree += n;
		}
	}
	ntotal = nfree;
	printf("moe: %lu KiB of memory\n", (unsigned long)(ntotal << 2));
}

uint64_t moe_phys_alloc(uint64_t size, unsigned align_order)
{
	uint64_t n = l4_round_page(size) >> L4_PAGESHIFT;
	uint64_t step = align_order > L4_PAGESHIFT ? 1ULL << (align_order - L4_PAGESHIFT) : 1;
	uint64_t align_off = (base >> L4_PAGESHIFT) & (step - 1);

	if (!n || n > nfree)
		return 0;
	for (unsigned pass = 0; pass < 2; pass++) {
		uint64_t p = pass ? 0 : hint;

		/* Start at the next aligned page (physical alignment). */
		p = (p + align_off + step - 1) / step * step - align_off;
		while (p + n <= npages) {
			uint64_t k = 0;

			while (k < n && !page_used(p + k))
				k++;
			if (k == n) {
				mark(p, n, true);
				nfree -= n;
				hint = p + n;
				memset((void *)(base + (p << L4_PAGESHIFT)), 0, n << L4_PAGESHIFT);
				return base + (p << L4_PAGESHIFT);
			}
			p = ((p + k + 1) + align_off + step - 1) / step * step - align_off;
		}
	}
	return 0;
}

void moe_phys_revoke(uint64_t addr, uint64_t size)
{
	uint64_t end = addr + l4_round_page(size);

	while (addr < end) {
		unsigned order = L4_PAGESHIFT;

		while (order < 30 && !(addr & ((1ULL << (order + 1)) - 1)) &&
		       addr + (1ULL << (order + 1)) <= end)
			order++;
		l4_task_unmap(L4_BASE_TASK_CAP, l4_fpage(addr, order, L4_FPAGE_RWX),
			      L4_FP_OTHER_SPACES);
		addr += 1ULL << order;
	}
}

void moe_phys_free(uint64_t addr, uint64_t size)
{
	uint64_t first = (addr - base) >> L4_PAGESHIFT, n = l4_round_page(size) >> L4_PAGESHIFT;

	moe_phys_revoke(addr, size);
	mark(first, n, false);
	nfree += n;
	if (first < hint)
		hint = first;
}

void moe_phys_info(uint64_t *total, uint64_t *free_bytes)
{
	*total = ntotal << L4_PAGESHIFT;
	*free_bytes = nfree << L4_PAGESHIFT;
}
