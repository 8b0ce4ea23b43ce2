/* SPDX-License-Identifier: MIT */
/*
 * The L4virtio transport protocol (docs/virtio.md): a virtio 1.x device
 * offered by a server to a driver in another task over an IPC gate, a
 * shared configuration dataspace, the driver's own memory dataspaces and
 * two Irqs.  Names, values and the layout of the shared configuration
 * page follow L4Re's <l4/l4virtio/virtio.h>; what we add (the
 * DEVICE_NEEDS_RESET status bit, device_config and
 * device_notification_irq opcodes) is marked (L4ReC).
 *
 * Both sides are little-endian (the virtio library asserts it), so the
 * shared fields are plain integers.
 */
#ifndef L4_L4VIRTIO_VIRTIO_H
#define L4_L4VIRTIO_VIRTIO_H

#include <l4/sys/types.h>

/* IPC label of every request to a device's gate; mr0 = opcode. */
enum L4_virtio_protocol {
	L4VIRTIO_PROTOCOL = 0,
};

enum L4virtio_magic {
	L4VIRTIO_MAGIC = 0x74726976, /* "virt" */
};

enum L4virtio_vendor {
	L4VIRTIO_VENDOR_KK = 0x44,
};

/* The only layout version: virtio 1.x semantics. */
#define L4VIRTIO_VERSION 2

/*
 * Opcodes (mr0).  Messages and replies, in full: docs/virtio.md.
 *   SET_STATUS      mr1 status                         -> 0 / -L4_E*
 *   CONFIG_QUEUE    mr1 queue                          -> 0 / -L4_E*
 *   REGISTER_IFACE  item: driver Irq                   -> items: notify Irq, config ds
 *   REGISTER_DS     mr1 base, mr2 offset, mr3 size, item: ds -> 0 / -L4_E*
 *   DEVICE_CONFIG   (L4ReC)                            -> item: config ds
 *   DEVICE_NOTIFICATION_IRQ (L4ReC) mr1 index          -> item: notify Irq
 */
enum L4_virtio_opcodes {
	L4VIRTIO_OP_SET_STATUS = 0,
	L4VIRTIO_OP_CONFIG_QUEUE = 1,
	L4VIRTIO_OP_REGISTER_IFACE = 2,
	L4VIRTIO_OP_REGISTER_DS = 3,
	L4VIRTIO_OP_DEVICE_CONFIG = 4,		 /* (L4ReC) */
	L4VIRTIO_OP_DEVICE_NOTIFICATION_IRQ = 5, /* (L4ReC) */
};

enum L4virtio_device_ids {
	L4VIRTIO_ID_NET = 1,
	L4VIRTIO_ID_BLOCK = 2,
	L4VIRTIO_ID_CONSOLE = 3,
	L4VIRTIO_ID_RNG = 4,
	L4VIRTIO_ID_BALLOON = 5,
	L4VIRTIO_ID_RPMSG = 7,
	L4VIRTIO_ID_SCSI = 8,
	L4VIRTIO_ID_9P = 9,
	L4VIRTIO_ID_INPUT = 18,
	L4VIRTIO_ID_VSOCK = 19,
};

enum L4virtio_device_status {
	L4VIRTIO_STATUS_ACKNOWLEDGE = 0x01,
	L4VIRTIO_STATUS_DRIVER = 0x02,
	L4VIRTIO_STATUS_DRIVER_OK = 0x04,
	L4VIRTIO_STATUS_FEATURES_OK = 0x08,
	/* (L4ReC) virtio 1.x's bit: the device saw a protocol violation. */
	L4VIRTIO_STATUS_DEVICE_NEEDS_RESET = 0x40,
	L4VIRTIO_STATUS_FAILED = 0x80,
};

enum L4virtio_feature_bits {
	L4VIRTIO_FEATURE_VERSION_1 = 32,
	/* Status/queue config through hdr.cmd instead of IPC: never offered here. */
	L4VIRTIO_FEATURE_CMD_CONFIG = 224,
};

/* l4virtio_config_hdr_t::irq_status: why the driver's Irq fired (L4ReC: used). */
enum L4_virtio_irq_status {
	L4VIRTIO_IRQ_STATUS_VRING = 1,
	L4VIRTIO_IRQ_STATUS_CONFIG = 2,
};

enum L4_virtio_cmd {
	L4VIRTIO_CMD_NONE = 0x00000000,
	L4VIRTIO_CMD_SET_STATUS = 0x01000000,
	L4VIRTIO_CMD_CFG_QUEUE = 0x02000000,
	L4VIRTIO_CMD_MASK = 0xff000000,
};

/* Where the device-specific configuration starts in the config page. */
#define L4VIRTIO_DEVICE_CONFIG_OFFSET 0x100u

