/* SPDX-License-Identifier: MIT */
/*
 * Host stand-ins for the kernel pieces a unit under test calls but that
 * need the hardware: a kernel memory pool from malloc, and recording page
 * table operations.
 */
#ifndef UNIT_KERNEL_STUBS_H
#define UNIT_KERNEL_STUBS_H

#include <stddef.h>

/* Give the kernel allocator a pool of `pages` pages (once per test). */
void stub_kmem_init(size_t pages);

/* Page-table calls seen by the stubs (pt_map/pt_unmap). */
extern unsigned int stub_pt_maps, stub_pt_unmaps;

#endif
