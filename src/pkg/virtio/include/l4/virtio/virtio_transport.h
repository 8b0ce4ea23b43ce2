/* SPDX-License-Identifier: MIT */
/*
 * The transport interface device drivers (virtio_blk, virtio_net) are
 * written against: the operations of spec 3.1 (feature negotiation,
 * queue setup, DRIVER_OK, notification, interrupt acknowledgement,
 * status, configuration space, reset), implemented by virtio-mmio
 * (<l4/virtio/virtio_mmio.h>) and L4virtio (<l4/virtio/virtio_l4.h>).
 *
 * A transport struct begins with the common fields below, so a driver
 * reaches them as t->features, t->why, ... whatever the transport, and
 * the transports keep their old field names (blk.mmio.why still works).
 * A transport is handed to a driver after its own init has found the
 * device and set ACKNOWLEDGE and DRIVER.
 */
#ifndef L4_VIRTIO_VIRTIO_TRANSPORT_H
#define L4_VIRTIO_VIRTIO_TRANSPORT_H

#include <stdint.h>

#include <l4/virtio/virtio.h>
#include <l4/virtio/virtio_env.h>
#include <l4/virtio/virtq.h>

struct virtio_transport;

struct virtio_transport_ops {
	/* Accept wanted & offered plus VERSION_1 (required); FEATURES_OK. 0 / -L4_ENOSYS. */
	int (*negotiate)(struct virtio_transport *t, uint64_t wanted);
	/* Rings in memory from t->env->dma_alloc, laid out by virtq_init, queue live. */
	int (*setup_queue)(struct virtio_transport *t, unsigned index, struct virtq *vq,
			   unsigned max_num, struct virtio_dma *ring);
	void (*driver_ok)(struct virtio_transport *t);
	void (*notify)(struct virtio_transport *t, unsigned index);
	/* Why the interrupt came (VIRTIO_INT_*), acknowledged. */
	uint32_t (*ack_interrupt)(struct virtio_transport *t);
	uint32_t (*status)(struct virtio_transport *t);
	/* A consistent snapshot of device config bytes [off, off + len). 0 / -L4_EIO. */
	int (*read_config)(struct virtio_transport *t, unsigned off, void *buf, unsigned len);
	/* Status 0 and wait until the device took it: queues and features gone. */
	int (*reset)(struct virtio_transport *t);
	void (*fail)(struct virtio_transport *t, const char *why);
};

/* Interrupt causes ack_interrupt reports (same values as virtio-mmio's). */
#define VIRTIO_INT_VRING 0x1u
#define VIRTIO_INT_CONFIG 0x2u

/* The fields every transport struct starts with (see the top of this file). */
#define VIRTIO_TRANSPORT_FIELDS                                                      \
	const struct virtio_transport_ops *ops;                                      \
	const struct virtio_env *env; /* memory, interrupts, clock for the driver */ \
	uint32_t device_id;                                                          \
	uint32_t vendor_id;                                                          \
	uint64_t features; /* negotiated, valid after negotiate */                   \
	const char *why;   /* why the last operation failed (static text) */

struct virtio_transport {
	VIRTIO_TRANSPORT_FIELDS
};

static inline int virtio_tr_negotiate(struct virtio_transport *t, uint64_t wanted)
{
	return t->ops->negotiate(t, wanted);
}

static inline int virtio_tr_setup_queue(struct virtio_transport *t, unsigned index,
					struct virtq *vq, unsigned max_num, struct virtio_dma *ring)
{
	return t->ops->setup_queue(t, index, vq, max_num, ring);
}

static inline void virtio_tr_driver_ok(struct virtio_transport *t)
{
	t->ops->driver_ok(t);
}

static inline void virtio_tr_notify(struct virtio_transport *t, unsigned index)
{
	t->ops->notify(t, index);
}

static inline uint32_t virtio_tr_ack_interrupt(struct virtio_transport *t)
{
	return t->ops->ack_interrupt(t);
}

static inline uint32_t virtio_tr_status(struct virtio_transport *t)
{
	return t->ops->status(t);
}

static inline int virtio_tr_read_config(struct virtio_transport *t, unsigned off, void *buf,
					unsigned len)
{
	return t->ops->read_config(t, off, buf, len);
}

static inline int virtio_tr_reset(struct virtio_transport *t)
{
	return t->ops->reset(t);
}

static inline void virtio_tr_fail(struct virtio_transport *t, const char *why)
{
	t->ops->fail(t, why);
}

#endif /* L4_VIRTIO_VIRTIO_TRANSPORT_H */
