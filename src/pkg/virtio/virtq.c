// SPDX-License-Identifier: MIT
/*
 * Split virtqueues (virtio 1.x, spec 2.7): laying the rings out, building
 * descriptor chains from the free list, publishing them in the available
 * ring, reclaiming them from the used ring, and the two notification
 * suppression schemes (the flags fields, or VIRTIO_F_EVENT_IDX's
 * used_event/avail_event).
 *
 * Indices in the rings are free-running 16-bit counters (they wrap at
 * 65536, not at the queue size); the queue size is a power of two so
 * "idx & (num - 1)" picks the ring slot across the wrap.
 */
#include <l4/virtio/virtio.h>
#include <l4/virtio/virtq.h>

#include "virtio_arch.h"

/* The used ring starts on its own cache line: the device writes it. */
#define VIRTQ_USED_ALIGN 64u

/* Shared index and flag words are read and written exactly once, as a whole. */
static inline uint16_t shared_read16(const uint16_t *p)
{
	return *(const volatile uint16_t *)p;
}

static inline void shared_write16(uint16_t *p, uint16_t v)
{
	*(volatile uint16_t *)p = v;
}

static size_t avail_off(unsigned num)
{
	return (size_t)num * sizeof(struct virtq_desc);
}

static size_t used_off(unsigned num)
{
	/* avail: flags, idx, ring[num], used_event */
	size_t end = avail_off(num) + 4 + 2 * (size_t)num + 2;

	return (end + VIRTQ_USED_ALIGN - 1) & ~(size_t)(VIRTQ_USED_ALIGN - 1);
}

size_t virtq_ring_bytes(unsigned num)
{
	/* used: flags, idx, ring[num], avail_event */
	return used_off(num) + 4 + sizeof(struct virtq_used_elem) * (size_t)num + 2;
}

/* used_event lives after the available ring, avail_event after the used ring. */
static uint16_t *used_event(struct virtq *vq)
{
	return &vq->avail->ring[vq->num];
}

static uint16_t *avail_event(struct virtq *vq)
{
	return (uint16_t *)&vq->used->ring[vq->num];
}

int virtq_init(struct virtq *vq, unsigned num, void *ring, uint64_t ring_phys, bool event_idx)
{
	unsigned char *mem = ring;

	if (!vq || !ring || num == 0 || num > VIRTQ_MAX_SIZE || (num & (num - 1)) ||
	    (ring_phys & 15) || ((uintptr_t)ring & 15))
		return -L4_EINVAL;
	for (size_t i = 0; i < virtq_ring_bytes(num); i++)
		mem[i] = 0;
	vq->desc = ring;
	vq->avail = (struct virtq_avail *)(mem + avail_off(num));
	vq->used = (struct virtq_used *)(mem + used_off(num));
	vq->desc_phys = ring_phys;
	vq->avail_phys = ring_phys + avail_off(num);
	vq->used_phys = ring_phys + used_off(num);
	vq->num = (uint16_t)num;
	vq->num_free = (uint16_t)num;
	vq->free_head = 0;
	vq->avail_idx = 0;
	vq->last_used = 0;
	vq->kicked_avail = 0;
	vq->event_idx = event_idx;
	vq->intr_enabled = true;
	vq->broken = false;
	for (unsigned i = 0; i < num; i++) {
		vq->slot[i].token = NULL;
		vq->slot[i].next = (uint16_t)((i + 1) & (num - 1));
		vq->slot[i].len = 0;
	}
	return 0;
}

static bool chain_ordered(const struct virtq_buf *bufs, unsigned n)
{
	bool writing = false;

	for (unsigned i = 0; i < n; i++) {
		if (writing && !bufs[i].device_writes)
			return false;
		writing = bufs[i].device_writes;
	}
	return true;
}

