// SPDX-License-Identifier: MIT
/*
 * The DMA API with real physical addresses (no IOMMU: bus address =
 * physical address).  Coherent buffers are DMA dataspaces of the L4 half
 * (physically contiguous, pinned).  A streaming mapping of memory the
 * driver already has (kmalloc, pages, static data) maps to the physical
 * address behind it when the range is physically contiguous; when it is
 * not, the data goes through a bounce buffer (a DMA dataspace), copied
 * on map/unmap/sync as the direction says.  Devices are taken as cache
 * coherent (QEMU virt's PCIe is "dma-coherent"), so no cache maintenance.
 * struct page pointers are Linux's own vmemmap arithmetic
 * (virt_to_page/page_to_virt round-trip for our addresses; the struct
 * page itself is never touched).
 */
#include <linux/dma-mapping.h>
#include <linux/mm.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>

#include "dde_linux.h"

struct bounce {
	struct list_head list;
	void *orig, *buf;
	dma_addr_t addr;
	size_t size;
};

static DEFINE_SPINLOCK(bounce_lock);
static LIST_HEAD(bounces); /* under bounce_lock */

void *dma_alloc_attrs(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t flag,
		      unsigned long attrs)
{
	unsigned long long phys;
	void *p = dde_l4_dma_alloc(size, &phys);

	if (!p)
		return NULL;
	*dma_handle = phys;
	return p;
}

void dma_free_attrs(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_handle,
		    unsigned long attrs)
{
	dde_l4_dma_free(cpu_addr);
}

struct dmam_coherent {
	void *vaddr;
	size_t size;
	dma_addr_t dma_handle;
};

static void dmam_release(struct device *dev, void *res)
{
	struct dmam_coherent *d = res;

	dma_free_attrs(dev, d->size, d->vaddr, d->dma_handle, 0);
}

static int dmam_match(struct device *dev, void *res, void *data)
{
	return ((struct dmam_coherent *)res)->vaddr == data;
}

void *dmam_alloc_attrs(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t gfp,
		       unsigned long attrs)
{
	struct dmam_coherent *d = devres_alloc(dmam_release, sizeof(*d), gfp);
	void *p;

	if (!d)
		return NULL;
	p = dma_alloc_attrs(dev, size, dma_handle, gfp, attrs);
	if (!p) {
		devres_free(d);
		return NULL;
	}
	*d = (struct dmam_coherent){ .vaddr = p, .size = size, .dma_handle = *dma_handle };
	devres_add(dev, d);
	return p;
}

void dmam_free_coherent(struct device *dev, size_t size, void *vaddr, dma_addr_t dma_handle)
{
	WARN_ON(devres_release(dev, dmam_release, dmam_match, vaddr));
}

static struct bounce *bounce_find(dma_addr_t addr)
{
	struct bounce *b;

	list_for_each_entry(b, &bounces, list)
		if (addr >= b->addr && addr < b->addr + b->size)
			return b;
	return NULL;
}

static dma_addr_t map_virt(void *virt, size_t size, enum dma_data_direction dir)
{
	unsigned long long phys;
	unsigned long contig;
	unsigned long flags;
	struct bounce *b;

	if (!dde_l4_virt_to_phys(virt, &phys, &contig) && contig >= size)
		return phys;
	b = kzalloc(sizeof(*b), GFP_ATOMIC);
	if (!b)
		return DMA_MAPPING_ERROR;
	b->buf = dde_l4_dma_alloc(size, &phys);
	if (!b->buf) {
		kfree(b);
		return DMA_MAPPING_ERROR;
	}
	b->orig = virt;
	b->size = size;
	b->addr = phys;
	if (dir == DMA_TO_DEVICE || dir == DMA_BIDIRECTIONAL)
		memcpy(b->buf, virt, size);
	spin_lock_irqsave(&bounce_lock, flags);
	list_add(&b->list, &bounces);
	spin_unlock_irqrestore(&bounce_lock, flags);
	return b->addr;
}

static void unmap_addr(dma_addr_t addr, enum dma_data_direction dir)
{
	unsigned long flags;
	struct bounce *b;

	spin_lock_irqsave(&bounce_lock, flags);
	b = bounce_find(addr);
	if (b)
		list_del(&b->list);
	spin_unlock_irqrestore(&bounce_lock, flags);
	if (!b)
		return; /* mapped in place: nothing to undo */
	if (dir == DMA_FROM_DEVICE || dir == DMA_BIDIRECTIONAL)
		memcpy(b->orig, b->buf, b->size);
	dde_l4_dma_free(b->buf);
	kfree(b);
}

