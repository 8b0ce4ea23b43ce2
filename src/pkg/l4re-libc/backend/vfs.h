/* SPDX-License-Identifier: MIT */
/*
 * l4re-libc backend: the small VFS between musl's file system calls and
 * the places files live.  A file system is a struct __l4libc_fs mounted at
 * a path prefix ("rom" for the boot modules namespace, later file servers,
 * issue 4, the same way); open() resolves a path to the longest mounted
 * prefix and asks that file system for a struct __l4libc_file, which the
 * file table then hands out as a descriptor.  Nothing here talks to L4:
 * the table and the path logic are tested on the host (tests/unit).
 */
#ifndef L4RE_LIBC_VFS_H
#define L4RE_LIBC_VFS_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#define L4LIBC_MAX_FDS 128
#define L4LIBC_MAX_MOUNTS 8
#define L4LIBC_PATH_MAX 256

struct __l4libc_file;

/*
 * What a file can do.  Positions are the caller's: read/write get the
 * offset (files of a non-seekable kind ignore it).  Results are byte
 * counts or negative errno values.  A missing operation means -EINVAL
 * (read/write: -EBADF), ioctl: -ENOTTY.
 */
struct __l4libc_file_ops {
	long (*read)(struct __l4libc_file *f, void *buf, size_t n, uint64_t off);
	long (*write)(struct __l4libc_file *f, const void *buf, size_t n, uint64_t off);
	long (*stat)(struct __l4libc_file *f, struct stat *st);
	long (*ioctl)(struct __l4libc_file *f, unsigned long req, void *arg);
	void (*release)(struct __l4libc_file *f); /* the last descriptor is gone */
	int seekable;
	/* Directories and writable files (file_dir.c); missing: -ENOTDIR / -EINVAL. */
	long (*getdents)(struct __l4libc_file *f, void *buf, size_t n); /* from f->pos */
	long (*fsync)(struct __l4libc_file *f);
	long (*truncate)(struct __l4libc_file *f, uint64_t size);
};

struct __l4libc_file {
	const struct __l4libc_file_ops *ops;
	void *priv; /* the file system's */
	int oflags; /* O_ACCMODE | O_APPEND | ... as opened */
	/* protected by the VFS lock */
	int refs;     /* descriptors naming it */
	uint64_t pos; /* for read/write without an offset; racy between threads, as on Linux */
};

/* A file system: open `rest` (relative to the mount point, no leading '/'). */
struct __l4libc_fs {
	long (*open)(void *ctx, const char *rest, int oflags, int mode, struct __l4libc_file **out);
	void *ctx;
	/* Optional (missing: -EROFS); paths as for open.  rename: both in this fs. */
	long (*mkdir)(void *ctx, const char *rest, int mode);
	long (*unlink)(void *ctx, const char *rest, int rmdir);
	long (*rename)(void *ctx, const char *from, const char *to);
};

/* Mount fs at prefix ("rom", no slashes around); 0 or -errno. */
long __l4libc_vfs_mount(const char *prefix, const struct __l4libc_fs *fs);

/*
 * The canonical form of path (relative to "/", the only working directory):
 * no leading '/', no "." or empty components, ".." resolved.  0 or
 * -ENAMETOOLONG.  "" is the root.
 */
long __l4libc_vfs_normalize(const char *path, char *out, size_t outsz);

/*
 * The mounted file system holding path: canonical path into canon, fs and
 * the rest of the path in canon.  0, -ENOENT (no mount) or -ENAMETOOLONG.
 */
long __l4libc_vfs_resolve(const char *path, char *canon, size_t sz, struct __l4libc_fs *fs,
			  const char **rest);

/* Open path and install it at the lowest free descriptor (>= min_fd). */
long __l4libc_vfs_open(const char *path, int oflags, int mode);
/* Install f (which has refs == 0) at descriptor fd, or the lowest free one if fd < 0. */
long __l4libc_vfs_install(struct __l4libc_file *f, int fd);

/* The file of fd with a reference taken (put it back), or NULL. */
struct __l4libc_file *__l4libc_vfs_get(int fd);
void __l4libc_vfs_put(struct __l4libc_file *f);

/* Descriptor table operations; 0/new fd or -errno. */
long __l4libc_vfs_close(int fd);
long __l4libc_vfs_dup(int fd, int newfd, int min_fd);

/* Map an L4 error (-L4_E*, IPC errors) to -errno. */
long __l4libc_l4err_to_errno(long err);

#endif
