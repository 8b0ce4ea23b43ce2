// SPDX-License-Identifier: MIT
/*
 * Split virtqueues from the device's side (virtio 1.x, spec 2.7): taking
 * a queue's configuration over from the shared page, popping descriptor
 * chains, pushing them to the used ring, and interrupt suppression.
 *
 * Everything in shared memory is the driver's to scribble on at any
 * time: the queue size and ring addresses are copied once at
 * CONFIG_QUEUE, every index and descriptor is read once into a local and
 * checked before use, and the device's own ring positions are private.
 */
#include <l4/sys/err.h>

#include "dev_internal.h"

static unsigned queue_bytes_avail(unsigned num)
{
	return 6 + 2 * num; /* flags, idx, ring[num], used_event */
}

static unsigned queue_bytes_used(unsigned num)
{
	return 6 + 8 * num; /* flags, idx, ring[num] of {id, len}, avail_event */
}

static int event_idx(struct l4virtio_dev *d)
{
	return !!(d->features & (1ull << DEV_F_EVENT_IDX));
}

long l4virtio_dev_config_queue(struct l4virtio_dev *d, unsigned qi)
{
	volatile l4virtio_config_queue_t *qc;
	struct l4virtio_dev_queue *q;
	l4_uint64_t da, aa, ua;
	unsigned num;

	if (qi >= d->nqueues)
		return -L4_ERANGE;
	qc = &l4virtio_config_queues(d->cfg)[qi];
	q = &d->q[qi];
	qc->num_max = (l4_uint16_t)d->queue_max; /* the driver may have overwritten it */
	if (!qc->ready) {
		__builtin_memset(q, 0, sizeof(*q));
		return 0;
	}
	if (!(d->status & L4VIRTIO_STATUS_FEATURES_OK) ||
	    (d->status & L4VIRTIO_STATUS_DEVICE_NEEDS_RESET))
		goto refuse_io;
	if (q->live)
		return 0; /* already running with the values it had; nothing to redo */
	num = qc->num;
	da = qc->desc_addr;
	aa = qc->avail_addr;
	ua = qc->used_addr;
	dev_mb();
	if (num == 0 || num > d->queue_max || (num & (num - 1)) || (da & 15) || (aa & 1) ||
	    (ua & 3))
		goto refuse;
	q->desc = l4virtio_dev_translate(d, da, 16ull * num);
	q->avail = l4virtio_dev_translate(d, aa, queue_bytes_avail(num));
	q->used = l4virtio_dev_translate(d, ua, queue_bytes_used(num));
	if (!q->desc || !q->avail || !q->used) {
		d->why = "queue rings outside the registered memory";
		goto refuse;
	}
	q->num = (l4_uint16_t)num;
	q->last_avail = q->used_idx = q->signalled = 0;
	/* Start from a clean used ring: the driver zeroed it, we make sure. */
	q->used[0] = 0;
	q->used[1] = 0;
	dev_mb();
	q->live = 1;
	if (l4virtio_dev_ready(d))
		d->ops->kick(d, qi);
	return 0;

refuse:
	__builtin_memset(q, 0, sizeof(*q));
	qc->ready = 0;
	return -L4_EINVAL;
refuse_io:
	__builtin_memset(q, 0, sizeof(*q));
	qc->ready = 0;
	return -L4_EIO;
}