/*
 * Start of the shared configuration page.  The device writes what it
 * owns (identification, dev_features_map, status, generation,
 * irq_status bits, num_max) and never trusts it back: it keeps its own
 * copy of everything that matters.  The driver writes
 * driver_features_map and the queue entries, then tells the device by IPC.
 * The virtio-mmio style register windows (*_sel, queue_*) are unused.
 */
typedef struct l4virtio_config_hdr_t {
	l4_uint32_t magic;   /* L4VIRTIO_MAGIC */
	l4_uint32_t version; /* L4VIRTIO_VERSION */
	l4_uint32_t device;  /* virtio device id */
	l4_uint32_t vendor;

	l4_uint32_t dev_features;
	l4_uint32_t dev_features_sel;
	l4_uint32_t _res1[2];

	l4_uint32_t driver_features;
	l4_uint32_t driver_features_sel;

	l4_uint32_t num_queues;	   /* entries of l4virtio_config_queue_t ... */
	l4_uint32_t queues_offset; /* ... starting at this offset of the page */

	l4_uint32_t queue_sel; /* 0x30 as in virtio-mmio */
	l4_uint32_t queue_num_max;
	l4_uint32_t queue_num;
	l4_uint32_t _res3[2];
	l4_uint32_t queue_ready;
	l4_uint32_t _res4[2];

	l4_uint32_t queue_notify;
	l4_uint32_t _res5[3];

	l4_uint32_t irq_status; /* L4VIRTIO_IRQ_STATUS_* the device ORs in */
	l4_uint32_t irq_ack;
	l4_uint32_t _res6[2];

	l4_uint32_t status; /* device status; written only through SET_STATUS */
	l4_uint32_t _res7[3];

	l4_uint64_t queue_desc;
	l4_uint32_t _res8[2];
	l4_uint64_t queue_avail;
	l4_uint32_t _res9[2];
	l4_uint64_t queue_used;

	l4_uint32_t dev_features_map[8];    /* feature bits 0..255 the device offers */
	l4_uint32_t driver_features_map[8]; /* feature bits the driver accepts */

	l4_uint32_t _res10[2];

	l4_uint32_t cfg_driver_notify_index;
	l4_uint32_t cfg_device_notify_index;

	l4_uint32_t cmd;
	l4_uint32_t generation; /* bumped by the device on every config change */
} l4virtio_config_hdr_t;

_Static_assert(sizeof(l4virtio_config_hdr_t) == L4VIRTIO_DEVICE_CONFIG_OFFSET,
	       "l4virtio_config_hdr_t must end where the device config starts");

/*
 * One per queue at queues_offset.  The driver writes num and the three
 * ring addresses (in its registered address space) while ready is 0,
 * then sets ready = 1 and sends CONFIG_QUEUE; the device validates them
 * and clears ready again if it refuses.  ready = 0 + CONFIG_QUEUE stops
 * the queue.
 */
typedef struct l4virtio_config_queue_t {
	l4_uint16_t num_max; /* R */
	l4_uint16_t num;     /* RW: a power of two <= num_max */
	l4_uint16_t ready;   /* RW */
	l4_uint16_t driver_notify_index;

	l4_uint64_t desc_addr;	/* W: descriptor table, 16-byte aligned */
	l4_uint64_t avail_addr; /* W: available ring, 2-byte aligned */
	l4_uint64_t used_addr;	/* W: used ring, 4-byte aligned */

	l4_uint16_t device_notify_index; /* R: index for DEVICE_NOTIFICATION_IRQ */
} l4virtio_config_queue_t;

_Static_assert(sizeof(l4virtio_config_queue_t) == 40, "l4virtio_config_queue_t layout");

static inline l4virtio_config_queue_t *l4virtio_config_queues(l4virtio_config_hdr_t const *cfg)
{
	return (l4virtio_config_queue_t *)((l4_addr_t)cfg + cfg->queues_offset);
}

static inline void *l4virtio_device_config(l4virtio_config_hdr_t const *cfg)
{
	return (void *)((l4_addr_t)cfg + L4VIRTIO_DEVICE_CONFIG_OFFSET);
}

static inline void l4virtio_set_feature(l4_uint32_t *map, unsigned feat)
{
	if (feat / 32 < 8)
		map[feat / 32] |= 1u << (feat % 32);
}

static inline void l4virtio_clear_feature(l4_uint32_t *map, unsigned feat)
{
	if (feat / 32 < 8)
		map[feat / 32] &= ~(1u << (feat % 32));
}

static inline unsigned l4virtio_get_feature(l4_uint32_t const *map, unsigned feat)
{
	return feat / 32 < 8 ? map[feat / 32] & (1u << (feat % 32)) : 0;
}

#endif /* L4_L4VIRTIO_VIRTIO_H */
