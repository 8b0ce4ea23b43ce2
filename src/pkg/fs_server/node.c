// SPDX-License-Identifier: MIT
/*
 * Inodes clients hold open (fs.h: struct fs_node), and inode access that
 * stays coherent with them.  An ext2_file_t caches its inode and writes
 * that copy back when the file grows or gets blocks; changing the inode
 * behind its back (a link count by unlink, say) would be overwritten.  So
 * every inode change goes through fs_inode_store(), which updates the
 * cached copy of an open file as well.
 */
#include <errno.h>
#include <string.h>

#include "fs.h"

#define FS_MAX_NODES 256

static struct fs_node nodes[FS_MAX_NODES];

struct fs_node *fs_node_find(ext2_ino_t ino)
{
	for (unsigned i = 0; i < FS_MAX_NODES; i++)
		if (nodes[i].opens && nodes[i].ino == ino)
			return &nodes[i];
	return NULL;
}

struct fs_node *fs_node_get(ext2_ino_t ino, int *err)
{
	struct fs_node *n = fs_node_find(ino);
	errcode_t e;

	if (n) {
		n->opens++;
		return n;
	}
	for (unsigned i = 0; i < FS_MAX_NODES && !n; i++)
		if (!nodes[i].opens)
			n = &nodes[i];
	if (!n) {
		*err = -ENFILE;
		return NULL;
	}
	e = ext2fs_file_open(fs_vol.fs, ino, fs_vol.rw ? EXT2_FILE_WRITE : 0, &n->file);
	if (e) {
		*err = fs_errno(e);
		return NULL;
	}
	n->ino = ino;
	n->opens = 1;
	n->unlinked = false;
	return n;
}

int fs_node_put(struct fs_node *n)
{
	ext2_ino_t ino = n->ino;
	bool unlinked = n->unlinked;
	errcode_t e;

	if (--n->opens)
		return 0;
	e = ext2fs_file_close(n->file);
	n->file = NULL;
	if (unlinked) {
		int err = fs_inode_release(ino);

		return err ? err : fs_errno(e);
	}
	return fs_errno(e);
}

int fs_inode_load(ext2_ino_t ino, struct ext2_inode *inode)
{
	struct fs_node *n = fs_node_find(ino);

	/*
	 * Directories change through libext2fs' directory code (link, mkdir,
	 * expand), which reads and writes the inode itself, never through an
	 * ext2_file_t: for them the disk is the truth.
	 */
	if (n && !LINUX_S_ISDIR(ext2fs_file_get_inode(n->file)->i_mode)) {
		*inode = *ext2fs_file_get_inode(n->file);
		return 0;
	}
	return fs_errno(ext2fs_read_inode(fs_vol.fs, ino, inode));
}

int fs_inode_store(ext2_ino_t ino, struct ext2_inode *inode)
{
	struct fs_node *n = fs_node_find(ino);
	errcode_t e = ext2fs_write_inode(fs_vol.fs, ino, inode);

	if (!e && n)
		*ext2fs_file_get_inode(n->file) = *inode;
	return fs_errno(e);
}

int fs_inode_release(ext2_ino_t ino)
{
	struct ext2_inode inode;
	errcode_t e;
	int err;

	err = fs_inode_load(ino, &inode);
	if (err)
		return err;
	if (ext2fs_inode_has_valid_blocks2(fs_vol.fs, &inode)) {
		e = ext2fs_punch(fs_vol.fs, ino, &inode, NULL, 0, ~0ULL);
		if (e)
			return fs_errno(e);
	}
	inode.i_dtime = fs_now() ? fs_now() : 1; /* 0 would mean "in use" to e2fsck */
	err = fs_inode_store(ino, &inode);
	if (err)
		return err;
	ext2fs_inode_alloc_stats2(fs_vol.fs, ino, -1, LINUX_S_ISDIR(inode.i_mode));
	return 0;
}