/* Copies a bounced range [addr, addr + size) towards the CPU or the device. */
static void sync_addr(dma_addr_t addr, size_t size, bool to_device)
{
	unsigned long flags;
	struct bounce *b;
	size_t off;

	spin_lock_irqsave(&bounce_lock, flags);
	b = bounce_find(addr);
	if (b) {
		off = addr - b->addr;
		size = min(size, b->size - off);
		if (to_device)
			memcpy(b->buf + off, b->orig + off, size);
		else
			memcpy(b->orig + off, b->buf + off, size);
	}
	spin_unlock_irqrestore(&bounce_lock, flags);
}

dma_addr_t dma_map_page_attrs(struct device *dev, struct page *page, size_t offset, size_t size,
			      enum dma_data_direction dir, unsigned long attrs)
{
	return map_virt(page_to_virt(page) + offset, size, dir);
}

void dma_unmap_page_attrs(struct device *dev, dma_addr_t addr, size_t size,
			  enum dma_data_direction dir, unsigned long attrs)
{
	unmap_addr(addr, dir);
}

/* The entry after sg, following chain links; NULL after the last. */
struct scatterlist *sg_next(struct scatterlist *sg)
{
	if (sg_is_last(sg))
		return NULL;
	sg++;
	return sg_is_chain(sg) ? sg_chain_ptr(sg) : sg;
}

unsigned int dma_map_sg_attrs(struct device *dev, struct scatterlist *sg, int nents,
			      enum dma_data_direction dir, unsigned long attrs)
{
	struct scatterlist *s;
	int i, j;

	for_each_sg(sg, s, nents, i)
	{
		s->dma_address = map_virt(sg_virt(s), s->length, dir);
		if (s->dma_address == DMA_MAPPING_ERROR) {
			for_each_sg(sg, s, i, j) unmap_addr(s->dma_address, dir);
			return 0;
		}
		sg_dma_len(s) = s->length;
	}
	return nents;
}

void dma_unmap_sg_attrs(struct device *dev, struct scatterlist *sg, int nents,
			enum dma_data_direction dir, unsigned long attrs)
{
	struct scatterlist *s;
	int i;

	for_each_sg(sg, s, nents, i) unmap_addr(s->dma_address, dir);
}

void dma_sync_single_for_cpu(struct device *dev, dma_addr_t addr, size_t size,
			     enum dma_data_direction dir)
{
	if (dir == DMA_FROM_DEVICE || dir == DMA_BIDIRECTIONAL)
		sync_addr(addr, size, false);
}

void dma_sync_single_for_device(struct device *dev, dma_addr_t addr, size_t size,
				enum dma_data_direction dir)
{
	if (dir == DMA_TO_DEVICE || dir == DMA_BIDIRECTIONAL)
		sync_addr(addr, size, true);
}

void dma_sync_sg_for_cpu(struct device *dev, struct scatterlist *sg, int nelems,
			 enum dma_data_direction dir)
{
	struct scatterlist *s;
	int i;

	for_each_sg(sg, s, nelems, i) dma_sync_single_for_cpu(dev, s->dma_address, s->length, dir);
}

void dma_sync_sg_for_device(struct device *dev, struct scatterlist *sg, int nelems,
			    enum dma_data_direction dir)
{
	struct scatterlist *s;
	int i;

	for_each_sg(sg, s, nelems, i)
		dma_sync_single_for_device(dev, s->dma_address, s->length, dir);
}

int dma_set_mask(struct device *dev, u64 mask)
{
	/* Linux's rule: a device without a mask pointer cannot do DMA. */
	if (!dev->dma_mask)
		return -EIO;
	*dev->dma_mask = mask;
	return 0;
}

int dma_set_coherent_mask(struct device *dev, u64 mask)
{
	dev->coherent_dma_mask = mask;
	return 0;
}

/* Any size: streaming mappings are the memory itself or a bounce buffer of that size. */
size_t dma_max_mapping_size(struct device *dev)
{
	return SIZE_MAX;
}

/* Devices are coherent (see above): syncs have nothing to do. */
bool dma_need_sync(struct device *dev, dma_addr_t dma_addr)
{
	return false;
}
