/* SPDX-License-Identifier: MIT */
/*
 * The device side of the L4virtio transport (docs/virtio.md): a server
 * offers a virtio 1.x device to one driver in another task.  The library
 * owns the protocol -- the configuration page, feature negotiation,
 * status, the driver's registered memory and its translation, the split
 * virtqueues and both Irqs -- and the server owns the device logic:
 *
 *   l4virtio_dev_init(&d, VIRTIO_ID_BLOCK, features, 1, 128, sizeof(cfg), &ops, me);
 *   fill l4virtio_dev_config(&d);
 *   l4_irq_attach(l4virtio_dev_kick_irq(&d), KICK_LABEL, my thread);
 *   bind the device's gate with GATE_LABEL; then, per message:
 *     label & ~3 == GATE_LABEL -> reply l4virtio_dev_dispatch(&d, tag, label, u)
 *     label == KICK_LABEL      -> l4virtio_dev_kicked(&d)   (no reply)
 *   ops->kick(d, q): while (l4virtio_dev_pop(d, q, &r) > 0) { serve r;
 *                    l4virtio_dev_push(d, q, &r, written); } l4virtio_dev_notify(d, q);
 *
 * Nothing the driver does can make the library touch memory outside what
 * the driver registered: every descriptor address and length is checked
 * against the registered regions and each descriptor is read exactly
 * once.  A violation marks the device DEVICE_NEEDS_RESET, interrupts the
 * driver, and makes pop return -L4_EIO until the driver resets it.
 *
 * Receiving capabilities: REGISTER_IFACE and REGISTER_DS carry one.  The
 * library keeps a free capability slot as receive item br[0] of the
 * thread that calls l4virtio_dev_init() and l4virtio_dev_dispatch() (both
 * set it up again before they return).  A server that changes its buffer
 * registers between messages calls l4virtio_rcv_prepare() before it waits.
 *
 * One thread per device: nothing here locks.
 */
#ifndef L4_L4VIRTIO_SERVER_H
#define L4_L4VIRTIO_SERVER_H

#include <l4/l4virtio/virtio.h>
#include <l4/sys/types.h>
#include <l4/sys/utcb.h>

/* One buffer of a request, mapped in the server: device reads or writes it. */
struct l4virtio_seg {
	void *addr; /* local mapping */
	l4_uint32_t len;
	int device_writes;
};

#define L4VIRTIO_MAX_SEGS 64

/* One descriptor chain popped from a queue. */
struct l4virtio_req {
	l4_uint16_t head;
	unsigned nseg;
	struct l4virtio_seg seg[L4VIRTIO_MAX_SEGS];
};

struct l4virtio_dev;

struct l4virtio_dev_ops {
	/* Buffers may be available on queue (driver kicked, or the queue just became ready). */
	void (*kick)(struct l4virtio_dev *d, unsigned queue);
	/* The driver reset the device: forget in-flight requests, never push them. */
	void (*reset)(struct l4virtio_dev *d);
};

/* Most queues and registered memory regions a device supports. */
#define L4VIRTIO_DEV_MAX_QUEUES 8
#define L4VIRTIO_DEV_MAX_REGIONS 8

/* A dataspace the driver registered: driver addresses [base, base + size). */
struct l4virtio_dev_region {
	l4_uint64_t base, size;
	l4_cap_idx_t ds;
	l4_uint8_t *local; /* where the server attached it */
};

/* Split ring descriptor as the driver writes it (spec 2.7.5). */
struct l4virtio_vring_desc {
	l4_uint64_t addr;
	l4_uint32_t len;
	l4_uint16_t flags;
	l4_uint16_t next;
};

/* A live queue: pointers into registered memory, and the device's own indices. */
struct l4virtio_dev_queue {
	int live;
	l4_uint16_t num;
	l4_uint16_t last_avail; /* next avail entry to take */
	l4_uint16_t used_idx;	/* device's copy of used->idx */
	l4_uint16_t signalled;	/* used_idx at the last interrupt (EVENT_IDX) */
	volatile struct l4virtio_vring_desc *desc;
	volatile l4_uint16_t *avail; /* flags, idx, ring[num], used_event */
	volatile l4_uint16_t *used;  /* flags, idx; then elements; avail_event */
};

