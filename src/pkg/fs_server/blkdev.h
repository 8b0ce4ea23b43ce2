/* SPDX-License-Identifier: MIT */
/*
 * fs_server's view of the disk: 512-byte sectors behind three operations.
 * The real one is the virtio block device reached through io's
 * capabilities (blkdev_virtio.c) or served over L4virtio by another task
 * (blkdev_l4virtio.c, when L4_CAP_BLOCK_DEVICE is set); a RAM disk filled from a boot module
 * (blkdev_ram.c) serves development and tests that need no device.  The
 * io_manager libext2fs talks to (io_blk.c) sits on top of this.
 *
 * Operations return 0 or a negative L4_E* value; counts are in sectors.
 */
#ifndef FS_SERVER_BLKDEV_H
#define FS_SERVER_BLKDEV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FS_SECTOR_SIZE 512u

struct fs_blkdev {
	const char *name; /* for messages */
	uint64_t sectors;
	bool read_only;
	int (*read)(struct fs_blkdev *d, uint64_t sector, void *buf, size_t count);
	int (*write)(struct fs_blkdev *d, uint64_t sector, const void *buf, size_t count);
	int (*flush)(struct fs_blkdev *d);
	void *priv;
};

/*
 * The virtio block device from the capabilities named by the environment
 * (L4_CAP_VIRTIO_BLK, L4_CAP_VIRTIO_BLK_IRQ, L4_CAP_IOMEM).  0 or a
 * negative error; a message saying why was printed.
 */
int fs_blkdev_virtio_open(struct fs_blkdev *d);

/*
 * A virtio-blk device served over L4virtio (docs/virtio.md) behind the
 * gate L4_CAP_BLOCK_DEVICE names; shared memory from L4_CAP_IOMEM if
 * given, else mem_alloc.  0 or a negative error; a message was printed.
 * fs_blkdev_l4virtio_wanted(): the environment names such a capability.
 */
bool fs_blkdev_l4virtio_wanted(void);
int fs_blkdev_l4virtio_open(struct fs_blkdev *d);

/* A RAM disk holding a copy of the file at path (a rom/ module). */
int fs_blkdev_ram_open(struct fs_blkdev *d, const char *path);

#endif
