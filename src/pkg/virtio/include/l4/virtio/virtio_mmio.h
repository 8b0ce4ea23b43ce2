/* SPDX-License-Identifier: MIT */
/*
 * The virtio-mmio transport, version 2 ("modern", virtio 1.x, spec 4.2):
 * identifying a device behind a register window, the initialisation
 * sequence (reset, ACKNOWLEDGE, DRIVER, feature negotiation, FEATURES_OK,
 * queue setup with 64-bit ring addresses, DRIVER_OK), notification,
 * interrupt status and acknowledgement, and device configuration space.
 *
 * Legacy devices (register layout version 1) are refused with -L4_ENOSYS:
 * QEMU offers them unless started with -global virtio-mmio.force-legacy=false.
 * Every failure leaves a static text in dev->why for the caller's log.
 */
#ifndef L4_VIRTIO_VIRTIO_MMIO_H
#define L4_VIRTIO_VIRTIO_MMIO_H

#include <stdbool.h>
#include <stdint.h>

#include <l4/virtio/virtio.h>
#include <l4/virtio/virtio_env.h>
#include <l4/virtio/virtio_transport.h>
#include <l4/virtio/virtq.h>

/* Register offsets (spec 4.2.2). */
#define VIRTIO_MMIO_MAGIC 0x000
#define VIRTIO_MMIO_VERSION 0x004
#define VIRTIO_MMIO_DEVICE_ID 0x008
#define VIRTIO_MMIO_VENDOR_ID 0x00c
#define VIRTIO_MMIO_DEVICE_FEATURES 0x010
#define VIRTIO_MMIO_DEVICE_FEATURES_SEL 0x014
#define VIRTIO_MMIO_DRIVER_FEATURES 0x020
#define VIRTIO_MMIO_DRIVER_FEATURES_SEL 0x024
#define VIRTIO_MMIO_QUEUE_SEL 0x030
#define VIRTIO_MMIO_QUEUE_NUM_MAX 0x034
#define VIRTIO_MMIO_QUEUE_NUM 0x038
#define VIRTIO_MMIO_QUEUE_READY 0x044
#define VIRTIO_MMIO_QUEUE_NOTIFY 0x050
#define VIRTIO_MMIO_INTERRUPT_STATUS 0x060
#define VIRTIO_MMIO_INTERRUPT_ACK 0x064
#define VIRTIO_MMIO_STATUS 0x070
#define VIRTIO_MMIO_QUEUE_DESC_LOW 0x080
#define VIRTIO_MMIO_QUEUE_DESC_HIGH 0x084
#define VIRTIO_MMIO_QUEUE_DRIVER_LOW 0x090
#define VIRTIO_MMIO_QUEUE_DRIVER_HIGH 0x094
#define VIRTIO_MMIO_QUEUE_DEVICE_LOW 0x0a0
#define VIRTIO_MMIO_QUEUE_DEVICE_HIGH 0x0a4
#define VIRTIO_MMIO_CONFIG_GENERATION 0x0fc
#define VIRTIO_MMIO_CONFIG 0x100

#define VIRTIO_MMIO_MAGIC_VALUE 0x74726976u /* "virt" */
#define VIRTIO_MMIO_VERSION_LEGACY 1u
#define VIRTIO_MMIO_VERSION_MODERN 2u

/* InterruptStatus bits. */
#define VIRTIO_MMIO_INT_VRING 0x1u
#define VIRTIO_MMIO_INT_CONFIG 0x2u

/* QEMU's virt machine: 32 transports of 0x200 bytes, SPI 16 + n. */
#define VIRTIO_MMIO_QEMU_VIRT_BASE 0x0a000000ull
#define VIRTIO_MMIO_QEMU_VIRT_STRIDE 0x200u
#define VIRTIO_MMIO_QEMU_VIRT_COUNT 32u
#define VIRTIO_MMIO_QEMU_VIRT_INTID(n) (48u + (n))

/*
 * A virtio-mmio device; &d->tr is its generic transport
 * (<l4/virtio/virtio_transport.h>), valid after virtio_mmio_init().
 */
struct virtio_mmio_dev {
	union {
		struct virtio_transport tr;
		struct {
			VIRTIO_TRANSPORT_FIELDS
		};
	};
	volatile uint8_t *regs;
};

/*
 * Look at a register window: *device_id (0 = transport with no device
 * behind it) and *version.  0; -L4_ENODEV no virtio-mmio magic.
 */
int virtio_mmio_identify(volatile void *regs, uint32_t *device_id, uint32_t *version);

/*
 * Take over the device at regs: check magic, version 2 and device id
 * (want_id), reset it, set ACKNOWLEDGE and DRIVER.  -L4_ENODEV (no device
 * or another type), -L4_ENOSYS (legacy), -L4_EIO (reset did not finish).
 */
int virtio_mmio_init(struct virtio_mmio_dev *d, const struct virtio_env *env, volatile void *regs,
		     uint32_t want_id);

/*
 * Accept the features of wanted the device offers, plus VIRTIO_F_VERSION_1,
 * which the device must offer (else -L4_ENOSYS); set FEATURES_OK and check
 * the device kept it (else -L4_ENOSYS).  On failure the device is marked
 * FAILED.  The result is in d->features.
 */
int virtio_mmio_negotiate(struct virtio_mmio_dev *d, uint64_t wanted);

/*
 * Set up queue index with at most max_num entries (fewer if the device
 * allows fewer; rounded down to a power of two): ring memory from
 * env->dma_alloc() into *ring, laid out by virtq_init(), addresses given to
 * the device, QueueReady set.  -L4_ENOENT no such queue, -L4_EBUSY queue
 * already live, -L4_ENOMEM.
 */
int virtio_mmio_setup_queue(struct virtio_mmio_dev *d, unsigned index, struct virtq *vq,
			    unsigned max_num, struct virtio_dma *ring);

/* Set DRIVER_OK: the device is live. */
void virtio_mmio_driver_ok(struct virtio_mmio_dev *d);

/* Tell the device queue index has new buffers. */
void virtio_mmio_notify(struct virtio_mmio_dev *d, unsigned index);

/* Read and acknowledge InterruptStatus; returns the bits that were set. */
uint32_t virtio_mmio_ack_interrupt(struct virtio_mmio_dev *d);

/* Device status, e.g. to check VIRTIO_STATUS_DEVICE_NEEDS_RESET. */
uint32_t virtio_mmio_status(struct virtio_mmio_dev *d);

/*
 * Read len bytes at off of the device-specific configuration space as one
 * consistent snapshot (retried while ConfigGeneration changes).  0 or
 * -L4_EIO when the generation never settles.
 */
int virtio_mmio_read_config(struct virtio_mmio_dev *d, unsigned off, void *buf, unsigned len);

/* Reset the device (status 0, wait for it): queues and features are gone. */
int virtio_mmio_reset(struct virtio_mmio_dev *d);

/* Give up on the device: set FAILED, remember why. */
void virtio_mmio_fail(struct virtio_mmio_dev *d, const char *why);

#endif /* L4_VIRTIO_VIRTIO_MMIO_H */
