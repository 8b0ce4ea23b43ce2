// SPDX-License-Identifier: MIT
/*
 * Kernel memory: a free list of 4 KiB pages, and power-of-two size classes
 * (32 B .. 2 KiB) carved from pages for small objects.  Freed objects go back
 * to their class list; freed pages to the page list.  Single CPU, interrupts
 * off in the kernel: no locking yet (SMP will need a per-CPU cache here).
 */
#include <kmem.h>
#include <panic.h>
#include <kstring.h>

#define KMEM_PAGE 4096u
#define MIN_SHIFT 5
#define MAX_SHIFT 11
#define NR_CLASSES (MAX_SHIFT - MIN_SHIFT + 1)

struct free_node {
	struct free_node *next;
};

static struct free_node *free_pages;
static struct free_node *free_objs[NR_CLASSES];
static size_t bytes_in_use;
static volatile uint64_t *in_use_export;

void kmem_export_in_use(volatile uint64_t *where)
{
	in_use_export = where;
	*where = bytes_in_use;
}

/* Every change of the figure is published (the KIP field user land reads). */
static void account(long delta)
{
	bytes_in_use += (size_t)delta;
	if (in_use_export)
		*in_use_export = bytes_in_use;
}

void kmem_add_region(void *start, size_t size)
{
	uintptr_t a = ALIGN_UP((uintptr_t)start, KMEM_PAGE);
	uintptr_t end = ALIGN_DOWN((uintptr_t)start + size, KMEM_PAGE);

	for (; a < end; a += KMEM_PAGE) {
		struct free_node *n = (struct free_node *)a;

		n->next = free_pages;
		free_pages = n;
	}
}

static void *page_take(void)
{
	struct free_node *n = free_pages;

	if (!n)
		return NULL;
	free_pages = n->next;
	return n;
}

void *kmem_page_alloc(void)
{
	void *p = page_take();

	if (p) {
		memset(p, 0, KMEM_PAGE);
		account(KMEM_PAGE);
	}
	return p;
}

void kmem_page_free(void *page)
{
	struct free_node *n = page;

	BUG_ON((uintptr_t)page & (KMEM_PAGE - 1));
	n->next = free_pages;
	free_pages = n;
	account(-(long)KMEM_PAGE);
}

static unsigned int size_class(size_t size)
{
	unsigned int c = 0;

	while ((1u << (c + MIN_SHIFT)) < size)
		c++;
	return c;
}

void *kmem_alloc(size_t size)
{
	unsigned int c;
	struct free_node *n;

	if (size > (1u << MAX_SHIFT))
		return size <= KMEM_PAGE ? kmem_page_alloc() : NULL;
	c = size_class(size);
	if (!free_objs[c]) {
		/* Split a fresh page into objects of this class. */
		char *page = page_take();
		size_t sz = 1u << (c + MIN_SHIFT), off;

		if (!page)
			return NULL;
		for (off = 0; off < KMEM_PAGE; off += sz) {
			n = (struct free_node *)(page + off);
			n->next = free_objs[c];
			free_objs[c] = n;
		}
	}
	n = free_objs[c];
	free_objs[c] = n->next;
	account(1L << (c + MIN_SHIFT));
	memset(n, 0, 1u << (c + MIN_SHIFT));
	return n;
}

void kmem_free(void *p, size_t size)
{
	unsigned int c;
	struct free_node *n = p;

	if (!p)
		return;
	if (size > (1u << MAX_SHIFT)) {
		kmem_page_free(p);
		return;
	}
	c = size_class(size);
	n->next = free_objs[c];
	free_objs[c] = n;
	account(-(1L << (c + MIN_SHIFT)));
}

size_t kmem_in_use(void)
{
	return bytes_in_use;
}
