/* SPDX-License-Identifier: MIT */
/* Shared between the files of the l4virtio device library. */
#ifndef L4VIRTIO_DEV_INTERNAL_H
#define L4VIRTIO_DEV_INTERNAL_H

#include <l4/l4virtio/server.h>

/* Virtio 1.x constants the library needs (the protocol header has L4Re's subset). */
#define DEV_F_EVENT_IDX 29
#define DEV_F_VERSION_1 32
#define DEV_DESC_F_NEXT 1u
#define DEV_DESC_F_WRITE 2u
#define DEV_DESC_F_INDIRECT 4u
#define DEV_AVAIL_F_NO_INTERRUPT 1u

/* Barrier between our accesses to shared memory and the driver's (another CPU). */
static inline void dev_mb(void)
{
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
}

/* Driver address [addr, addr + len) -> local pointer, or NULL if not all registered. */
void *l4virtio_dev_translate(struct l4virtio_dev *d, l4_uint64_t addr, l4_uint64_t len);

/* Register [base, base + size) of the driver backed by ds at offset. 0 / -L4_E*. */
long l4virtio_dev_add_region(struct l4virtio_dev *d, l4_cap_idx_t ds, l4_uint64_t base,
			     l4_uint64_t offset, l4_uint64_t size);

/* Forget every region (new driver). */
void l4virtio_dev_drop_regions(struct l4virtio_dev *d);

/* Interrupt the driver with the given L4VIRTIO_IRQ_STATUS_* reason. */
void l4virtio_dev_irq(struct l4virtio_dev *d, l4_uint32_t why);

/* Protocol violation: NEEDS_RESET, interrupt, remember why.  Returns -L4_EIO. */
int l4virtio_dev_violation(struct l4virtio_dev *d, const char *why);

/* The driver wrote status 0 (or a new driver came): back to the initial state. */
void l4virtio_dev_reset(struct l4virtio_dev *d);

/* Mirror the device's private status into the shared page. */
void l4virtio_dev_publish_status(struct l4virtio_dev *d);

/* Validate and take over queue q from the config page; ready = 0 stops it. */
long l4virtio_dev_config_queue(struct l4virtio_dev *d, unsigned q);

/* Take slot out of the receive-slot set: 1 if it was one of ours. */
int l4virtio_rcv_claim(l4_cap_idx_t slot);

#endif
