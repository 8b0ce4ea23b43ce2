// SPDX-License-Identifier: MIT
/*
 * The volume's operations by path: open (and create), mkdir, unlink and
 * rmdir, rename.  Each keeps the file system consistent on its own when
 * it completes (inode, bitmaps, directory entries, link counts), so that
 * the next fs_vol_sync() writes a state e2fsck accepts; none syncs by
 * itself (fsync does, docs/fs.md).
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>

#include "fs.h"

static int file_type(unsigned mode)
{
	if (LINUX_S_ISDIR(mode))
		return EXT2_FT_DIR;
	if (LINUX_S_ISLNK(mode))
		return EXT2_FT_SYMLINK;
	if (LINUX_S_ISREG(mode))
		return EXT2_FT_REG_FILE;
	if (LINUX_S_ISCHR(mode))
		return EXT2_FT_CHRDEV;
	if (LINUX_S_ISBLK(mode))
		return EXT2_FT_BLKDEV;
	if (LINUX_S_ISFIFO(mode))
		return EXT2_FT_FIFO;
	if (LINUX_S_ISSOCK(mode))
		return EXT2_FT_SOCK;
	return EXT2_FT_UNKNOWN;
}

/* A new, empty regular file called name in dir. */
static int create_file(ext2_ino_t dir, const char *name, unsigned mode, ext2_ino_t *out)
{
	ext2_filsys fs = fs_vol.fs;
	struct ext2_inode inode;
	ext2_ino_t ino;
	errcode_t e;
	int err;

	e = ext2fs_new_inode(fs, dir, LINUX_S_IFREG | 0600, NULL, &ino);
	if (e)
		return fs_errno(e);
	memset(&inode, 0, sizeof(inode));
	inode.i_mode = LINUX_S_IFREG | (mode & 07777);
	inode.i_atime = inode.i_ctime = inode.i_mtime = fs_now();
	inode.i_links_count = 1;
	if (ext2fs_has_feature_extents(fs->super)) {
		ext2_extent_handle_t h;

		/* Opening an extent handle on a fresh inode writes the empty tree header. */
		e = ext2fs_extent_open2(fs, ino, &inode, &h);
		if (e)
			return fs_errno(e);
		ext2fs_extent_free(h);
	}
	e = ext2fs_write_new_inode(fs, ino, &inode);
	if (e)
		return fs_errno(e);
	ext2fs_inode_alloc_stats2(fs, ino, +1, 0);
	err = fs_dir_link(dir, name, ino, EXT2_FT_REG_FILE);
	if (err) {
		ext2fs_inode_alloc_stats2(fs, ino, -1, 0);
		return err;
	}
	*out = ino;
	return 0;
}

int fs_op_open(const char *path, int flags, unsigned mode, ext2_ino_t *ino)
{
	int acc = flags & O_ACCMODE;
	struct ext2_inode inode;
	int err = fs_path_lookup(path, ino);

	if (err == -ENOENT && (flags & O_CREAT)) {
		char name[EXT2_NAME_LEN + 1];
		ext2_ino_t dir;

		if (!fs_vol.rw)
			return -EROFS;
		err = fs_path_parent(path, &dir, name, sizeof(name));
		if (err)
			return err;
		return create_file(dir, name, mode, ino);
	}
	if (err)
		return err;
	if ((flags & O_CREAT) && (flags & O_EXCL))
		return -EEXIST;
	err = fs_inode_load(*ino, &inode);
	if (err)
		return err;
	if (LINUX_S_ISDIR(inode.i_mode) && (acc != O_RDONLY || (flags & O_TRUNC)))
		return -EISDIR;
	if ((flags & O_DIRECTORY) && !LINUX_S_ISDIR(inode.i_mode))
		return -ENOTDIR;
	if (!LINUX_S_ISDIR(inode.i_mode) && !LINUX_S_ISREG(inode.i_mode))
		return -ENXIO; /* devices, fifos, sockets: nothing to serve them with */
	if ((acc != O_RDONLY || (flags & O_TRUNC)) && !fs_vol.rw)
		return -EROFS;
	return 0;
}

