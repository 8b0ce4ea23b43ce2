// SPDX-License-Identifier: MIT
/*
 * Page allocation and vmalloc.  Pages are DMA memory of the L4 half (a
 * physically contiguous, pinned dataspace per allocation, page-aligned),
 * since drivers hand pages to devices; a struct page pointer is Linux's
 * vmemmap arithmetic on the address (virt_to_page/page_address), never
 * dereferenced by dde-linux.  A block is freed whole, from its first page.
 * vmalloc memory is virtually contiguous heap memory, page-aligned.
 */
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>

#include "dde_linux.h"

static void *pages_alloc(size_t size)
{
	unsigned long long phys;

	return dde_l4_dma_alloc(size, &phys); /* zero-filled */
}

unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order)
{
	return (unsigned long)pages_alloc(PAGE_SIZE << order);
}

unsigned long get_zeroed_page(gfp_t gfp_mask)
{
	return __get_free_pages(gfp_mask, 0);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		dde_l4_dma_free((void *)addr);
}

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	void *p = pages_alloc(PAGE_SIZE << order);

	return p ? virt_to_page(p) : NULL;
}

struct page *__alloc_pages(gfp_t gfp, unsigned int order, int preferred_nid, nodemask_t *nodemask)
{
	return alloc_pages(gfp, order);
}

void __free_pages(struct page *page, unsigned int order)
{
	dde_l4_dma_free(page_to_virt(page));
}

void *alloc_pages_exact(size_t size, gfp_t gfp_mask)
{
	return pages_alloc(size);
}

void free_pages_exact(void *virt, size_t size)
{
	dde_l4_dma_free(virt);
}

void *vmalloc(unsigned long size)
{
	return dde_l4_alloc(size, PAGE_SIZE); /* zero-filled */
}

void *vzalloc(unsigned long size)
{
	return vmalloc(size);
}

void *vmalloc_node(unsigned long size, int node)
{
	return vmalloc(size);
}

void *vzalloc_node(unsigned long size, int node)
{
	return vmalloc(size);
}

void *vmalloc_array(size_t n, size_t size)
{
	size_t bytes;

	if (check_mul_overflow(n, size, &bytes))
		return NULL;
	return vmalloc(bytes);
}

void *vcalloc(size_t n, size_t size)
{
	return vmalloc_array(n, size);
}

void vfree(const void *addr)
{
	if (addr)
		dde_l4_free((void *)addr);
}

/*
 * vmalloc memory is heap memory here, not a separate address range, so
 * no address is told apart as vmalloc's (the DMA API's warning about
 * mapping vmalloc memory never fires).
 */
bool is_vmalloc_addr(const void *x)
{
	return false;
}
