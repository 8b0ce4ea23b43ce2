// SPDX-License-Identifier: MIT
/*
 * kmalloc and friends over the L4 half's allocator.  Each block has a
 * header of ARCH_KMALLOC_MINALIGN bytes (so the block keeps Linux's
 * alignment guarantee) holding its size, for ksize()/krealloc().  The
 * kmalloc caches exist only as the (empty) array that kmalloc()'s inline
 * fast path indexes: kmalloc_trace() uses the size alone.
 */
#include <linux/slab.h>
#include <linux/string.h>

#include "dde_linux.h"

#define HDR ARCH_KMALLOC_MINALIGN

struct kmem_cache *kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1];

static void *dde_kmalloc(size_t size)
{
	char *p;

	if (!size)
		return ZERO_SIZE_PTR;
	p = dde_l4_alloc(size + HDR, HDR); /* zero-filled: __GFP_ZERO is free */
	if (!p)
		return NULL;
	*(size_t *)p = size;
	return p + HDR;
}

void *__kmalloc(size_t size, gfp_t flags)
{
	return dde_kmalloc(size);
}

void *__kmalloc_node(size_t size, gfp_t flags, int node)
{
	return dde_kmalloc(size);
}

void *kmalloc_trace(struct kmem_cache *s, gfp_t flags, size_t size)
{
	return dde_kmalloc(size);
}

void *kmalloc_node_trace(struct kmem_cache *s, gfp_t gfpflags, int node, size_t size)
{
	return dde_kmalloc(size);
}

void *kmalloc_large(size_t size, gfp_t flags)
{
	return dde_kmalloc(size);
}

void *kmalloc_large_node(size_t size, gfp_t flags, int node)
{
	return dde_kmalloc(size);
}

void kfree(const void *p)
{
	if (ZERO_OR_NULL_PTR(p))
		return;
	dde_l4_free((char *)p - HDR);
}

void kfree_sensitive(const void *p)
{
	if (ZERO_OR_NULL_PTR(p))
		return;
	memzero_explicit((void *)p, *(size_t *)((const char *)p - HDR));
	kfree(p);
}

size_t __ksize(const void *p)
{
	if (ZERO_OR_NULL_PTR(p))
		return 0;
	return *(const size_t *)((const char *)p - HDR);
}

size_t ksize(const void *p)
{
	return __ksize(p);
}

void *krealloc(const void *p, size_t new_size, gfp_t flags)
{
	size_t old = __ksize(p);
	void *n;

	if (!new_size) {
		kfree(p);
		return ZERO_SIZE_PTR;
	}
	if (new_size <= old)
		return (void *)p;
	n = dde_kmalloc(new_size);
	if (n && old)
		memcpy(n, p, old);
	if (n)
		kfree(p);
	return n;
}

void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = dde_kmalloc(len);

	if (p && len)
		memcpy(p, src, len);
	return p;
}

char *kstrdup(const char *s, gfp_t gfp)
{
	return s ? kmemdup(s, strlen(s) + 1, gfp) : NULL;
}

char *kvasprintf(gfp_t gfp, const char *fmt, va_list ap)
{
	va_list aq;
	char *p;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	p = dde_kmalloc(n + 1);
	if (p)
		vsnprintf(p, n + 1, fmt, ap);
	return p;
}

char *kasprintf(gfp_t gfp, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = kvasprintf(gfp, fmt, ap);
	va_end(ap);
	return p;
}
