// SPDX-License-Identifier: MIT
/* Radix tree from user page address to mapping node (see vtree.h). */
#include <kmem.h>
#include <vtree.h>

#define LEVELS 4
#define FANOUT 512u

static unsigned int idx(vaddr_t va, int level)
{
	return (va >> (39 - 9 * level)) & (FANOUT - 1);
}

int vtree_init(struct vtree *t)
{
	t->root = kmem_page_alloc();
	return t->root ? 0 : -1;
}

static void free_level(void **table, int level)
{
	unsigned int i;

	if (level < LEVELS - 1) {
		for (i = 0; i < FANOUT; i++) {
			if (table[i])
				free_level(table[i], level + 1);
		}
	}
	kmem_page_free(table);
}

void vtree_destroy(struct vtree *t)
{
	if (t->root)
		free_level(t->root, 0);
	t->root = NULL;
}

struct mapnode *vtree_get(const struct vtree *t, vaddr_t va)
{
	void **table = t->root;
	int level;

	for (level = 0; level < LEVELS - 1; level++) {
		table = table[idx(va, level)];
		if (!table)
			return NULL;
	}
	return table[idx(va, LEVELS - 1)];
}

int vtree_set(struct vtree *t, vaddr_t va, struct mapnode *n)
{
	void **table = t->root;
	int level;

	for (level = 0; level < LEVELS - 1; level++) {
		void **next = table[idx(va, level)];

		if (!next) {
			if (!n)
				return 0;
			next = kmem_page_alloc();
			if (!next)
				return -1;
			table[idx(va, level)] = next;
		}
		table = next;
	}
	table[idx(va, LEVELS - 1)] = n;
	return 0;
}

static void each_level(void **table, int level, vaddr_t base, vaddr_t start, vaddr_t end,
		       void (*fn)(struct mapnode *n, void *arg), void *arg)
{
	unsigned int shift = 39 - 9 * level, i;

	for (i = 0; i < FANOUT; i++) {
		vaddr_t lo = base + ((vaddr_t)i << shift);
		vaddr_t hi = lo + ((vaddr_t)1 << shift);

		if (!table[i] || hi <= start || lo >= end)
			continue;
		if (level == LEVELS - 1)
			fn(table[i], arg); /* may clear table[i]: read nothing after */
		else
			each_level(table[i], level + 1, lo, start, end, fn, arg);
	}
}

void vtree_each(struct vtree *t, vaddr_t start, vaddr_t end,
		void (*fn)(struct mapnode *n, void *arg), void *arg)
{
	each_level(t->root, 0, 0, start, end, fn, arg);
}
