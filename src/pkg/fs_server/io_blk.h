/* SPDX-License-Identifier: MIT */
/*
 * The io_manager fs_server gives libext2fs: block I/O on a struct
 * fs_blkdev (blkdev.h) instead of a host file.  ext2fs_open() names the
 * device by the name passed to fs_io_blk_register(); there is one.
 */
#ifndef FS_SERVER_IO_BLK_H
#define FS_SERVER_IO_BLK_H

#include <sys/types.h> /* for ext2fs.h */

#include <ext2fs/ext2fs.h>

#include "blkdev.h"

extern io_manager fs_io_blk_manager;

/* Make dev the device ext2fs_open(dev->name, ..., fs_io_blk_manager) opens. */
void fs_io_blk_register(struct fs_blkdev *dev);

/* Counters since start, for the log and the benchmark. */
struct fs_io_blk_stats {
	unsigned long long bytes_read, bytes_written, requests, flushes;
};
void fs_io_blk_stats(struct fs_io_blk_stats *out);

#endif