/*
 * ext2fs_mkdir() writes the new directory's inode before it links it; when
 * the link then fails (name taken, directory full) it frees the inode in
 * the bitmap but leaves the written inode behind, which e2fsck takes for
 * a lost directory.  So the name is checked first, the inode number is
 * chosen here, and a failed attempt's inode is wiped.
 */
static errcode_t mkdir_at(ext2_ino_t dir, const char *name, ext2_ino_t *ino)
{
	struct ext2_inode zero;
	errcode_t e;

	e = ext2fs_new_inode(fs_vol.fs, dir, LINUX_S_IFDIR | 0755, NULL, ino);
	if (e)
		return e;
	e = ext2fs_mkdir(fs_vol.fs, dir, *ino, name);
	if (e) {
		memset(&zero, 0, sizeof(zero));
		ext2fs_write_inode(fs_vol.fs, *ino, &zero);
	}
	return e;
}

int fs_op_mkdir(const char *path, unsigned mode)
{
	char name[EXT2_NAME_LEN + 1];
	struct ext2_inode inode;
	ext2_ino_t dir, ino;
	errcode_t e;
	int err;

	if (!fs_vol.rw)
		return -EROFS;
	err = fs_path_parent(path, &dir, name, sizeof(name));
	if (err)
		return err;
	e = ext2fs_lookup(fs_vol.fs, dir, name, (int)strlen(name), NULL, &ino);
	if (e != EXT2_ET_FILE_NOT_FOUND)
		return e ? fs_errno(e) : -EEXIST;
	e = mkdir_at(dir, name, &ino);
	if (e == EXT2_ET_DIR_NO_SPACE) {
		e = ext2fs_expand_dir(fs_vol.fs, dir);
		if (!e)
			e = mkdir_at(dir, name, &ino);
	}
	if (e)
		return fs_errno(e);
	/* ext2fs_mkdir applies the library's umask; give the mode asked for. */
	e = ext2fs_read_inode(fs_vol.fs, ino, &inode);
	if (e)
		return fs_errno(e);
	inode.i_mode = LINUX_S_IFDIR | (mode & 07777);
	inode.i_atime = inode.i_ctime = inode.i_mtime = fs_now();
	return fs_inode_store(ino, &inode);
}

/* Drop one name of ino (which is a directory if dir); free it when none is left. */
static int drop_link(ext2_ino_t parent, ext2_ino_t ino, bool dir)
{
	struct ext2_inode inode;
	struct fs_node *n;
	int err = fs_inode_load(ino, &inode);

	if (err)
		return err;
	if (dir) {
		struct ext2_inode p;

		/* An empty directory's only names are its entry and its own ".". */
		inode.i_links_count = 0;
		err = fs_inode_load(parent, &p);
		if (err)
			return err;
		if (p.i_links_count > 1)
			p.i_links_count--;
		err = fs_inode_store(parent, &p);
		if (err)
			return err;
	} else if (inode.i_links_count) {
		inode.i_links_count--;
	}
	inode.i_ctime = fs_now();
	err = fs_inode_store(ino, &inode);
	if (err || inode.i_links_count)
		return err;
	n = fs_node_find(ino);
	if (n) {
		n->unlinked = true; /* freed at its last close, as POSIX wants */
		return 0;
	}
	return fs_inode_release(ino);
}

int fs_op_unlink(const char *path, bool dir)
{
	char name[EXT2_NAME_LEN + 1];
	struct ext2_inode inode;
	ext2_ino_t parent, ino;
	errcode_t e;
	int err;

	if (!fs_vol.rw)
		return -EROFS;
	err = fs_path_parent(path, &parent, name, sizeof(name));
	if (err)
		return err;
	e = ext2fs_lookup(fs_vol.fs, parent, name, (int)strlen(name), NULL, &ino);
	if (e)
		return fs_errno(e);
	err = fs_inode_load(ino, &inode);
	if (err)
		return err;
	if (dir != LINUX_S_ISDIR(inode.i_mode))
		return dir ? -ENOTDIR : -EISDIR;
	if (dir) {
		err = fs_dir_nonempty(ino);
		if (err)
			return err < 0 ? err : -ENOTEMPTY;
	}
	e = ext2fs_unlink(fs_vol.fs, parent, name, ino, 0);
	if (e)
		return fs_errno(e);
	return drop_link(parent, ino, dir);
}

