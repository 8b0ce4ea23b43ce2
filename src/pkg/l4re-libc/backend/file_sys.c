// SPDX-License-Identifier: MIT
/*
 * l4re-libc backend: the file system calls musl makes (openat, read,
 * write, readv, writev, pread64, pwrite64, lseek, close, fstat, newfstatat, ioctl,
 * fcntl, dup3, ppoll) on top of the VFS core (vfs.c); directories and
 * path operations are in file_dir.c.  There is
 * one working directory, "/", and no permissions.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/uio.h>
#include <unistd.h>

#include "backend.h"
#include "vfs.h"

long __l4libc_sys_openat(int dirfd, const char *path, int flags, int mode)
{
	/* Relative paths name the same thing from every directory but "/". */
	if (dirfd != AT_FDCWD && path[0] != '/')
		return -ENOTDIR;
	return __l4libc_vfs_open(path, flags, mode);
}

long __l4libc_sys_close(int fd)
{
	return __l4libc_vfs_close(fd);
}

/* One transfer at the file's position (or at off if off >= 0). */
static long rw(int fd, void *buf, size_t n, int64_t off, int write)
{
	struct __l4libc_file *f = __l4libc_vfs_get(fd);
	int acc;
	long r;

	if (!f)
		return -EBADF;
	acc = f->oflags & O_ACCMODE;
	if (write ? (acc == O_RDONLY || !f->ops->write) : (acc == O_WRONLY || !f->ops->read)) {
		r = -EBADF;
	} else if (off >= 0 && !f->ops->seekable) {
		r = -ESPIPE;
	} else {
		uint64_t at = off >= 0 ? (uint64_t)off : f->pos;

		if (write && off < 0 && (f->oflags & O_APPEND) && f->ops->stat) {
			struct stat st;

			if (f->ops->stat(f, &st) == 0)
				at = st.st_size;
		}
		r = write ? f->ops->write(f, buf, n, at) : f->ops->read(f, buf, n, at);
		if (r > 0 && off < 0 && f->ops->seekable)
			f->pos = at + r;
	}
	__l4libc_vfs_put(f);
	return r;
}

long __l4libc_sys_read(int fd, void *buf, size_t n)
{
	return rw(fd, buf, n, -1, 0);
}

long __l4libc_sys_write(int fd, const void *buf, size_t n)
{
	return rw(fd, (void *)buf, n, -1, 1);
}

long __l4libc_sys_pread(int fd, void *buf, size_t n, off_t off)
{
	if (off < 0)
		return -EINVAL;
	return rw(fd, buf, n, off, 0);
}

long __l4libc_sys_pwrite(int fd, const void *buf, size_t n, off_t off)
{
	if (off < 0)
		return -EINVAL;
	return rw(fd, (void *)buf, n, off, 1);
}

static long rwv(int fd, const struct iovec *iov, int cnt, int write)
{
	long total = 0;

	if (cnt < 0 || cnt > 1024) /* Linux's UIO_MAXIOV */
		return -EINVAL;
	for (int i = 0; i < cnt; i++) {
		long r;

		if (!iov[i].iov_len)
			continue;
		r = rw(fd, iov[i].iov_base, iov[i].iov_len, -1, write);
		if (r < 0)
			return total ? total : r;
		total += r;
		if ((size_t)r < iov[i].iov_len)
			break;
	}
	return total;
}

long __l4libc_sys_readv(int fd, const struct iovec *iov, int cnt)
{
	return rwv(fd, iov, cnt, 0);
}

long __l4libc_sys_writev(int fd, const struct iovec *iov, int cnt)
{
	return rwv(fd, iov, cnt, 1);
}

long __l4libc_sys_lseek(int fd, off_t off, int whence)
{
	struct __l4libc_file *f = __l4libc_vfs_get(fd);
	struct stat st;
	int64_t base;
	long r;

	if (!f)
		return -EBADF;
	if (!f->ops->seekable) {
		r = -ESPIPE;
		goto put;
	}
	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = f->pos;
		break;
	case SEEK_END:
		r = f->ops->stat ? f->ops->stat(f, &st) : -EINVAL;
		if (r < 0)
			goto put;
		base = st.st_size;
		break;
	default:
		r = -EINVAL;
		goto put;
	}
	if (base + off < 0) {
		r = -EINVAL;
		goto put;
	}
	f->pos = base + off;
	r = f->pos;
put:
	__l4libc_vfs_put(f);
	return r;
}

long __l4libc_sys_fstat(int fd, struct stat *st)
{
	struct __l4libc_file *f = __l4libc_vfs_get(fd);
	long r;

	if (!f)
		return -EBADF;
	memset(st, 0, sizeof(*st));
	r = f->ops->stat ? f->ops->stat(f, st) : -EINVAL;
	__l4libc_vfs_put(f);
	return r;
}

long __l4libc_sys_fstatat(int dirfd, const char *path, struct stat *st, int flags)
{
	long fd, r;

	if ((flags & AT_EMPTY_PATH) && !path[0])
		return __l4libc_sys_fstat(dirfd, st);
	/* Files are cheap to open here; stat is open + fstat + close. */
	fd = __l4libc_sys_openat(dirfd, path, O_RDONLY, 0);
	if (fd < 0)
		return fd;
	r = __l4libc_sys_fstat(fd, st);
	__l4libc_vfs_close(fd);
	return r;
}

long __l4libc_sys_ioctl(int fd, unsigned long req, void *arg)
{
	struct __l4libc_file *f = __l4libc_vfs_get(fd);
	long r;

	if (!f)
		return -EBADF;
	r = f->ops->ioctl ? f->ops->ioctl(f, req, arg) : -ENOTTY;
	__l4libc_vfs_put(f);
	return r;
}

long __l4libc_sys_fcntl(int fd, int cmd, long arg)
{
	struct __l4libc_file *f;
	long r = 0;

	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		return __l4libc_vfs_dup(fd, -1, arg);
	default:
		break;
	}
	f = __l4libc_vfs_get(fd);
	if (!f)
		return -EBADF;
	switch (cmd) {
	case F_GETFD:
	case F_SETFD: /* there is no exec, so close-on-exec means nothing */
		break;
	case F_GETFL:
		r = f->oflags;
		break;
	case F_SETFL:
		f->oflags =
			(f->oflags & ~(O_APPEND | O_NONBLOCK)) | (arg & (O_APPEND | O_NONBLOCK));
		break;
	default:
		r = -EINVAL;
	}
	__l4libc_vfs_put(f);
	return r;
}

long __l4libc_sys_dup3(int fd, int newfd, int flags)
{
	(void)flags;
	if (fd == newfd)
		return -EINVAL;
	return __l4libc_vfs_dup(fd, newfd, 0);
}

/* Files here never block: whatever is asked for is ready (timeouts unused). */
long __l4libc_sys_ppoll(struct pollfd *fds, unsigned n)
{
	long ready = 0;

	for (unsigned i = 0; i < n; i++) {
		struct __l4libc_file *f;

		fds[i].revents = 0;
		if (fds[i].fd < 0)
			continue;
		f = __l4libc_vfs_get(fds[i].fd);
		if (!f) {
			fds[i].revents = POLLNVAL;
		} else {
			fds[i].revents =
				fds[i].events & (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM);
			__l4libc_vfs_put(f);
		}
		if (fds[i].revents)
			ready++;
	}
	return ready;
}