/* Concrete, caller-owned storage; fields are the library's. */
struct l4virtio_dev {
	const struct l4virtio_dev_ops *ops;
	void *priv;
	l4virtio_config_hdr_t *cfg; /* the config page, shared with the driver */
	l4_cap_idx_t cfg_ds;	    /* its dataspace */
	unsigned long cfg_size;
	l4_cap_idx_t kick_irq;	 /* the driver triggers it; the server receives it */
	l4_cap_idx_t driver_irq; /* the driver's: the device triggers it */
	l4_uint32_t device_id;
	l4_uint64_t dev_features; /* offered */
	l4_uint64_t features;	  /* negotiated */
	l4_uint32_t status;	  /* the device's copy; the page's is only a mirror */
	unsigned nqueues, queue_max, config_size;
	struct l4virtio_dev_queue q[L4VIRTIO_DEV_MAX_QUEUES];
	struct l4virtio_dev_region mem[L4VIRTIO_DEV_MAX_REGIONS];
	unsigned nmem;
	const char *why; /* last protocol violation, for the server's log */
	unsigned long violations;
};

/*
 * Allocate the config page (moe), create the notification Irq (factory).
 * features: device features (VIRTIO_F_VERSION_1 is added); config_size
 * bytes of device config follow the header.  0 / -L4_E*.
 */
int l4virtio_dev_init(struct l4virtio_dev *d, l4_uint32_t device_id, l4_uint64_t features,
		      unsigned nqueues, unsigned queue_max, unsigned config_size,
		      const struct l4virtio_dev_ops *ops, void *priv);

/* The device config space to fill in / update. */
void *l4virtio_dev_config(struct l4virtio_dev *d);

/* Bump the generation and interrupt the driver. */
void l4virtio_dev_config_changed(struct l4virtio_dev *d);

/* The Irq the driver triggers; attach it to the serving thread with a label. */
l4_cap_idx_t l4virtio_dev_kick_irq(struct l4virtio_dev *d);

/* The kick Irq's label arrived: ops->kick for each ready queue. */
void l4virtio_dev_kicked(struct l4virtio_dev *d);

/*
 * One request that arrived on the device's gate; returns the reply tag.
 * Rights bits (label bits 0-1) are ignored: whoever holds the gate is the
 * driver.  Re-arms the capability receive item of the calling thread.
 */
l4_msgtag_t l4virtio_dev_dispatch(struct l4virtio_dev *d, l4_msgtag_t tag, l4_umword_t label,
				  l4_utcb_t *u);

/*
 * Next available chain of queue q, translated: 1 got one, 0 empty or not
 * ready, negative: the driver broke the protocol (bad address, loop, too
 * long) -> device marked NEEDS_RESET, driver interrupted.
 */
int l4virtio_dev_pop(struct l4virtio_dev *d, unsigned q, struct l4virtio_req *r);

/* Return a chain to the used ring with the number of bytes the device wrote. */
void l4virtio_dev_push(struct l4virtio_dev *d, unsigned q, const struct l4virtio_req *r,
		       l4_uint32_t written);

/* Interrupt the driver for queue q if it wants it (flags / event idx). */
void l4virtio_dev_notify(struct l4virtio_dev *d, unsigned q);

/* Negotiated features (valid once FEATURES_OK). */
l4_uint64_t l4virtio_dev_features(struct l4virtio_dev *d);

/* DRIVER_OK and not failed. */
int l4virtio_dev_ready(struct l4virtio_dev *d);

/*
 * (Addition) Copy between a request and local memory: copy_from reads the
 * device-readable segments, copy_to fills the device-writable ones; off
 * counts bytes within those segments only.  Returns the bytes copied
 * (fewer than len when the segments end first).
 */
l4_uint32_t l4virtio_req_copy_from(const struct l4virtio_req *r, l4_uint32_t off, void *dst,
				   l4_uint32_t len);
l4_uint32_t l4virtio_req_copy_to(const struct l4virtio_req *r, l4_uint32_t off, const void *src,
				 l4_uint32_t len);

/* (Addition) Put a fresh capability slot into br[0] of u (see above). */
void l4virtio_rcv_prepare(l4_utcb_t *u);

#endif /* L4_L4VIRTIO_SERVER_H */
