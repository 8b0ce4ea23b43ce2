// SPDX-License-Identifier: MIT
/*
 * The volume fs_server serves: opening the ext4 file system on the block
 * device with libext2fs, making it durable, and turning libext2fs' error
 * codes into the errno values of the protocol.
 *
 * libext2fs writes metadata in place and knows no journal replay, so a
 * volume whose journal needs recovery (the kernel of some other system
 * crashed with it mounted) is served read-only: writing around a live
 * journal would be undone by its replay.  The superblock's clean state is
 * left as mke2fs/e2fsck set it; consistency on disk is what fs_vol_sync()
 * (every fsync) establishes.
 */
#include <errno.h>
#include <stdio.h>

#include <et/com_err.h>
#include <l4/re/env.h>
#include <l4/sys/kip.h>

#include "fs.h"
#include "io_blk.h"

struct fs_vol fs_vol;

/*
 * There is no real-time clock yet: time goes on from the volume's last
 * write (mke2fs or the last sync wrote the host's time there) by the time
 * since boot.  Timestamps stay plausible and never go back far; e2fsck
 * reads a small i_dtime as a link of the orphan list, so 1970 will not do.
 */
static uint32_t time_base;

uint32_t fs_now(void)
{
	return time_base + (uint32_t)(l4_kip_clock(l4re_kip()) / 1000000);
}

int fs_errno(errcode_t err)
{
	if (!err)
		return 0;
	if (err > 0 && err < 4096)
		return -(int)err; /* libext2fs passes errno values through */
	switch (err) {
	case EXT2_ET_FILE_NOT_FOUND:
		return -ENOENT;
	case EXT2_ET_NO_DIRECTORY:
		return -ENOTDIR;
	case EXT2_ET_DIR_EXISTS:
	case EXT2_ET_FILE_EXISTS:
		return -EEXIST;
	case EXT2_ET_DIR_NO_SPACE:
	case EXT2_ET_BLOCK_ALLOC_FAIL:
	case EXT2_ET_INODE_ALLOC_FAIL:
	case EXT2_ET_EA_NO_SPACE:
		return -ENOSPC;
	case EXT2_ET_RO_FILSYS:
	case EXT2_ET_RO_UNSUPP_FEATURE:
		return -EROFS;
	case EXT2_ET_FILE_TOO_BIG:
	case EXT2_ET_EXTENT_NOT_SUPPORTED:
		return -EFBIG;
	case EXT2_ET_NO_MEMORY:
		return -ENOMEM;
	case EXT2_ET_INVALID_ARGUMENT:
		return -EINVAL;
	case EXT2_ET_SYMLINK_LOOP:
		return -ELOOP;
	default:
		return -EIO;
	}
}

int fs_vol_mount(struct fs_blkdev *dev, bool want_rw)
{
	int flags = EXT2_FLAG_64BITS | (want_rw && !dev->read_only ? EXT2_FLAG_RW : 0);
	ext2_filsys fs;
	errcode_t err;

	initialize_ext2_error_table();
	fs_io_blk_register(dev);
	err = ext2fs_open(dev->name, flags, 0, 0, fs_io_blk_manager, &fs);
	if (err) {
		printf("fs_server: cannot mount %s: %s (no ext2/3/4 file system or a corrupt "
		       "superblock; run e2fsck)\n",
		       dev->name, error_message(err));
		return fs_errno(err) == -EIO ? -EINVAL : fs_errno(err);
	}
	if ((flags & EXT2_FLAG_RW) && ext2fs_has_feature_journal_needs_recovery(fs->super)) {
		printf("fs_server: %s: the journal needs recovery (run e2fsck); serving read-only\n",
		       dev->name);
		ext2fs_close_free(&fs);
		flags &= ~EXT2_FLAG_RW;
		err = ext2fs_open(dev->name, flags, 0, 0, fs_io_blk_manager, &fs);
		if (err) {
			printf("fs_server: cannot mount %s: %s\n", dev->name, error_message(err));
			return fs_errno(err);
		}
	}
	err = ext2fs_read_bitmaps(fs);
	if (err) {
		printf("fs_server: %s: cannot read the allocation bitmaps: %s\n", dev->name,
		       error_message(err));
		ext2fs_close_free(&fs);
		return fs_errno(err) == -EIO ? -EINVAL : fs_errno(err);
	}
	time_base = fs->super->s_wtime > fs->super->s_mkfs_time ? fs->super->s_wtime :
								  fs->super->s_mkfs_time;
	fs_vol.fs = fs;
	fs_vol.dev = dev;
	fs_vol.rw = flags & EXT2_FLAG_RW;
	return 0;
}

int fs_vol_sync(void)
{
	errcode_t err;

	if (!fs_vol.rw)
		return 0;
	err = ext2fs_flush(fs_vol.fs); /* ends with a device flush (io_blk.c) */
	if (err)
		printf("fs_server: sync failed: %s\n", error_message(err));
	return fs_errno(err);
}
