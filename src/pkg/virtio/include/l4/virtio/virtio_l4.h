/* SPDX-License-Identifier: MIT */
/*
 * The driver side of the L4virtio transport (docs/virtio.md): a virtio
 * device served by another task behind an IPC gate, driven through the
 * generic transport interface (<l4/virtio/virtio_transport.h>), so
 * virtio_blk and virtio_net run over it unchanged.
 *
 * virtio_l4_open() does the whole attach (waiting up to 5 s for the
 * server to bind its gate): creates our Irq and attaches
 * it to the given thread, register_iface (-> the device's notification
 * Irq and its configuration page), allocates one dataspace of mem_bytes
 * from mem_alloc (physically contiguous and pinned, so a device that does
 * real DMA can use the addresses as they are), registers it with the
 * device at its physical address (or, when the allocator cannot say, at
 * its local address), checks magic, version and device id, resets the
 * device and sets ACKNOWLEDGE and DRIVER.
 *
 * Every ring and buffer a driver gets from d->tr.env->dma_alloc lives in
 * that one dataspace: the device can reach nothing else of ours.  Sizing:
 * virtio_blk needs about 100 KiB with its 256-entry ring, virtio_net
 * about 32 KiB per queue plus its buffers (VIRTIO_NET_MEM_BYTES).
 *
 * Needs l4re (rm, mem_alloc, cap allocator) in the program's REQUIRES_LIBS.
 */
#ifndef L4_VIRTIO_VIRTIO_L4_H
#define L4_VIRTIO_VIRTIO_L4_H

#include <stddef.h>
#include <stdint.h>

#include <l4/sys/types.h>
#include <l4/virtio/virtio_transport.h>

struct l4virtio_config_hdr_t; /* <l4/l4virtio/virtio.h> */

struct virtio_l4_dev {
	union {
		struct virtio_transport tr;
		struct {
			VIRTIO_TRANSPORT_FIELDS
		};
	};
	l4_cap_idx_t gate;   /* the device */
	l4_cap_idx_t irq;    /* ours: the device triggers it */
	l4_cap_idx_t kick;   /* the device's notification Irq */
	l4_cap_idx_t cfg_ds; /* the device's configuration page */
	struct l4virtio_config_hdr_t *cfg;
	unsigned long cfg_size;
	/* The one registered dataspace: rings and buffers come from here. */
	l4_cap_idx_t mem_alloc, mem_ds;
	uint8_t *mem_virt;
	uint64_t mem_base; /* its address in the device's view */
	size_t mem_size, mem_used;
	uint64_t irq_wait_timeouts;
	struct virtio_env own_env;
};

/*
 * Attach to the device behind gate (want_id: VIRTIO_ID_BLOCK, ...);
 * interrupts arrive at thread with irq_label.  0 or -L4_E* with d->why.
 *   -L4_ENODEV  not an L4virtio device / another device type
 *   -L4_ENOMEM  no memory, Irq or capability slot
 *   other       the IPC error of the failed step
 */
int virtio_l4_open(struct virtio_l4_dev *d, l4_cap_idx_t gate, l4_cap_idx_t mem_alloc,
		   size_t mem_bytes, uint32_t want_id, l4_cap_idx_t thread, l4_umword_t irq_label);

/* Reset the device and give everything back (the driver on top is gone). */
void virtio_l4_close(struct virtio_l4_dev *d);

/* IPC helpers (the protocol, one message each); 0 or -L4_E* / IPC error. */
long virtio_l4_set_status(struct virtio_l4_dev *d, uint32_t status);
long virtio_l4_config_queue(struct virtio_l4_dev *d, unsigned queue);

/* Device address of local memory inside the registered dataspace (tests). */
uint64_t virtio_l4_dev_addr(const struct virtio_l4_dev *d, const void *p);

#endif /* L4_VIRTIO_VIRTIO_L4_H */
