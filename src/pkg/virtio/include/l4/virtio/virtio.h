/* SPDX-License-Identifier: MIT */
/*
 * Constants of the virtio 1.x specification shared by every transport and
 * device driver: device status bits, reserved feature bits, device ids,
 * and the error codes the library returns beyond <l4/sys/err.h>.
 *
 * Everything the library shares with a device is little-endian; the
 * library runs only on little-endian CPUs (AArch64 as configured here and
 * the x86-64 host of the unit tests), so shared fields are plain integers.
 */
#ifndef L4_VIRTIO_VIRTIO_H
#define L4_VIRTIO_VIRTIO_H

#include <l4/sys/err.h>

_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
	       "the virtio library assumes a little-endian CPU");

/* Device status field (spec 2.1). */
#define VIRTIO_STATUS_ACKNOWLEDGE 0x01u
#define VIRTIO_STATUS_DRIVER 0x02u
#define VIRTIO_STATUS_DRIVER_OK 0x04u
#define VIRTIO_STATUS_FEATURES_OK 0x08u
#define VIRTIO_STATUS_DEVICE_NEEDS_RESET 0x40u
#define VIRTIO_STATUS_FAILED 0x80u

/* Reserved (device-independent) feature bits (spec 6). */
#define VIRTIO_F_INDIRECT_DESC 28
#define VIRTIO_F_EVENT_IDX 29
#define VIRTIO_F_VERSION_1 32
#define VIRTIO_F_ACCESS_PLATFORM 33
#define VIRTIO_F_RING_PACKED 34
#define VIRTIO_F_IN_ORDER 35
#define VIRTIO_F_ORDER_PLATFORM 36

#define VIRTIO_FEATURE(bit) (1ull << (bit))

/* Device ids (spec 5). */
#define VIRTIO_ID_NET 1
#define VIRTIO_ID_BLOCK 2
#define VIRTIO_ID_CONSOLE 3

/*
 * A wait for the device ran out of time.  Same value l4_error() gives for
 * an IPC receive timeout (-(L4_EIPC_LO + L4_IPC_RETIMEOUT)), so an
 * environment may pass the result of l4_irq_receive() straight through.
 */
#define VIRTIO_ETIMEDOUT (L4_EIPC_LO + 3)

#endif /* L4_VIRTIO_VIRTIO_H */
