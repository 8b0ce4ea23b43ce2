// SPDX-License-Identifier: MIT
/*
 * l4re-libc backend: the system calls on directories and names, and the
 * ones only writable file systems (file servers) answer: getdents64,
 * mkdirat, unlinkat, renameat(2), fsync/fdatasync, ftruncate.  Each goes
 * to the mounted file system's optional operation (vfs.h); a file system
 * without it is read-only (-EROFS) or not a directory (-ENOTDIR).  As in
 * file_sys.c, relative paths are relative to "/" from every directory.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>

#include "backend.h"
#include "vfs.h"

long __l4libc_sys_getdents(int fd, void *buf, size_t n)
{
	struct __l4libc_file *f = __l4libc_vfs_get(fd);
	long r;

	if (!f)
		return -EBADF;
	r = f->ops->getdents ? f->ops->getdents(f, buf, n) : -ENOTDIR;
	__l4libc_vfs_put(f);
	return r;
}

static long resolve(int dirfd, const char *path, char *canon, struct __l4libc_fs *fs,
		    const char **rest)
{
	if (dirfd != AT_FDCWD && path[0] != '/')
		return -ENOTDIR;
	return __l4libc_vfs_resolve(path, canon, L4LIBC_PATH_MAX, fs, rest);
}

long __l4libc_sys_mkdirat(int dirfd, const char *path, int mode)
{
	char canon[L4LIBC_PATH_MAX];
	struct __l4libc_fs fs;
	const char *rest;
	long r = resolve(dirfd, path, canon, &fs, &rest);

	if (r < 0)
		return r;
	if (!rest[0])
		return -EEXIST; /* the mount point itself */
	return fs.mkdir ? fs.mkdir(fs.ctx, rest, mode) : -EROFS;
}

long __l4libc_sys_unlinkat(int dirfd, const char *path, int flags)
{
	char canon[L4LIBC_PATH_MAX];
	struct __l4libc_fs fs;
	const char *rest;
	long r = resolve(dirfd, path, canon, &fs, &rest);

	if (r < 0)
		return r;
	if (!rest[0])
		return -EBUSY;
	return fs.unlink ? fs.unlink(fs.ctx, rest, !!(flags & AT_REMOVEDIR)) : -EROFS;
}

long __l4libc_sys_renameat(int olddirfd, const char *from, int newdirfd, const char *to,
			   unsigned flags)
{
	char ca[L4LIBC_PATH_MAX], cb[L4LIBC_PATH_MAX];
	struct __l4libc_fs fa, fb;
	const char *ra, *rb;
	long r;

	if (flags)
		return -EINVAL; /* RENAME_NOREPLACE and friends */
	r = resolve(olddirfd, from, ca, &fa, &ra);
	if (r >= 0)
		r = resolve(newdirfd, to, cb, &fb, &rb);
	if (r < 0)
		return r;
	if (fa.ctx != fb.ctx || fa.rename != fb.rename || (size_t)(ra - ca) != (size_t)(rb - cb) ||
	    strncmp(ca, cb, (size_t)(ra - ca)))
		return -EXDEV; /* different mounts */
	if (!ra[0] || !rb[0])
		return -EBUSY;
	return fa.rename ? fa.rename(fa.ctx, ra, rb) : -EROFS;
}

long __l4libc_sys_fsync(int fd)
{
	struct __l4libc_file *f = __l4libc_vfs_get(fd);
	long r;

	if (!f)
		return -EBADF;
	/* Nothing to make durable for files without the operation (console, rom). */
	r = f->ops->fsync ? f->ops->fsync(f) : 0;
	__l4libc_vfs_put(f);
	return r;
}

long __l4libc_sys_ftruncate(int fd, int64_t size)
{
	struct __l4libc_file *f = __l4libc_vfs_get(fd);
	long r;

	if (!f)
		return -EBADF;
	if (size < 0)
		r = -EINVAL;
	else if ((f->oflags & O_ACCMODE) == O_RDONLY)
		r = -EBADF;
	else
		r = f->ops->truncate ? f->ops->truncate(f, (uint64_t)size) : -EINVAL;
	__l4libc_vfs_put(f);
	return r;
}
