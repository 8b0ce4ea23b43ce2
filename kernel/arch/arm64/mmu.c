// SPDX-License-Identifier: MIT
/*
 * EL0 page tables: 4 KiB granule, four levels, 48-bit VA, one table per task
 * in TTBR0_EL2 tagged with an ASID.  Page-table pages come from the kernel
 * pool; they are freed when the task's space is destroyed.  Leaves are always
 * 4 KiB pages: the mapping database tracks pages, and keeping the hardware
 * tables in the same shape keeps unmap exact.
 */
#include <arch/mmu.h>
#include <arch/sysreg.h>
#include <kmem.h>
#include <panic.h>
#include <kstring.h>

#define PTE_VALID (1UL << 0)
#define PTE_TABLE (1UL << 1)
#define PTE_PAGE (3UL << 0)
#define PTE_ATTR(i) ((unsigned long)(i) << 2)
#define PTE_AP_EL0 (1UL << 6)
#define PTE_AP_RO (1UL << 7)
#define PTE_SH_INNER (3UL << 8)
#define PTE_AF (1UL << 10)
#define PTE_NG (1UL << 11)
#define PTE_PXN (1UL << 53)
#define PTE_UXN (1UL << 54)
#define PTE_ADDR_MASK 0x0000FFFFFFFFF000UL

#define NR_ASIDS 65536u

static unsigned long asid_map[NR_ASIDS / 64];
static unsigned int asid_limit;

void mmu_init(void)
{
	unsigned long mmfr0 = read_sysreg(id_aa64mmfr0_el1);

	asid_limit = ((mmfr0 >> 4) & 0xf) == 2 ? NR_ASIDS : 256u;
	asid_map[0] = 1; /* ASID 0: the kernel's boot identity map */
	/* The identity map is no longer needed: only TTBR1 is used now. */
	write_sysreg(ttbr0_el2, 0);
	isb();
	__asm__ volatile("tlbi vmalle1\n dsb ish\n isb" ::: "memory");
}

static unsigned int asid_alloc(void)
{
	unsigned int i;

	for (i = 1; i < asid_limit; i++) {
		if (!(asid_map[i / 64] & (1UL << (i % 64)))) {
			asid_map[i / 64] |= 1UL << (i % 64);
			return i;
		}
	}
	return 0;
}

static void asid_free(unsigned int asid)
{
	/* Drop every TLB entry of the ASID before it can be handed out again. */
	__asm__ volatile(
		"dsb ishst\n tlbi aside1is, %0\n dsb ish\n isb" ::"r"((unsigned long)asid << 48)
		: "memory");
	asid_map[asid / 64] &= ~(1UL << (asid % 64));
}

int pt_init(struct pt *pt)
{
	pt->asid = asid_alloc();
	if (!pt->asid)
		return -1;
	pt->root = kmem_page_alloc();
	if (!pt->root) {
		asid_free(pt->asid);
		return -1;
	}
	return 0;
}

static void free_table(unsigned long *table, int level)
{
	unsigned int i;

	if (level < 3) {
		for (i = 0; i < 512; i++) {
			if ((table[i] & 3) == (PTE_VALID | PTE_TABLE))
				free_table(phys_to_virt(table[i] & PTE_ADDR_MASK), level + 1);
		}
	}
	kmem_page_free(table);
}

void pt_destroy(struct pt *pt)
{
	if (!pt->root)
		return;
	free_table(pt->root, 0);
	asid_free(pt->asid);
	pt->root = NULL;
}

static unsigned int pt_index(vaddr_t va, int level)
{
	return (va >> (39 - 9 * level)) & 511;
}

/* The level-3 entry for va, allocating intermediate tables when asked. */
static unsigned long *walk(struct pt *pt, vaddr_t va, bool alloc)
{
	unsigned long *table = pt->root;
	int level;

	for (level = 0; level < 3; level++) {
		unsigned long *e = &table[pt_index(va, level)];

		if (!(*e & PTE_VALID)) {
			unsigned long *next;

			if (!alloc)
				return NULL;
			next = kmem_page_alloc();
			if (!next)
				return NULL;
			dsb(ishst);
			*e = virt_to_phys(next) | PTE_VALID | PTE_TABLE;
		}
		table = phys_to_virt(*e & PTE_ADDR_MASK);
	}
	return &table[pt_index(va, 3)];
}

static void tlb_flush_page(const struct pt *pt, vaddr_t va)
{
	unsigned long arg = ((unsigned long)pt->asid << 48) | ((va >> 12) & 0xFFFFFFFFFFUL);

	__asm__ volatile("dsb ishst\n tlbi vae1is, %0\n dsb ish\n isb" ::"r"(arg) : "memory");
}

int pt_map(struct pt *pt, vaddr_t va, paddr_t pa, unsigned int attrs)
{
	unsigned long *e = walk(pt, va, true);
	unsigned long pte;
	bool had;

	if (!e)
		return -1;
	pte = (pa & PTE_ADDR_MASK) | PTE_PAGE | PTE_AF | PTE_NG | PTE_AP_EL0 | PTE_PXN;
	if (!(attrs & PT_W))
		pte |= PTE_AP_RO;
	if (!(attrs & PT_X))
		pte |= PTE_UXN;
	if (attrs & PT_DEVICE)
		pte |= PTE_ATTR(MAIR_IDX_DEVICE) | PTE_UXN;
	else if (attrs & PT_UNCACHED)
		pte |= PTE_ATTR(MAIR_IDX_NC) | PTE_SH_INNER;
	else
		pte |= PTE_ATTR(MAIR_IDX_NORMAL) | PTE_SH_INNER;
	had = *e & PTE_VALID;
	if (had && *e != pte) {
		/* Break-before-make: never let two translations coexist. */
		*e = 0;
		tlb_flush_page(pt, va);
	}
	*e = pte;
	dsb(ishst);
	isb();
	return 0;
}

void pt_unmap(struct pt *pt, vaddr_t va)
{
	unsigned long *e = walk(pt, va, false);

	if (!e || !(*e & PTE_VALID))
		return;
	*e = 0;
	tlb_flush_page(pt, va);
}

void pt_activate(const struct pt *pt)
{
	write_sysreg(ttbr0_el2, virt_to_phys(pt->root) | ((unsigned long)pt->asid << 48));
	isb();
}
