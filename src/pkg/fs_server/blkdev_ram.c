// SPDX-License-Identifier: MIT
/*
 * A RAM disk for fs_server: the bytes of a file (normally a rom/ module
 * holding an ext4 image) copied into anonymous memory, read-write.
 * Nothing written survives the program, so it is for development and for
 * tests of the file protocol that need no block device (fs_server
 * --ramdisk rom/x.img); the product path is blkdev_virtio.c.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <l4/sys/err.h>

#include "blkdev.h"

static int ram_read(struct fs_blkdev *d, uint64_t sector, void *buf, size_t count)
{
	if (sector > d->sectors || count > d->sectors - sector)
		return -L4_ERANGE;
	memcpy(buf, (char *)d->priv + sector * FS_SECTOR_SIZE, count * FS_SECTOR_SIZE);
	return 0;
}

static int ram_write(struct fs_blkdev *d, uint64_t sector, const void *buf, size_t count)
{
	if (sector > d->sectors || count > d->sectors - sector)
		return -L4_ERANGE;
	memcpy((char *)d->priv + sector * FS_SECTOR_SIZE, buf, count * FS_SECTOR_SIZE);
	return 0;
}

static int ram_flush(struct fs_blkdev *d)
{
	(void)d;
	return 0;
}

int fs_blkdev_ram_open(struct fs_blkdev *d, const char *path)
{
	FILE *f = fopen(path, "rb");
	long size;
	char *mem;

	if (!f) {
		printf("fs_server: ramdisk %s: %s\n", path, strerror(errno));
		return -L4_ENOENT;
	}
	if (fseek(f, 0, SEEK_END) < 0 || (size = ftell(f)) <= 0 || fseek(f, 0, SEEK_SET) < 0) {
		printf("fs_server: ramdisk %s: cannot tell its size\n", path);
		fclose(f);
		return -L4_EINVAL;
	}
	mem = calloc(1, ((size_t)size + FS_SECTOR_SIZE - 1) & ~(size_t)(FS_SECTOR_SIZE - 1));
	if (!mem || fread(mem, 1, (size_t)size, f) != (size_t)size) {
		printf("fs_server: ramdisk %s: %s\n", path, mem ? "short read" : "out of memory");
		free(mem);
		fclose(f);
		return mem ? -L4_EIO : -L4_ENOMEM;
	}
	fclose(f);
	*d = (struct fs_blkdev){
		.name = path,
		.sectors = ((uint64_t)size + FS_SECTOR_SIZE - 1) / FS_SECTOR_SIZE,
		.read = ram_read,
		.write = ram_write,
		.flush = ram_flush,
		.priv = mem,
	};
	return 0;
}
