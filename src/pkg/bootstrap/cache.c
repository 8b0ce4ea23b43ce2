// SPDX-License-Identifier: MIT
/*
 * Cache maintenance for what bootstrap wrote with the MMU (and so the data
 * cache) off: clean and invalidate each line to the point of coherency so
 * that the kernel, once it turns caches on, sees memory and not stale
 * lines; then invalidate the instruction cache.  Harmless under QEMU.
 */
#include "bootstrap.h"

static uint64_t dcache_line(void)
{
	uint64_t ctr;

	__asm__ volatile("mrs %0, ctr_el0" : "=r"(ctr));
	return 4ULL << ((ctr >> 16) & 0xf);
}

void bs_dcache_clean(uint64_t start, uint64_t end)
{
	uint64_t line = dcache_line();
	uint64_t a;

	for (a = start & ~(line - 1); a < end; a += line)
		__asm__ volatile("dc civac, %0" : : "r"(a) : "memory");
	__asm__ volatile("dsb sy" : : : "memory");
}

void bs_icache_invalidate(void)
{
	__asm__ volatile("ic iallu\n\tdsb sy\n\tisb" : : : "memory");
}
