// SPDX-License-Identifier: MIT
/*
 * l4re-libc backend: the VFS core (vfs.h): mount table, path
 * normalisation and the descriptor table.  One lock protects the table and
 * the reference counts; file operations run outside it, holding a
 * reference, so a slow file server never blocks other descriptors.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>

#include "lock.h"
#include "vfs.h"

static struct __l4libc_lock vfs_lock;

/* protected by vfs_lock */
static struct {
	char prefix[32];
	struct __l4libc_fs fs;
} mounts[L4LIBC_MAX_MOUNTS];
static unsigned nmounts;
static struct __l4libc_file *fds[L4LIBC_MAX_FDS];

long __l4libc_l4err_to_errno(long err)
{
	/* L4's error numbers are Linux's; IPC failures (-2000 - code) are I/O errors. */
	if (err >= 0)
		return err;
	if (err <= -2000)
		return -EIO;
	return err;
}

long __l4libc_vfs_mount(const char *prefix, const struct __l4libc_fs *fs)
{
	size_t l = strlen(prefix);
	long r = 0;

	if (!l || l >= sizeof(mounts[0].prefix) || strchr(prefix, '/'))
		return -EINVAL;
	__l4libc_lock(&vfs_lock);
	if (nmounts == L4LIBC_MAX_MOUNTS) {
		r = -ENOMEM;
	} else {
		memcpy(mounts[nmounts].prefix, prefix, l + 1);
		mounts[nmounts].fs = *fs;
		nmounts++;
	}
	__l4libc_unlock(&vfs_lock);
	return r;
}

long __l4libc_vfs_normalize(const char *path, char *out, size_t outsz)
{
	size_t o = 0;

	if (!outsz)
		return -ENAMETOOLONG;
	while (*path) {
		const char *c;
		size_t l;

		while (*path == '/')
			path++;
		c = path;
		while (*path && *path != '/')
			path++;
		l = (size_t)(path - c);
		if (!l || (l == 1 && c[0] == '.'))
			continue;
		if (l == 2 && c[0] == '.' && c[1] == '.') {
			/* Drop the last component; ".." of the root is the root. */
			while (o && out[o - 1] != '/')
				o--;
			if (o)
				o--;
			continue;
		}
		if (o + (o ? 1 : 0) + l + 1 > outsz)
			return -ENAMETOOLONG;
		if (o)
			out[o++] = '/';
		memcpy(out + o, c, l);
		o += l;
	}
	out[o] = 0;
	return 0;
}

/* The mount holding path (canonical) and the rest of the path in it. */
static int find_mount(const char *path, struct __l4libc_fs *fs, const char **rest)
{
	size_t best = 0;
	int found = 0;

	__l4libc_lock(&vfs_lock);
	for (unsigned i = 0; i < nmounts; i++) {
		size_t l = strlen(mounts[i].prefix);

		if (l > best && !strncmp(path, mounts[i].prefix, l) &&
		    (path[l] == 0 || path[l] == '/')) {
			best = l;
			*fs = mounts[i].fs;
			found = 1;
		}
	}
	__l4libc_unlock(&vfs_lock);
	*rest = path + best + (path[best] == '/');
	return found;
}

long __l4libc_vfs_resolve(const char *path, char *canon, size_t sz, struct __l4libc_fs *fs,
			  const char **rest)
{
	long r = __l4libc_vfs_normalize(path, canon, sz);

	if (r < 0)
		return r;
	return find_mount(canon, fs, rest) ? 0 : -ENOENT;
}

long __l4libc_vfs_install(struct __l4libc_file *f, int fd)
{
	long r = -EMFILE;

	__l4libc_lock(&vfs_lock);
	if (fd >= 0) {
		if (fd >= L4LIBC_MAX_FDS) {
			r = -EBADF;
		} else if (!fds[fd]) {
			fds[fd] = f;
			f->refs++;
			r = fd;
		} else {
			r = -EBUSY;
		}
	} else {
		for (int i = 0; i < L4LIBC_MAX_FDS; i++) {
			if (!fds[i]) {
				fds[i] = f;
				f->refs++;
				r = i;
				break;
			}
		}
	}
	__l4libc_unlock(&vfs_lock);
	return r;
}

long __l4libc_vfs_open(const char *path, int oflags, int mode)
{
	char canon[L4LIBC_PATH_MAX];
	struct __l4libc_fs fs;
	struct __l4libc_file *f;
	const char *rest;
	long r;

	r = __l4libc_vfs_resolve(path, canon, sizeof(canon), &fs, &rest);
	if (r < 0)
		return r;
	r = fs.open(fs.ctx, rest, oflags, mode, &f);
	if (r < 0)
		return r;
	f->oflags = oflags;
	f->refs = 0;
	f->pos = 0;
	r = __l4libc_vfs_install(f, -1);
	if (r < 0 && f->ops->release)
		f->ops->release(f);
	return r;
}

struct __l4libc_file *__l4libc_vfs_get(int fd)
{
	struct __l4libc_file *f = NULL;

	if (fd < 0 || fd >= L4LIBC_MAX_FDS)
		return NULL;
	__l4libc_lock(&vfs_lock);
	f = fds[fd];
	if (f)
		f->refs++;
	__l4libc_unlock(&vfs_lock);
	return f;
}

void __l4libc_vfs_put(struct __l4libc_file *f)
{
	int last;

	__l4libc_lock(&vfs_lock);
	last = --f->refs == 0;
	__l4libc_unlock(&vfs_lock);
	if (last && f->ops->release)
		f->ops->release(f);
}

long __l4libc_vfs_close(int fd)
{
	struct __l4libc_file *f;

	if (fd < 0 || fd >= L4LIBC_MAX_FDS)
		return -EBADF;
	__l4libc_lock(&vfs_lock);
	f = fds[fd];
	fds[fd] = NULL;
	__l4libc_unlock(&vfs_lock);
	if (!f)
		return -EBADF;
	__l4libc_vfs_put(f);
	return 0;
}

long __l4libc_vfs_dup(int fd, int newfd, int min_fd)
{
	struct __l4libc_file *f, *old = NULL;
	long r = -EMFILE;

	if (fd < 0 || fd >= L4LIBC_MAX_FDS || newfd >= L4LIBC_MAX_FDS)
		return -EBADF;
	__l4libc_lock(&vfs_lock);
	f = fds[fd];
	if (!f) {
		r = -EBADF;
	} else if (newfd >= 0) {
		old = fds[newfd];
		fds[newfd] = f;
		f->refs++;
		r = newfd;
	} else {
		for (int i = min_fd < 0 ? 0 : min_fd; i < L4LIBC_MAX_FDS; i++) {
			if (!fds[i]) {
				fds[i] = f;
				f->refs++;
				r = i;
				break;
			}
		}
	}
	__l4libc_unlock(&vfs_lock);
	if (old)
		__l4libc_vfs_put(old);
	return r;
}
