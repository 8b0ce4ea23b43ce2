// SPDX-License-Identifier: MIT
/*
 * fs_server's disk: the virtio block device, reached only through the
 * capabilities io hands out for it (docs/io.md, "What a driver gets"):
 *
 *   L4_CAP_VIRTIO_BLK      dataspace of the transport's registers (io)
 *   L4_CAP_VIRTIO_BLK_IRQ  the device's Irq, bound at the ICU by io
 *   L4_CAP_IOMEM           allocator of physically contiguous DMA memory
 *
 * The virtio library (src/pkg/virtio) drives the device through the
 * environment src/pkg/virtio-io builds from those capabilities.  Requests
 * wait for the interrupt in a closed receive on the Irq: clients calling
 * meanwhile wait in their send phase.
 */
#include <stdio.h>

#include <l4/virtio/virtio_blk.h>
#include <l4/virtio/virtio_io.h>

#include "blkdev.h"

/* Label of the Irq; never one of the server's gate labels (server.c). */
#define IRQ_LABEL 0xfff0
/* io binds its gates after reading the device tree: wait that long for it. */
#define IO_WAIT_US 5000000ull

static struct virtio_io dev;
static struct virtio_blk blk;

static int vblk_read(struct fs_blkdev *d, uint64_t sector, void *buf, size_t count)
{
	(void)d;
	return virtio_blk_read(&blk, sector, buf, count);
}

static int vblk_write(struct fs_blkdev *d, uint64_t sector, const void *buf, size_t count)
{
	(void)d;
	return virtio_blk_write(&blk, sector, buf, count);
}

static int vblk_flush(struct fs_blkdev *d)
{
	(void)d;
	return virtio_blk_flush(&blk);
}

int fs_blkdev_virtio_open(struct fs_blkdev *d)
{
	long err = virtio_io_open(&dev, "fs_server", "L4_CAP_VIRTIO_BLK", "L4_CAP_VIRTIO_BLK_IRQ",
				  "L4_CAP_IOMEM", IRQ_LABEL, IO_WAIT_US);

	if (err < 0)
		return (int)err;
	err = virtio_blk_init(&blk, &dev.env, dev.regs);
	if (err < 0) {
		printf("fs_server: virtio_blk: %s (%ld)\n",
		       blk.mmio.why ? blk.mmio.why : "init failed", err);
		return (int)err;
	}
	*d = (struct fs_blkdev){
		.name = "virtio_blk",
		.sectors = virtio_blk_capacity(&blk),
		.read_only = blk.read_only,
		.read = vblk_read,
		.write = vblk_write,
		.flush = vblk_flush,
	};
	return 0;
}