int virtq_add(struct virtq *vq, const struct virtq_buf *bufs, unsigned n, void *token)
{
	uint16_t head, i;

	if (vq->broken)
		return -L4_EIO;
	if (n == 0 || n > vq->num || !token || !chain_ordered(bufs, n))
		return -L4_EINVAL;
	if (n > vq->num_free)
		return -L4_EAGAIN;

	/*
	 * The chain follows the free list, so the private links already say
	 * where each descriptor's successor is; the shared next fields get a
	 * copy of them for the device.
	 */
	head = i = vq->free_head;
	for (unsigned k = 0; k < n; k++) {
		struct virtq_desc *d = &vq->desc[i];
		bool more = k + 1 < n;

		d->addr = bufs[k].phys;
		d->len = bufs[k].len;
		d->flags = (uint16_t)((bufs[k].device_writes ? VIRTQ_DESC_F_WRITE : 0) |
				      (more ? VIRTQ_DESC_F_NEXT : 0));
		d->next = more ? vq->slot[i].next : 0;
		i = vq->slot[i].next;
	}
	vq->free_head = i;
	vq->num_free = (uint16_t)(vq->num_free - n);
	vq->slot[head].token = token;
	vq->slot[head].len = (uint16_t)n;

	vq->avail->ring[vq->avail_idx & (vq->num - 1)] = head;
	/* Descriptors and ring entry must be visible before the index that exposes them. */
	virtio_wmb();
	vq->avail_idx++;
	shared_write16(&vq->avail->idx, vq->avail_idx);
	return 0;
}

/*
 * Spec 2.7.10 (EVENT_IDX): the other side asked to hear about the index
 * passing event; did the move from old to new pass it?
 */
static bool need_event(uint16_t event, uint16_t new_idx, uint16_t old_idx)
{
	return (uint16_t)(new_idx - event - 1) < (uint16_t)(new_idx - old_idx);
}

bool virtq_kick_prepare(struct virtq *vq)
{
	uint16_t old_idx = vq->kicked_avail, new_idx = vq->avail_idx;

	/*
	 * The new avail->idx must be visible before we read the device's
	 * suppression state, or we could miss a device that just went to
	 * sleep (spec 2.7.13.4: a full barrier, store then load).
	 */
	virtio_mb();
	vq->kicked_avail = new_idx;
	if (vq->event_idx)
		return need_event(shared_read16(avail_event(vq)), new_idx, old_idx);
	return !(shared_read16(&vq->used->flags) & VIRTQ_USED_F_NO_NOTIFY);
}

bool virtq_has_used(const struct virtq *vq)
{
	return shared_read16(&vq->used->idx) != vq->last_used;
}

static int broken(struct virtq *vq)
{
	vq->broken = true;
	return -L4_EIO;
}

int virtq_get_used(struct virtq *vq, void **token, uint32_t *len)
{
	const volatile struct virtq_used_elem *e;
	uint16_t used_idx, id, last;
	uint32_t raw_id, written;

	if (vq->broken)
		return -L4_EIO;
	used_idx = shared_read16(&vq->used->idx);
	if (used_idx == vq->last_used)
		return 0;
	/* More completions than chains can be in flight: the index is garbage. */
	if ((uint16_t)(used_idx - vq->last_used) > vq->num)
		return broken(vq);
	/* The entry is only valid once we have seen the index that covers it. */
	virtio_rmb();
	e = &vq->used->ring[vq->last_used & (vq->num - 1)];
	raw_id = e->id;
	written = e->len;
	if (raw_id >= vq->num || !vq->slot[raw_id].token)
		return broken(vq);
	id = (uint16_t)raw_id;

	/* Return the chain to the free list, by the private links. */
	last = id;
	for (unsigned k = 1; k < vq->slot[id].len; k++)
		last = vq->slot[last].next;
	vq->slot[last].next = vq->free_head;
	vq->free_head = id;
	vq->num_free = (uint16_t)(vq->num_free + vq->slot[id].len);

	*token = vq->slot[id].token;
	if (len)
		*len = written;
	vq->slot[id].token = NULL;
	vq->slot[id].len = 0;
	vq->last_used++;
	/* Keep interrupts coming for the next entry while they are wanted. */
	if (vq->event_idx && vq->intr_enabled)
		shared_write16(used_event(vq), vq->last_used);
	return 1;
}

void virtq_disable_intr(struct virtq *vq)
{
	vq->intr_enabled = false;
	if (vq->event_idx)
		/* An event the device has already passed: no interrupt until re-enabled. */
		shared_write16(used_event(vq), (uint16_t)(vq->last_used - 1));
	else
		shared_write16(&vq->avail->flags, VIRTQ_AVAIL_F_NO_INTERRUPT);
}

bool virtq_enable_intr(struct virtq *vq)
{
	vq->intr_enabled = true;
	if (vq->event_idx)
		shared_write16(used_event(vq), vq->last_used);
	else
		shared_write16(&vq->avail->flags, 0);
	/* Publish the request before checking, or a completion could slip between. */
	virtio_mb();
	return virtq_has_used(vq);
}
