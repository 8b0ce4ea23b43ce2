// SPDX-License-Identifier: MIT
/*
 * fs_server's disk as a virtio-blk device served over L4virtio by another
 * task (docs/virtio.md), e.g. a block server in front of the real disk
 * or a RAM disk in a test:
 *
 *   L4_CAP_BLOCK_DEVICE  the device's gate (the client end of a channel)
 *   L4_CAP_IOMEM         optional: allocator of the memory shared with the
 *                        device (physically contiguous, pinned); without it
 *                        fs_server's own mem_alloc
 *
 * The virtio library's virtio_blk driver runs over its L4virtio transport;
 * requests wait for the device's Irq in a closed receive, as with
 * virtio-mmio (blkdev_virtio.c).
 */
#include <stdio.h>

#include <l4/re/env.h>
#include <l4/re/env_cap.h>
#include <l4/virtio/virtio_blk.h>
#include <l4/virtio/virtio_l4.h>

#include "blkdev.h"

/* Label of our Irq; never one of the server's gate labels (server.c). */
#define IRQ_LABEL 0xffe0
/* Rings (128 entries), request header and the 64 KiB bounce buffer. */
#define SHARED_BYTES (256u * 1024u)

static struct virtio_l4_dev l4dev;
static struct virtio_blk blk;

static int l4blk_read(struct fs_blkdev *d, uint64_t sector, void *buf, size_t count)
{
	(void)d;
	return virtio_blk_read(&blk, sector, buf, count);
}

static int l4blk_write(struct fs_blkdev *d, uint64_t sector, const void *buf, size_t count)
{
	(void)d;
	return virtio_blk_write(&blk, sector, buf, count);
}

static int l4blk_flush(struct fs_blkdev *d)
{
	(void)d;
	return virtio_blk_flush(&blk);
}

bool fs_blkdev_l4virtio_wanted(void)
{
	return l4re_env_cap_error(l4re_env_get_cap_by_envvar("L4_CAP_BLOCK_DEVICE")) != -L4_ENOENT;
}

int fs_blkdev_l4virtio_open(struct fs_blkdev *d)
{
	l4_cap_idx_t gate = l4re_env_get_cap_by_envvar("L4_CAP_BLOCK_DEVICE");
	l4_cap_idx_t mem = l4re_env_get_cap_by_envvar("L4_CAP_IOMEM");
	int err;

	if (l4_is_invalid_cap(gate)) {
		printf("fs_server: L4_CAP_BLOCK_DEVICE: no such capability\n");
		return -L4_ENODEV;
	}
	if (l4_is_invalid_cap(mem))
		mem = l4re_env()->mem_alloc;
	err = virtio_l4_open(&l4dev, gate, mem, SHARED_BYTES, VIRTIO_ID_BLOCK,
			     l4re_env()->main_thread, IRQ_LABEL);
	if (err == 0)
		err = virtio_blk_init_transport(&blk, &l4dev.tr);
	if (err < 0) {
		printf("fs_server: l4virtio block device: %s (%d)\n",
		       l4dev.why ? l4dev.why : "init failed", err);
		return err;
	}
	*d = (struct fs_blkdev){
		.name = "l4virtio_blk",
		.sectors = virtio_blk_capacity(&blk),
		.read_only = blk.read_only,
		.read = l4blk_read,
		.write = l4blk_write,
		.flush = l4blk_flush,
	};
	return 0;
}
