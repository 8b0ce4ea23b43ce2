// SPDX-License-Identifier: MIT
/*
 * Operations on an open inode (struct fs_node): data through libext2fs'
 * file I/O at an explicit offset (the server keeps no positions),
 * attributes, directory listing by cookie, truncation, durability.
 */
#include <dirent.h>
#include <errno.h>
#include <string.h>

#include <l4/fs/fs_proto.h>

#include "fs.h"

static int is_dir(struct fs_node *n)
{
	return LINUX_S_ISDIR(ext2fs_file_get_inode(n->file)->i_mode);
}

long fs_file_read(struct fs_node *n, uint64_t off, void *buf, size_t len)
{
	unsigned int got = 0;
	errcode_t e;

	if (is_dir(n))
		return -EISDIR;
	if (len > 0x40000000u)
		len = 0x40000000u;
	e = ext2fs_file_llseek(n->file, off, EXT2_SEEK_SET, NULL);
	if (!e)
		e = ext2fs_file_read(n->file, buf, (unsigned int)len, &got);
	return e && !got ? fs_errno(e) : (long)got;
}

long fs_file_write(struct fs_node *n, uint64_t off, const void *buf, size_t len)
{
	struct ext2_inode *inode = ext2fs_file_get_inode(n->file);
	unsigned int done = 0;
	errcode_t e;

	if (is_dir(n))
		return -EISDIR;
	if (len > 0x40000000u)
		len = 0x40000000u;
	e = ext2fs_file_llseek(n->file, off, EXT2_SEEK_SET, NULL);
	if (!e)
		e = ext2fs_file_write(n->file, buf, (unsigned int)len, &done);
	/* Written to disk with the inode (size change, block allocation, fsync). */
	inode->i_mtime = inode->i_ctime = fs_now();
	return e && !done ? fs_errno(e) : (long)done;
}

int fs_file_truncate(struct fs_node *n, uint64_t size)
{
	if (is_dir(n))
		return -EISDIR;
	return fs_errno(ext2fs_file_set_size2(n->file, size));
}

int fs_file_sync(struct fs_node *n)
{
	errcode_t e;

	if (!fs_vol.rw)
		return 0; /* nothing was ever written */
	e = ext2fs_file_flush(n->file);

	if (!e && !is_dir(n))
		e = ext2fs_write_inode(fs_vol.fs, n->ino, ext2fs_file_get_inode(n->file));
	if (e)
		return fs_errno(e);
	return fs_vol_sync();
}

int fs_file_stat(struct fs_node *n, uint64_t *w)
{
	struct ext2_inode inode;
	int err = fs_inode_load(n->ino, &inode);

	if (err)
		return err;
	memset(w, 0, L4REC_FS_STAT_WORDS * sizeof(*w));
	w[L4REC_FS_STAT_MODE] = inode.i_mode;
	w[L4REC_FS_STAT_INO] = n->ino;
	w[L4REC_FS_STAT_NLINK] = inode.i_links_count;
	w[L4REC_FS_STAT_SIZE] = EXT2_I_SIZE(&inode);
	w[L4REC_FS_STAT_BLOCKS] = ext2fs_get_stat_i_blocks(fs_vol.fs, (struct ext2_inode *)&inode);
	w[L4REC_FS_STAT_BLKSIZE] = fs_vol.fs->blocksize;
	w[L4REC_FS_STAT_UID] = inode_uid(inode);
	w[L4REC_FS_STAT_GID] = inode_gid(inode);
	w[L4REC_FS_STAT_ATIME] = inode.i_atime;
	w[L4REC_FS_STAT_MTIME] = inode.i_mtime;
	w[L4REC_FS_STAT_CTIME] = inode.i_ctime;
	return 0;
}

struct readdir_ctx {
	uint64_t cookie; /* first entry wanted */
	uint64_t index;	 /* of the entry seen next */
	long emitted;
	int (*emit)(void *ctx, const struct fs_dirent *d);
	void *ectx;
	bool has_ftype;
};

static unsigned dtype(int ft)
{
	static const unsigned char map[] = {
		[EXT2_FT_REG_FILE] = DT_REG, [EXT2_FT_DIR] = DT_DIR,   [EXT2_FT_CHRDEV] = DT_CHR,
		[EXT2_FT_BLKDEV] = DT_BLK,   [EXT2_FT_FIFO] = DT_FIFO, [EXT2_FT_SOCK] = DT_SOCK,
		[EXT2_FT_SYMLINK] = DT_LNK,
	};

	return ft > 0 && ft < (int)sizeof(map) ? map[ft] : DT_UNKNOWN;
}

static int readdir_one(struct ext2_dir_entry *de, int offset, int blocksize, char *buf, void *priv)
{
	struct readdir_ctx *c = priv;
	struct fs_dirent d;

	(void)offset;
	(void)blocksize;
	(void)buf;
	if (c->index++ < c->cookie)
		return 0;
	d.ino = de->inode;
	d.next = c->index;
	d.type = c->has_ftype ? dtype(ext2fs_dirent_file_type(de)) : DT_UNKNOWN;
	d.namelen = (unsigned)ext2fs_dirent_name_len(de);
	memcpy(d.name, de->name, d.namelen);
	d.name[d.namelen] = 0;
	if (c->emit(c->ectx, &d))
		return DIRENT_ABORT;
	c->emitted++;
	return 0;
}

long fs_file_readdir(struct fs_node *n, uint64_t cookie,
		     int (*emit)(void *ctx, const struct fs_dirent *d), void *ctx)
{
	struct readdir_ctx c = {
		.cookie = cookie,
		.emit = emit,
		.ectx = ctx,
		.has_ftype = ext2fs_has_feature_filetype(fs_vol.fs->super),
	};
	errcode_t e;

	if (!is_dir(n))
		return -ENOTDIR;
	e = ext2fs_dir_iterate(fs_vol.fs, n->ino, 0, NULL, readdir_one, &c);
	return e ? fs_errno(e) : c.emitted;
}
