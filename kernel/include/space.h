/* SPDX-License-Identifier: MIT */
/*
 * Memory and capability transfer between tasks: the operations behind map
 * items, grant, unmap and page-fault resolution.  All of them validate
 * first and change state only when the whole request is valid.
 */
#ifndef KERNEL_SPACE_H
#define KERNEL_SPACE_H

#include <types.h>

struct task;
struct mapnode;

/* Validated flexpage: a naturally aligned power-of-two range. */
struct fpage {
	unsigned int type;  /* L4_FPAGE_MEMORY or L4_FPAGE_OBJ */
	unsigned int order; /* log2 of the size in bytes (memory) or in slots (caps) */
	uint64_t base;	    /* address (memory) or capability index (caps) */
	unsigned int rights;
};

/*
 * Decode a flexpage word.  Memory sizes are clamped to the 48-bit user space
 * and capability ranges to the table size.  With `window`, l4_fpage_all()
 * (type special, order 63) is accepted and left as type special.
 */
bool fpage_decode(unsigned long raw, struct fpage *fp, bool window);

/*
 * Map (or grant) the part of src's snd fpage selected by snd_base into dst's
 * receive window (L4 hot-spot rule when the sizes differ).  snd_base is an
 * address for memory and a capability selector (index << L4_CAP_SHIFT) for
 * capabilities, as in the send item.  Returns 0 or a
 * negative L4_E* code; nothing changes on error.
 */
int space_transfer(struct task *src, const struct fpage *snd, uint64_t snd_base, struct task *dst,
		   const struct fpage *rcv, bool grant);
/* Revoke rights of fpage in t's children (and in t itself when self). */
void space_unmap(struct task *t, const struct fpage *fp, bool self);

/* Give t a root mapping (no parent) of the page at pa. */
int space_root_page(struct task *t, vaddr_t va, paddr_t pa, unsigned int rights);
/* sigma0: map the page at pa 1:1 if sigma0 owns it. */
int space_sigma0_fault(struct task *sigma0, vaddr_t va);
/* Mark physical ranges the kernel keeps (sigma0 never gets them). */
void space_reserve_phys(paddr_t start, paddr_t end);
void space_set_ram(paddr_t start, paddr_t end);

#endif
