/* SPDX-License-Identifier: MIT */
/*
 * Split virtqueues (virtio 1.x, spec 2.7): the descriptor table, the
 * available ring the driver fills and the used ring the device fills, all
 * in one piece of device-reachable memory, plus the driver's private
 * bookkeeping (free descriptors, which request owns which chain).
 *
 * The driver owns the descriptor table and the available ring, the device
 * owns the used ring.  The library never trusts what it reads back from
 * shared memory for its own bookkeeping: free-list links and chain lengths
 * are kept in driver-private memory (struct virtq_slot), so a device that
 * scribbles over descriptors or reports a bogus id cannot corrupt the free
 * list; it only makes virtq_get_used() report -L4_EIO and mark the queue
 * broken.
 *
 * One thread drives a queue; nothing here locks.
 */
#ifndef L4_VIRTIO_VIRTQ_H
#define L4_VIRTIO_VIRTQ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Largest queue this library sets up; the private state is sized by it. */
#define VIRTQ_MAX_SIZE 256u

/* Shared layouts (spec 2.7.5, 2.7.6, 2.7.8).  All fields little-endian. */
struct virtq_desc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags;
	uint16_t next;
};
#define VIRTQ_DESC_F_NEXT 1u	 /* the chain continues at next */
#define VIRTQ_DESC_F_WRITE 2u	 /* device writes this buffer (else reads) */
#define VIRTQ_DESC_F_INDIRECT 4u /* not used by this library */

struct virtq_avail {
	uint16_t flags;
	uint16_t idx;
	uint16_t ring[]; /* num entries, then uint16_t used_event */
};
#define VIRTQ_AVAIL_F_NO_INTERRUPT 1u

struct virtq_used_elem {
	uint32_t id;  /* head of the chain the device is done with */
	uint32_t len; /* bytes the device wrote into the chain */
};

struct virtq_used {
	uint16_t flags;
	uint16_t idx;
	struct virtq_used_elem ring[]; /* num entries, then uint16_t avail_event */
};
#define VIRTQ_USED_F_NO_NOTIFY 1u

_Static_assert(sizeof(struct virtq_desc) == 16, "virtq_desc layout");
_Static_assert(offsetof(struct virtq_desc, len) == 8, "virtq_desc.len");
_Static_assert(offsetof(struct virtq_desc, next) == 14, "virtq_desc.next");
_Static_assert(sizeof(struct virtq_avail) == 4, "virtq_avail header");
_Static_assert(sizeof(struct virtq_used_elem) == 8, "virtq_used_elem layout");
_Static_assert(sizeof(struct virtq_used) == 4, "virtq_used header");

/* One buffer of a chain: device address, length, direction. */
struct virtq_buf {
	uint64_t phys;
	uint32_t len;
	bool device_writes;
};

/* Driver-private state of one descriptor. */
struct virtq_slot {
	void *token;   /* head of an in-flight chain: the caller's token; else NULL */
	uint16_t next; /* free list link, or the next descriptor of the chain */
	uint16_t len;  /* head of an in-flight chain: number of descriptors */
};

struct virtq {
	/* Shared with the device. */
	struct virtq_desc *desc;
	struct virtq_avail *avail;
	struct virtq_used *used;
	uint64_t desc_phys, avail_phys, used_phys;

	/* Driver-private. */
	uint16_t num;	       /* queue size: a power of two <= VIRTQ_MAX_SIZE */
	uint16_t num_free;     /* descriptors on the free list */
	uint16_t free_head;    /* first free descriptor (valid if num_free) */
	uint16_t avail_idx;    /* free-running copy of avail->idx */
	uint16_t last_used;    /* free-running count of used entries consumed */
	uint16_t kicked_avail; /* avail_idx when the device was last considered */
	bool event_idx;	       /* VIRTIO_F_EVENT_IDX negotiated */
	bool intr_enabled;     /* the driver wants an interrupt per used entry */
	bool broken;	       /* the device broke the protocol; stop using it */
	struct virtq_slot slot[VIRTQ_MAX_SIZE];
};

/* Bytes of device-reachable memory a queue of num entries needs (align 4096). */
size_t virtq_ring_bytes(unsigned num);

/*
 * Lay a queue of num entries (a power of two, 1..VIRTQ_MAX_SIZE) out in
 * ring (virtq_ring_bytes(num) bytes at device address ring_phys, 16-byte
 * aligned at least) and zero it.  event_idx: VIRTIO_F_EVENT_IDX was
 * negotiated.  0 or -L4_EINVAL.
 */
int virtq_init(struct virtq *vq, unsigned num, void *ring, uint64_t ring_phys, bool event_idx);

/*
 * Make bufs[0..n) one chain and offer it to the device with token (not
 * NULL), which virtq_get_used() hands back when the device is done.
 * Device-readable buffers must come before device-writable ones (spec
 * 2.7.4.2).  0; -L4_EAGAIN when fewer than n descriptors are free (wait for
 * completions, then retry); -L4_EINVAL for n == 0, n > queue size, a NULL
 * token or bad order; -L4_EIO if the queue is broken.
 */
int virtq_add(struct virtq *vq, const struct virtq_buf *bufs, unsigned n, void *token);

/*
 * After one or more virtq_add(): does the device want a notification?
 * (Honours VIRTQ_USED_F_NO_NOTIFY, or avail_event with EVENT_IDX.)  The
 * transport notifies when this returns true.
 */
bool virtq_kick_prepare(struct virtq *vq);

/*
 * Take the next chain the device is done with: 1 and its token and the
 * number of bytes the device wrote, 0 if there is none, -L4_EIO if the
 * device reported a chain that is not in flight (the queue is then broken).
 */
int virtq_get_used(struct virtq *vq, void **token, uint32_t *len);

/* Are used entries waiting?  (Cheap; no side effects.) */
bool virtq_has_used(const struct virtq *vq);

/* Ask the device not to interrupt for this queue (a hint, spec 2.7.7). */
void virtq_disable_intr(struct virtq *vq);

/*
 * Ask for an interrupt at the next used entry.  Returns true if entries
 * are already waiting: the caller must process them rather than sleep.
 */
bool virtq_enable_intr(struct virtq *vq);

#endif /* L4_VIRTIO_VIRTQ_H */
