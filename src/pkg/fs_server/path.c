// SPDX-License-Identifier: MIT
/*
 * Paths and directories on the volume.  Clients send paths relative to the
 * volume root ("a/b/c", "" for the root; the C library normalises them),
 * but nothing a client sends is trusted: every component is looked up by
 * libext2fs in real directory entries, so ".." of the root is the root
 * and no path leaves the volume.  Intermediate symbolic links are
 * followed (libext2fs' namei), as is the last one of a lookup.
 */
#include <errno.h>
#include <string.h>

#include <l4/fs/fs_proto.h>

#include "fs.h"

int fs_path_lookup(const char *path, ext2_ino_t *ino)
{
	if (!*path) {
		*ino = EXT2_ROOT_INO;
		return 0;
	}
	return fs_errno(ext2fs_namei_follow(fs_vol.fs, EXT2_ROOT_INO, EXT2_ROOT_INO, path, ino));
}

int fs_path_parent(const char *path, ext2_ino_t *dir, char *name, size_t namesz)
{
	const char *slash = strrchr(path, '/');
	const char *last = slash ? slash + 1 : path;
	size_t len = strlen(last);
	struct ext2_inode inode;
	int err;

	if (!len || !strcmp(last, ".") || !strcmp(last, ".."))
		return -EINVAL;
	if (len > L4REC_FS_NAME_MAX || len >= namesz)
		return -ENAMETOOLONG;
	memcpy(name, last, len + 1);
	if (!slash) {
		*dir = EXT2_ROOT_INO;
	} else {
		char parent[L4REC_FS_RENAME_MAX + 1];
		size_t plen = (size_t)(slash - path);

		if (plen >= sizeof(parent))
			return -ENAMETOOLONG;
		memcpy(parent, path, plen);
		parent[plen] = 0;
		err = fs_path_lookup(parent, dir);
		if (err)
			return err;
	}
	err = fs_inode_load(*dir, &inode);
	if (err)
		return err;
	return LINUX_S_ISDIR(inode.i_mode) ? 0 : -ENOTDIR;
}

int fs_dir_link(ext2_ino_t dir, const char *name, ext2_ino_t ino, int ftype)
{
	errcode_t e = ext2fs_link(fs_vol.fs, dir, name, ino, ftype);

	if (e == EXT2_ET_DIR_NO_SPACE) {
		e = ext2fs_expand_dir(fs_vol.fs, dir);
		if (!e)
			e = ext2fs_link(fs_vol.fs, dir, name, ino, ftype);
	}
	return fs_errno(e);
}

static int count_entry(struct ext2_dir_entry *de, int offset, int blocksize, char *buf, void *priv)
{
	int len = ext2fs_dirent_name_len(de);
	int *found = priv;

	(void)offset;
	(void)blocksize;
	(void)buf;
	if (de->name[0] == '.' && (len == 1 || (len == 2 && de->name[1] == '.')))
		return 0;
	*found = 1;
	return DIRENT_ABORT;
}

int fs_dir_nonempty(ext2_ino_t dir)
{
	int found = 0;
	errcode_t e = ext2fs_dir_iterate(fs_vol.fs, dir, 0, NULL, count_entry, &found);

	return e ? fs_errno(e) : found;
}