int l4virtio_dev_pop(struct l4virtio_dev *d, unsigned qi, struct l4virtio_req *r)
{
	struct l4virtio_dev_queue *q;
	l4_uint16_t avail_idx, head, i;
	unsigned n = 0;
	int seen_write = 0;

	if (qi >= d->nqueues)
		return 0;
	if (d->status & L4VIRTIO_STATUS_DEVICE_NEEDS_RESET)
		return -L4_EIO;
	q = &d->q[qi];
	if (!q->live || !l4virtio_dev_ready(d))
		return 0;
	avail_idx = q->avail[1];
	if (avail_idx == q->last_avail) {
		if (!event_idx(d))
			return 0;
		/* Ask for a kick at the next buffer, then look once more (no lost kick). */
		q->used[2 + 4 * q->num] = q->last_avail;
		dev_mb();
		avail_idx = q->avail[1];
		if (avail_idx == q->last_avail)
			return 0;
	}
	if ((l4_uint16_t)(avail_idx - q->last_avail) > q->num)
		return l4virtio_dev_violation(d,
					      "available index moved by more than the queue size");
	dev_mb(); /* the ring entry after the index that published it */
	head = q->avail[2 + (q->last_avail & (q->num - 1))];
	if (head >= q->num)
		return l4virtio_dev_violation(d,
					      "available ring names a descriptor beyond the queue");
	for (i = head;;) {
		volatile struct l4virtio_vring_desc *vd = &q->desc[i];
		l4_uint64_t addr = vd->addr;
		l4_uint32_t len = vd->len;
		l4_uint16_t flags = vd->flags, next = vd->next;
		void *p;

		if (n >= q->num || n >= L4VIRTIO_MAX_SEGS)
			return l4virtio_dev_violation(d, "descriptor chain too long or looping");
		if (flags & DEV_DESC_F_INDIRECT)
			return l4virtio_dev_violation(d, "indirect descriptor (not negotiated)");
		p = l4virtio_dev_translate(d, addr, len);
		if (!p)
			return l4virtio_dev_violation(d,
						      "descriptor outside the registered memory");
		if (flags & DEV_DESC_F_WRITE)
			seen_write = 1;
		else if (seen_write)
			return l4virtio_dev_violation(d, "device-readable descriptor after a "
							 "device-writable one");
		r->seg[n].addr = p;
		r->seg[n].len = len;
		r->seg[n].device_writes = !!(flags & DEV_DESC_F_WRITE);
		n++;
		if (!(flags & DEV_DESC_F_NEXT))
			break;
		if (next >= q->num)
			return l4virtio_dev_violation(d, "descriptor chain links beyond the queue");
		i = next;
	}
	r->head = head;
	r->nseg = n;
	q->last_avail++;
	if (event_idx(d))
		q->used[2 + 4 * q->num] = q->last_avail;
	return 1;
}

void l4virtio_dev_push(struct l4virtio_dev *d, unsigned qi, const struct l4virtio_req *r,
		       l4_uint32_t written)
{
	struct l4virtio_dev_queue *q;
	volatile l4_uint32_t *elem;

	if (qi >= d->nqueues)
		return;
	q = &d->q[qi];
	/* A reset in between: the chain belongs to a driver state that is gone. */
	if (!q->live || r->head >= q->num)
		return;
	elem = (volatile l4_uint32_t *)(q->used + 2) + 2 * (q->used_idx & (q->num - 1));
	elem[0] = r->head;
	elem[1] = written;
	dev_mb(); /* the element before the index that publishes it */
	q->used_idx++;
	q->used[1] = q->used_idx;
}

void l4virtio_dev_notify(struct l4virtio_dev *d, unsigned qi)
{
	struct l4virtio_dev_queue *q;
	l4_uint16_t old, now;

	if (qi >= d->nqueues)
		return;
	q = &d->q[qi];
	if (!q->live || q->used_idx == q->signalled)
		return;
	dev_mb(); /* our used->idx store before reading what the driver wants */
	old = q->signalled;
	now = q->used_idx;
	q->signalled = now;
	if (event_idx(d)) {
		l4_uint16_t used_event = q->avail[2 + q->num];

		/* Spec 2.7.7.2: interrupt iff used_event lies in [old, now). */
		if ((l4_uint16_t)(now - used_event - 1) >= (l4_uint16_t)(now - old))
			return;
	} else if (q->avail[0] & DEV_AVAIL_F_NO_INTERRUPT) {
		return;
	}
	l4virtio_dev_irq(d, L4VIRTIO_IRQ_STATUS_VRING);
}

static l4_uint32_t req_copy(const struct l4virtio_req *r, l4_uint32_t off, l4_uint8_t *local,
			    l4_uint32_t len, int to_req)
{
	l4_uint32_t done = 0;

	for (unsigned s = 0; s < r->nseg && done < len; s++) {
		const struct l4virtio_seg *g = &r->seg[s];
		l4_uint32_t n;

		if (g->device_writes != to_req)
			continue;
		if (off >= g->len) {
			off -= g->len;
			continue;
		}
		n = g->len - off < len - done ? g->len - off : len - done;
		if (to_req)
			__builtin_memcpy((l4_uint8_t *)g->addr + off, local + done, n);
		else
			__builtin_memcpy(local + done, (l4_uint8_t *)g->addr + off, n);
		done += n;
		off = 0;
	}
	return done;
}

l4_uint32_t l4virtio_req_copy_from(const struct l4virtio_req *r, l4_uint32_t off, void *dst,
				   l4_uint32_t len)
{
	return req_copy(r, off, dst, len, 0);
}

l4_uint32_t l4virtio_req_copy_to(const struct l4virtio_req *r, l4_uint32_t off, const void *src,
				 l4_uint32_t len)
{
	return req_copy(r, off, (l4_uint8_t *)src, len, 1);
}
