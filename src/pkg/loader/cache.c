// SPDX-License-Identifier: MIT
/*
 * Instruction-cache maintenance after writing code: clean the data cache
 * to the point of unification and invalidate the instruction cache by
 * address (EL0 may: the kernel sets SCTLR_EL2.UCI), line sizes from CTR_EL0.
 */
#include "loader_priv.h"

void ldr_sync_icache(void *addr, unsigned long size)
{
	uint64_t ctr, dline, iline, a, end = (uint64_t)addr + size;

	__asm__ volatile("mrs %0, ctr_el0" : "=r"(ctr));
	dline = 4UL << ((ctr >> 16) & 0xf);
	iline = 4UL << (ctr & 0xf);
	for (a = (uint64_t)addr & ~(dline - 1); a < end; a += dline)
		__asm__ volatile("dc cvau, %0" ::"r"(a) : "memory");
	__asm__ volatile("dsb ish" ::: "memory");
	for (a = (uint64_t)addr & ~(iline - 1); a < end; a += iline)
		__asm__ volatile("ic ivau, %0" ::"r"(a) : "memory");
	__asm__ volatile("dsb ish\n\tisb" ::: "memory");
}
