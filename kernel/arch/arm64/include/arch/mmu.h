/* SPDX-License-Identifier: MIT */
/*
 * Address translation: the kernel's direct map of physical memory in the
 * upper half (TTBR1_EL2), and the per-task EL0 page tables (TTBR0_EL2,
 * ASID-tagged).  Generic code sees struct pt and the pt_* calls only.
 */
#ifndef ARCH_MMU_H
#define ARCH_MMU_H

#include <types.h>

#define KERNEL_VOFFSET 0xFFFF000000000000UL
#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))

static inline void *phys_to_virt(paddr_t pa)
{
	return (void *)(pa + KERNEL_VOFFSET);
}

static inline paddr_t virt_to_phys(const void *va)
{
	return (paddr_t)va - KERNEL_VOFFSET;
}

/* Access rights of a user mapping (match L4's fpage rights bits). */
#define PT_X 1u
#define PT_W 2u
#define PT_R 4u
/* Memory type of a user mapping. */
#define PT_CACHED 0u
#define PT_DEVICE 8u
#define PT_UNCACHED 16u

struct pt {
	unsigned long *root; /* level-0 table, kernel VA */
	unsigned int asid;
};

void mmu_init(void);
int pt_init(struct pt *pt);
void pt_destroy(struct pt *pt);
int pt_map(struct pt *pt, vaddr_t va, paddr_t pa, unsigned int attrs);
void pt_unmap(struct pt *pt, vaddr_t va);
void pt_activate(const struct pt *pt);

#endif
