// SPDX-License-Identifier: MIT
/*
 * l4re-libc backend: descriptors 0, 1 and 2, the program's log capability
 * (env->log, the kernel's vcon protocol; moe prefixes each line with the
 * program's name).  Writes go out in vcon-message-sized pieces; buffering
 * lines is musl's stdio's job, which makes stdout line-buffered because
 * TIOCGWINSZ succeeds here (as on a terminal).  Reading stdin is the
 * vcon read of console_read.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>

#include <l4/sys/vcon.h>

#include "backend.h"
#include "vfs.h"

static long con_read(struct __l4libc_file *f, void *buf, size_t n, uint64_t off)
{
	(void)off;
	return __l4libc_console_read((l4_cap_idx_t)(uintptr_t)f->priv, buf, n);
}

static long con_write(struct __l4libc_file *f, const void *buf, size_t n, uint64_t off)
{
	l4_cap_idx_t log = (l4_cap_idx_t)(uintptr_t)f->priv;
	const char *p = buf;
	size_t done = 0;

	(void)off;
	while (done < n) {
		unsigned chunk = n - done > L4_VCON_WRITE_SIZE ? L4_VCON_WRITE_SIZE : n - done;

		if (l4_vcon_write(log, p + done, chunk) < 0)
			return done ? (long)done : -EIO;
		done += chunk;
	}
	return done;
}

static long con_stat(struct __l4libc_file *f, struct stat *st)
{
	(void)f;
	st->st_mode = S_IFCHR | 0620;
	st->st_blksize = L4_VCON_WRITE_SIZE;
	st->st_nlink = 1;
	return 0;
}

static long con_ioctl(struct __l4libc_file *f, unsigned long req, void *arg)
{
	(void)f;
	if (req == TIOCGWINSZ) {
		struct winsize *ws = arg;

		memset(ws, 0, sizeof(*ws));
		ws->ws_row = 25;
		ws->ws_col = 80;
		return 0;
	}
	return -ENOTTY;
}

static const struct __l4libc_file_ops con_ops = {
	.read = con_read,
	.write = con_write,
	.stat = con_stat,
	.ioctl = con_ioctl,
};

/* Static and never released: descriptors 0-2 may be closed and dup'ed freely. */
static struct __l4libc_file con_in = { .ops = &con_ops, .oflags = O_RDONLY };
static struct __l4libc_file con_out = { .ops = &con_ops, .oflags = O_WRONLY };
static struct __l4libc_file con_err = { .ops = &con_ops, .oflags = O_WRONLY };

void __l4libc_console_init(void)
{
	void *log = (void *)(uintptr_t)__l4libc_env->log;

	con_in.priv = con_out.priv = con_err.priv = log;
	/* One extra reference each, so closing the last descriptor frees nothing. */
	con_in.refs = con_out.refs = con_err.refs = 1;
	__l4libc_vfs_install(&con_in, 0);
	__l4libc_vfs_install(&con_out, 1);
	__l4libc_vfs_install(&con_err, 2);
}
