/* SPDX-License-Identifier: MIT */
/*
 * A virtio-blk driver (spec 5.2) over any transport (virtio-mmio, or
 * L4virtio through virtio_blk_init_transport()): capacity,
 * reading and writing 512-byte sectors, flush when the device has a
 * volatile write cache (VIRTIO_BLK_F_FLUSH).
 *
 * Requests are synchronous: one at a time, the caller waits for its
 * completion (by interrupt through env->irq_wait, else by polling), at
 * most timeout_us.  A request is a chain: the 16-byte header (device
 * reads), the data segments, the one-byte status (device writes).
 *
 * Two ways to pass data: virtio_blk_read()/virtio_blk_write() take any
 * buffer and copy through the driver's own DMA bounce buffer;
 * virtio_blk_rw() takes segments of DMA memory the caller got from its
 * environment (no copy; cache maintenance through env->dma_sync).
 *
 * Errors: -L4_ERANGE beyond the capacity, -L4_EINVAL bad arguments,
 * -L4_EPERM write to a read-only device, -L4_EIO device reported an I/O
 * error or broke the protocol, -L4_ENOSYS request type unsupported,
 * -VIRTIO_ETIMEDOUT no completion in time.  After -L4_EIO from a broken
 * queue or a timeout the device has been reset and every later request
 * fails with -L4_EIO.
 */
#ifndef L4_VIRTIO_VIRTIO_BLK_H
#define L4_VIRTIO_VIRTIO_BLK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <l4/virtio/virtio_env.h>
#include <l4/virtio/virtio_mmio.h>
#include <l4/virtio/virtq.h>

/* Feature bits (spec 5.2.3). */
#define VIRTIO_BLK_F_SIZE_MAX 1
#define VIRTIO_BLK_F_SEG_MAX 2
#define VIRTIO_BLK_F_GEOMETRY 4
#define VIRTIO_BLK_F_RO 5
#define VIRTIO_BLK_F_BLK_SIZE 6
#define VIRTIO_BLK_F_FLUSH 9
#define VIRTIO_BLK_F_TOPOLOGY 10
#define VIRTIO_BLK_F_CONFIG_WCE 11

/* Configuration space offsets (struct virtio_blk_config). */
#define VIRTIO_BLK_CFG_CAPACITY 0
#define VIRTIO_BLK_CFG_SIZE_MAX 8
#define VIRTIO_BLK_CFG_SEG_MAX 12
#define VIRTIO_BLK_CFG_BLK_SIZE 20

/* Request types and status values (spec 5.2.6). */
#define VIRTIO_BLK_T_IN 0u
#define VIRTIO_BLK_T_OUT 1u
#define VIRTIO_BLK_T_FLUSH 4u
#define VIRTIO_BLK_T_GET_ID 8u
#define VIRTIO_BLK_S_OK 0u
#define VIRTIO_BLK_S_IOERR 1u
#define VIRTIO_BLK_S_UNSUPP 2u

/* Sectors are always 512 bytes in the protocol, whatever blk_size says. */
#define VIRTIO_BLK_SECTOR_SIZE 512u
#define VIRTIO_BLK_ID_BYTES 20u

struct virtio_blk_req_hdr {
	uint32_t type;
	uint32_t reserved;
	uint64_t sector;
};
_Static_assert(sizeof(struct virtio_blk_req_hdr) == 16, "virtio_blk_req_hdr layout");

/* One data segment of a request: DMA memory of the caller. */
struct virtio_blk_seg {
	void *virt;
	uint64_t phys;
	uint32_t len;
};

/* Most data segments one request may have (further bounded by seg_max). */
#define VIRTIO_BLK_MAX_SEGS 32u
/* Size of the bounce buffer behind virtio_blk_read()/virtio_blk_write(). */
#define VIRTIO_BLK_BOUNCE_BYTES (64u * 1024u)
#define VIRTIO_BLK_DEFAULT_TIMEOUT_US 5000000ull

struct virtio_blk {
	struct virtio_mmio_dev mmio; /* the transport when set up by virtio_blk_init() */
	struct virtio_transport *tr; /* the transport in use: &mmio.tr or the caller's */
	struct virtq vq;
	struct virtio_dma ring;
	struct virtio_dma req; /* header, then status byte */
	struct virtio_dma bounce;
	struct virtio_blk_req_hdr *hdr;
	volatile uint8_t *status;
	uint64_t capacity; /* in 512-byte sectors */
	uint32_t blk_size; /* device's preferred block size (informational) */
	uint32_t seg_max;  /* data segments per request */
	uint32_t size_max; /* bytes per segment (0: no limit) */
	bool read_only;
	bool has_flush;
	bool dead; /* reset after a protocol error or timeout */
	uint64_t timeout_us;
	/* Counters, for tests and statistics. */
	unsigned long requests, interrupts, notifies;
};

/*
 * Initialise the block device whose registers are mapped at regs:
 * transport handshake, features (VERSION_1 required; FLUSH, RO, SEG_MAX,
 * SIZE_MAX, BLK_SIZE, EVENT_IDX taken when offered), queue 0, DMA memory,
 * DRIVER_OK.  On failure blk->mmio.why (the same as blk->tr->why) says why.
 */
int virtio_blk_init(struct virtio_blk *blk, const struct virtio_env *env, volatile void *regs);

/*
 * The same over a transport the caller set up (e.g. virtio_l4_open() for
 * an L4virtio device); DMA memory comes from tr->env.  On failure tr->why
 * says why.
 */
int virtio_blk_init_transport(struct virtio_blk *blk, struct virtio_transport *tr);

/* Reset the device and give the DMA memory back. */
void virtio_blk_release(struct virtio_blk *blk);

/* Capacity in 512-byte sectors. */
uint64_t virtio_blk_capacity(const struct virtio_blk *blk);

int virtio_blk_read(struct virtio_blk *blk, uint64_t sector, void *buf, size_t count);
int virtio_blk_write(struct virtio_blk *blk, uint64_t sector, const void *buf, size_t count);

/* Zero copy: segment lengths must be multiples of 512. */
int virtio_blk_rw(struct virtio_blk *blk, bool write, uint64_t sector,
		  const struct virtio_blk_seg *segs, unsigned nsegs);

/* Make written data durable; 0 at once if the device has no FLUSH. */
int virtio_blk_flush(struct virtio_blk *blk);

/*
 * Send one request exactly as given, without checking the range against
 * the capacity (the device's own checks are what tests want to see).
 */
int virtio_blk_submit(struct virtio_blk *blk, uint32_t type, uint64_t sector,
		      const struct virtio_blk_seg *segs, unsigned nsegs);

#endif /* L4_VIRTIO_VIRTIO_BLK_H */
