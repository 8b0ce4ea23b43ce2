// SPDX-License-Identifier: MIT
/*
 * libext2fs I/O manager over fs_server's block device (io_blk.h).
 *
 * libext2fs addresses the disk in blocks of the channel's current block
 * size (1024 while it looks for the superblock, then the file system's),
 * and a negative count means a byte count.  Block sizes are multiples of
 * the 512-byte sector, so every transfer starts on a sector; only a byte
 * count may end inside one, and that tail goes through a sector-sized
 * bounce (read-modify-write for writes).  Requests run synchronously on
 * the calling (server) thread: the server handles one request at a time.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <l4/sys/err.h>

#include "io_blk.h"

static struct fs_blkdev *the_dev;
static struct fs_io_blk_stats stats;

void fs_io_blk_register(struct fs_blkdev *dev)
{
	the_dev = dev;
}

void fs_io_blk_stats(struct fs_io_blk_stats *out)
{
	*out = stats;
}

/* A device error as libext2fs wants it: an errno value. */
static errcode_t dev_err(int err)
{
	return err == -L4_ERANGE ? EXT2_ET_LLSEEK_FAILED : EIO;
}

static errcode_t blk_open(const char *name, int flags, io_channel *channel)
{
	io_channel io;
	errcode_t err;

	if (!the_dev || strcmp(name, the_dev->name))
		return EXT2_ET_BAD_DEVICE_NAME;
	if ((flags & IO_FLAG_RW) && the_dev->read_only)
		return EROFS;
	err = ext2fs_get_memzero(sizeof(*io), &io);
	if (err)
		return err;
	err = ext2fs_get_mem(strlen(name) + 1, &io->name);
	if (err) {
		ext2fs_free_mem(&io);
		return err;
	}
	strcpy(io->name, name);
	io->magic = EXT2_ET_MAGIC_IO_CHANNEL;
	io->manager = fs_io_blk_manager;
	io->block_size = 1024;
	io->refcount = 1;
	io->flags = flags;
	io->private_data = the_dev;
	*channel = io;
	return 0;
}

static errcode_t blk_close(io_channel io)
{
	EXT2_CHECK_MAGIC(io, EXT2_ET_MAGIC_IO_CHANNEL);
	if (--io->refcount > 0)
		return 0;
	ext2fs_free_mem(&io->name);
	ext2fs_free_mem(&io);
	return 0;
}

static errcode_t blk_set_blksize(io_channel io, int blksize)
{
	EXT2_CHECK_MAGIC(io, EXT2_ET_MAGIC_IO_CHANNEL);
	if (blksize <= 0 || blksize % FS_SECTOR_SIZE)
		return EXT2_ET_INVALID_ARGUMENT;
	io->block_size = blksize;
	return 0;
}

/* Byte position and length of a libext2fs request. */
static errcode_t span(io_channel io, unsigned long long block, int count, uint64_t *sector,
		      size_t *bytes)
{
	uint64_t off = block * (uint64_t)io->block_size;

	*bytes = count < 0 ? (size_t) - (long)count : (size_t)count * (size_t)io->block_size;
	*sector = off / FS_SECTOR_SIZE;
	return off % FS_SECTOR_SIZE ? EXT2_ET_INVALID_ARGUMENT : 0;
}

static errcode_t blk_read64(io_channel io, unsigned long long block, int count, void *data)
{
	struct fs_blkdev *d = io->private_data;
	size_t bytes, whole, tail;
	uint64_t sector;
	errcode_t e = span(io, block, count, &sector, &bytes);
	int err;

	if (e)
		return e;
	whole = bytes / FS_SECTOR_SIZE;
	tail = bytes % FS_SECTOR_SIZE;
	err = whole ? d->read(d, sector, data, whole) : 0;
	if (!err && tail) {
		unsigned char sec[FS_SECTOR_SIZE];

		err = d->read(d, sector + whole, sec, 1);
		if (!err)
			memcpy((char *)data + whole * FS_SECTOR_SIZE, sec, tail);
	}
	if (err)
		return dev_err(err);
	stats.bytes_read += bytes;
	stats.requests++;
	return 0;
}

static errcode_t blk_write64(io_channel io, unsigned long long block, int count, const void *data)
{
	struct fs_blkdev *d = io->private_data;
	size_t bytes, whole, tail;
	uint64_t sector;
	errcode_t e = span(io, block, count, &sector, &bytes);
	int err;

	if (e)
		return e;
	if (!(io->flags & IO_FLAG_RW))
		return EXT2_ET_RO_FILSYS;
	whole = bytes / FS_SECTOR_SIZE;
	tail = bytes % FS_SECTOR_SIZE;
	err = whole ? d->write(d, sector, data, whole) : 0;
	if (!err && tail) {
		unsigned char sec[FS_SECTOR_SIZE];

		err = d->read(d, sector + whole, sec, 1);
		if (!err) {
			memcpy(sec, (const char *)data + whole * FS_SECTOR_SIZE, tail);
			err = d->write(d, sector + whole, sec, 1);
		}
	}
	if (err)
		return dev_err(err);
	stats.bytes_written += bytes;
	stats.requests++;
	return 0;
}

static errcode_t blk_read(io_channel io, unsigned long block, int count, void *data)
{
	return blk_read64(io, block, count, data);
}

static errcode_t blk_write(io_channel io, unsigned long block, int count, const void *data)
{
	return blk_write64(io, block, count, data);
}

static errcode_t blk_flush(io_channel io)
{
	struct fs_blkdev *d = io->private_data;

	EXT2_CHECK_MAGIC(io, EXT2_ET_MAGIC_IO_CHANNEL);
	if (!(io->flags & IO_FLAG_RW))
		return 0;
	stats.flushes++;
	return d->flush(d) ? EIO : 0;
}

static errcode_t blk_set_option(io_channel io, const char *option, const char *arg)
{
	(void)io;
	(void)option;
	(void)arg;
	return EXT2_ET_INVALID_ARGUMENT;
}

static errcode_t blk_get_stats(io_channel io, io_stats *out)
{
	static struct struct_io_stats s;

	(void)io;
	s.num_fields = 2;
	s.bytes_read = stats.bytes_read;
	s.bytes_written = stats.bytes_written;
	*out = &s;
	return 0;
}

static struct struct_io_manager blk_manager = {
	.magic = EXT2_ET_MAGIC_IO_MANAGER,
	.name = "L4ReC block device I/O manager",
	.open = blk_open,
	.close = blk_close,
	.set_blksize = blk_set_blksize,
	.read_blk = blk_read,
	.write_blk = blk_write,
	.flush = blk_flush,
	.set_option = blk_set_option,
	.get_stats = blk_get_stats,
	.read_blk64 = blk_read64,
	.write_blk64 = blk_write64,
};

io_manager fs_io_blk_manager = &blk_manager;
