// SPDX-License-Identifier: MIT
/* Host stand-ins for hardware-facing kernel functions (see kernel_stubs.h). */
#include <stdlib.h>

#include "kernel_stubs.h"

#include <arch/mmu.h>
#include <kmem.h>
#include <panic.h>
#include <stdarg.h>
#include <stdio.h>

unsigned int stub_pt_maps, stub_pt_unmaps;

void stub_kmem_init(size_t pages)
{
	static void *pool;

	if (!pool) {
		pool = aligned_alloc(4096, pages * 4096);
		kmem_add_region(pool, pages * 4096);
	}
}

int pt_map(struct pt *pt, vaddr_t va, paddr_t pa, unsigned int attrs)
{
	(void)pt;
	(void)va;
	(void)pa;
	(void)attrs;
	stub_pt_maps++;
	return 0;
}

void pt_unmap(struct pt *pt, vaddr_t va)
{
	(void)pt;
	(void)va;
	stub_pt_unmaps++;
}

void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	abort();
}
