// SPDX-License-Identifier: MIT
/*
 * Page fragments (netdev_alloc_frag, napi_alloc_frag, page_frag_free):
 * the receive buffers drivers hand to their devices and later wrap into
 * an skb (napi_build_skb).  Linux carves them from pages and frees them
 * by any address inside (skb_free_frag of data + headroom), finding the
 * page.  Here they are slots of one size (a power of two, at least a
 * cache line) in chunks of DMA memory (physically contiguous, pinned:
 * no bounce buffer on dma_map_single), so any address inside a slot
 * finds its chunk and its slot.  Slots never cross their own alignment,
 * which keeps drivers' 64 KiB-boundary checks happy.
 */
#include <linux/gfp.h>
#include <linux/log2.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#include "dde_linux.h"

#define FRAG_CHUNK (128 * 1024)
#define FRAG_MIN SMP_CACHE_BYTES
#define FRAG_SLOTS_MAX (FRAG_CHUNK / FRAG_MIN)

struct frag_chunk {
	struct list_head list;
	char *base;
	unsigned int slot, nslots, used;
	unsigned long busy[BITS_TO_LONGS(FRAG_SLOTS_MAX)];
};

static DEFINE_SPINLOCK(frag_lock);
static LIST_HEAD(chunks); /* under frag_lock */

static struct frag_chunk *chunk_new(unsigned int slot)
{
	struct frag_chunk *c = kzalloc(sizeof(*c), GFP_ATOMIC);
	unsigned long long phys;

	if (!c)
		return NULL;
	c->base = dde_l4_dma_alloc(FRAG_CHUNK, &phys);
	if (!c->base) {
		kfree(c);
		return NULL;
	}
	c->slot = slot;
	c->nslots = FRAG_CHUNK / slot;
	return c;
}

/* A free slot of c, marked busy; NULL if full.  Under frag_lock. */
static void *slot_take(struct frag_chunk *c)
{
	unsigned int i;

	if (c->used == c->nslots)
		return NULL;
	for (i = 0; i < c->nslots; i++) {
		if (!test_bit(i, c->busy)) {
			__set_bit(i, c->busy);
			c->used++;
			return c->base + (size_t)i * c->slot;
		}
	}
	return NULL;
}

static void *frag_alloc(unsigned int fragsz, unsigned int align_mask)
{
	unsigned int align = ~align_mask + 1; /* align_mask is -align; ~0: none */
	unsigned int slot = max_t(unsigned int, fragsz, FRAG_MIN);
	struct frag_chunk *c, *fresh = NULL;
	unsigned long flags;
	void *p = NULL;

	slot = roundup_pow_of_two(max(slot, align));
	if (!fragsz || slot > FRAG_CHUNK)
		return NULL;
	spin_lock_irqsave(&frag_lock, flags);
	list_for_each_entry(c, &chunks, list) {
		/* cppcheck does not know list_for_each_entry: the entry is set */
		// cppcheck-suppress uninitvar
		if (c->slot == slot) {
			p = slot_take(c);
			if (p)
				break;
		}
	}
	spin_unlock_irqrestore(&frag_lock, flags);
	if (p)
		return p;
	fresh = chunk_new(slot); /* outside the lock: asks moe */
	if (!fresh)
		return NULL;
	spin_lock_irqsave(&frag_lock, flags);
	list_add(&fresh->list, &chunks);
	p = slot_take(fresh);
	spin_unlock_irqrestore(&frag_lock, flags);
	return p;
}

void *__netdev_alloc_frag_align(unsigned int fragsz, unsigned int align_mask)
{
	return frag_alloc(fragsz, align_mask);
}

void *__napi_alloc_frag_align(unsigned int fragsz, unsigned int align_mask)
{
	return frag_alloc(fragsz, align_mask);
}

void page_frag_free(void *addr)
{
	char *a = addr;
	struct frag_chunk *c;
	unsigned long flags;
	unsigned int i;

	spin_lock_irqsave(&frag_lock, flags);
	list_for_each_entry(c, &chunks, list) {
		/* cppcheck does not know list_for_each_entry: the entry is set */
		// cppcheck-suppress uninitvar
		if (a < c->base || a >= c->base + FRAG_CHUNK)
			continue;
		i = (a - c->base) / c->slot;
		if (__test_and_clear_bit(i, c->busy))
			c->used--;
		else
			WARN(1, "page_frag_free: %px is not allocated\n", addr);
		spin_unlock_irqrestore(&frag_lock, flags);
		return;
	}
	spin_unlock_irqrestore(&frag_lock, flags);
	WARN(1, "page_frag_free: %px is no page fragment\n", addr);
}