/* Is dir the directory anc or inside it?  Walks ".." up to the root. */
static int inside(ext2_ino_t dir, ext2_ino_t anc)
{
	for (unsigned depth = 0; depth < 4096; depth++) {
		ext2_ino_t up;
		errcode_t e;

		if (dir == anc)
			return 1;
		if (dir == EXT2_ROOT_INO)
			return 0;
		e = ext2fs_lookup(fs_vol.fs, dir, "..", 2, NULL, &up);
		if (e)
			return fs_errno(e);
		dir = up;
	}
	return -ELOOP;
}

struct dotdot {
	ext2_ino_t to;
};

static int set_dotdot(struct ext2_dir_entry *de, int offset, int blocksize, char *buf, void *priv)
{
	struct dotdot *d = priv;

	(void)offset;
	(void)blocksize;
	(void)buf;
	if (ext2fs_dirent_name_len(de) == 2 && de->name[0] == '.' && de->name[1] == '.') {
		de->inode = d->to;
		return DIRENT_CHANGED | DIRENT_ABORT;
	}
	return 0;
}

/* Adjust a directory's link count by delta (its subdirectories' ".." entries). */
static int add_links(ext2_ino_t dir, int delta)
{
	struct ext2_inode inode;
	int err = fs_inode_load(dir, &inode);

	if (err)
		return err;
	inode.i_links_count = (uint16_t)(inode.i_links_count + delta);
	inode.i_ctime = inode.i_mtime = fs_now();
	return fs_inode_store(dir, &inode);
}

int fs_op_rename(const char *from, const char *to)
{
	char sname[EXT2_NAME_LEN + 1], dname[EXT2_NAME_LEN + 1];
	struct ext2_inode sinode, dinode;
	ext2_ino_t sdir, ddir, sino, dino = 0;
	bool sisdir;
	errcode_t e;
	int err;

	if (!fs_vol.rw)
		return -EROFS;
	err = fs_path_parent(from, &sdir, sname, sizeof(sname));
	if (!err)
		err = fs_path_parent(to, &ddir, dname, sizeof(dname));
	if (err)
		return err;
	e = ext2fs_lookup(fs_vol.fs, sdir, sname, (int)strlen(sname), NULL, &sino);
	if (e)
		return fs_errno(e);
	err = fs_inode_load(sino, &sinode);
	if (err)
		return err;
	sisdir = LINUX_S_ISDIR(sinode.i_mode);
	if (sisdir) {
		err = inside(ddir, sino);
		if (err)
			return err < 0 ? err : -EINVAL; /* into itself */
	}
	e = ext2fs_lookup(fs_vol.fs, ddir, dname, (int)strlen(dname), NULL, &dino);
	if (e && e != EXT2_ET_FILE_NOT_FOUND)
		return fs_errno(e);
	if (!e) {
		if (dino == sino)
			return 0;
		err = fs_inode_load(dino, &dinode);
		if (err)
			return err;
		if (LINUX_S_ISDIR(dinode.i_mode) != sisdir)
			return sisdir ? -ENOTDIR : -EISDIR;
		if (sisdir) {
			err = fs_dir_nonempty(dino);
			if (err)
				return err < 0 ? err : -ENOTEMPTY;
		}
		e = ext2fs_unlink(fs_vol.fs, ddir, dname, dino, 0);
		if (e)
			return fs_errno(e);
		err = drop_link(ddir, dino, sisdir);
		if (err)
			return err;
	}
	err = fs_dir_link(ddir, dname, sino, file_type(sinode.i_mode));
	if (err)
		return err;
	e = ext2fs_unlink(fs_vol.fs, sdir, sname, sino, 0);
	if (e)
		return fs_errno(e);
	if (sisdir && sdir != ddir) {
		struct dotdot d = { ddir };

		e = ext2fs_dir_iterate(fs_vol.fs, sino, 0, NULL, set_dotdot, &d);
		if (e)
			return fs_errno(e);
		err = add_links(sdir, -1);
		if (!err)
			err = add_links(ddir, +1);
		if (err)
			return err;
	}
	err = fs_inode_load(sino, &sinode);
	if (err)
		return err;
	sinode.i_ctime = fs_now();
	return fs_inode_store(sino, &sinode);
}
