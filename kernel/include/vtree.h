/* SPDX-License-Identifier: MIT */
/*
 * Per-task map from user page address to its mapping node: a four-level
 * radix tree over VA bits 47..12, shaped like the page table but holding
 * the kernel's bookkeeping rather than the hardware's descriptors.
 */
#ifndef KERNEL_VTREE_H
#define KERNEL_VTREE_H

#include <types.h>

struct mapnode;

struct vtree {
	void **root;
};

int vtree_init(struct vtree *t);
void vtree_destroy(struct vtree *t);
struct mapnode *vtree_get(const struct vtree *t, vaddr_t va);
/* Set the slot for va (NULL clears it); -1 when a table cannot be allocated. */
int vtree_set(struct vtree *t, vaddr_t va, struct mapnode *n);
/* Call fn on every node with start <= va < end, in address order. */
void vtree_each(struct vtree *t, vaddr_t start, vaddr_t end,
		void (*fn)(struct mapnode *n, void *arg), void *arg);

#endif
