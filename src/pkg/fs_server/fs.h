/* SPDX-License-Identifier: MIT */
/*
 * fs_server internals shared by its files: the mounted volume (vol.c),
 * inodes clients hold open (node.c), path resolution (path.c), the
 * operations of the volume (ns_ops.c) and of open files (file_ops.c).
 * Everything runs on the one server thread, so nothing here is locked.
 * Operations return 0, a byte/entry count, or a negative Linux errno
 * value (the protocol's error convention, <l4/fs/fs_proto.h>).
 */
#ifndef FS_SERVER_FS_H
#define FS_SERVER_FS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h> /* ext2fs.h uses dev_t and mode_t without including it */

#include <ext2fs/ext2fs.h>

#include "blkdev.h"

/* The mounted file system. */
struct fs_vol {
	ext2_filsys fs;
	struct fs_blkdev *dev;
	bool rw;
};

extern struct fs_vol fs_vol;

/* Open the ext2/3/4 file system on dev (read-write if it allows). 0 or -errno; says why. */
int fs_vol_mount(struct fs_blkdev *dev, bool want_rw);
/* Superblock, group descriptors, bitmaps, then the device's cache. */
int fs_vol_sync(void);
/* libext2fs error code (EXT2_ET_* or errno) to a negative errno. */
int fs_errno(errcode_t err);
/* The current time for inode stamps (seconds; 0-based: no RTC yet). */
uint32_t fs_now(void);

/*
 * An inode that clients have open.  All opens of one inode share one
 * ext2_file_t, so they see one size and one cached inode; an inode
 * unlinked while open is freed at its last close.
 */
struct fs_node {
	ext2_ino_t ino;
	ext2_file_t file;
	unsigned opens;
	bool unlinked;
};

/* The node of ino with one more open (created on the first), or NULL with *err set. */
struct fs_node *fs_node_get(ext2_ino_t ino, int *err);
/* One open less; at zero the file is closed (and freed if unlinked). */
int fs_node_put(struct fs_node *n);
/* The open node of ino, or NULL. */
struct fs_node *fs_node_find(ext2_ino_t ino);

/*
 * Inode access that keeps open nodes coherent: load gives the open
 * node's cached copy if there is one, store writes the inode and updates
 * that copy.
 */
int fs_inode_load(ext2_ino_t ino, struct ext2_inode *inode);
int fs_inode_store(ext2_ino_t ino, struct ext2_inode *inode);
/* Free an inode with no links left: its blocks, then the inode itself. */
int fs_inode_release(ext2_ino_t ino);

/* path.c: paths are relative to the volume root, '/'-separated. */
int fs_path_lookup(const char *path, ext2_ino_t *ino);
/* The directory holding path's last component, and that component. */
int fs_path_parent(const char *path, ext2_ino_t *dir, char *name, size_t namesz);
/* Link ino into dir as name (growing the directory if needed). */
int fs_dir_link(ext2_ino_t dir, const char *name, ext2_ino_t ino, int ftype);
/* 1 if dir has entries other than "." and "..", 0 if not, or -errno. */
int fs_dir_nonempty(ext2_ino_t dir);

/* ns_ops.c: the volume's operations. */
int fs_op_open(const char *path, int flags, unsigned mode, ext2_ino_t *ino);
int fs_op_mkdir(const char *path, unsigned mode);
int fs_op_unlink(const char *path, bool dir);
int fs_op_rename(const char *from, const char *to);

/* file_ops.c: operations on an open node. */
long fs_file_read(struct fs_node *n, uint64_t off, void *buf, size_t len);
long fs_file_write(struct fs_node *n, uint64_t off, const void *buf, size_t len);
int fs_file_truncate(struct fs_node *n, uint64_t size);
int fs_file_sync(struct fs_node *n);

/* Attributes, as the STAT reply carries them (enum l4rec_fs_stat_word). */
int fs_file_stat(struct fs_node *n, uint64_t *words);

/* One directory entry for READDIR. */
struct fs_dirent {
	uint64_t ino;
	uint64_t next; /* cookie of the entry after this one */
	unsigned type; /* DT_* */
	unsigned namelen;
	char name[256];
};
/*
 * Entries of directory n from cookie on; emit() is called per entry
 * until it returns non-zero (no room).  Number emitted or -errno.
 */
long fs_file_readdir(struct fs_node *n, uint64_t cookie,
		     int (*emit)(void *ctx, const struct fs_dirent *d), void *ctx);

#endif
