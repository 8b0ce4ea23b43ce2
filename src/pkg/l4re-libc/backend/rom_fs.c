// SPDX-License-Identifier: MIT
/*
 * l4re-libc backend: files of an L4Re namespace of dataspaces, mounted at
 * "rom" for the boot modules (env capability "rom").  open() queries the
 * namespace for the name, attaches the dataspace read-only through the
 * region map and serves reads from that mapping; close() detaches it and
 * gives the capability back.  Read-only: opening for writing is -EROFS.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <l4/re/c/dataspace.h>
#include <l4/re/c/namespace.h>
#include <l4/re/c/rm.h>

#include "backend.h"
#include "vfs.h"

/* One open file.  Immutable after open. */
struct rom_file {
	struct __l4libc_file file;
	l4_cap_idx_t ds;
	char *addr; /* the attached dataspace, NULL if empty */
	uint64_t size;
};

static long rom_read(struct __l4libc_file *f, void *buf, size_t n, uint64_t off)
{
	struct rom_file *r = f->priv;

	if (off >= r->size)
		return 0;
	if (n > r->size - off)
		n = r->size - off;
	memcpy(buf, r->addr + off, n);
	return n;
}

static long rom_stat(struct __l4libc_file *f, struct stat *st)
{
	struct rom_file *r = f->priv;

	st->st_mode = S_IFREG | 0444;
	st->st_size = r->size;
	st->st_blksize = L4_PAGESIZE;
	st->st_blocks = (r->size + 511) / 512;
	st->st_nlink = 1;
	st->st_ino = (r->ds >> L4_CAP_SHIFT) + 1;
	return 0;
}

static void rom_release(struct __l4libc_file *f)
{
	struct rom_file *r = f->priv;

	if (r->addr)
		l4re_rm_detach(r->addr);
	__l4libc_cap_release(r->ds);
	__l4libc_sys_munmap(r, L4_PAGESIZE);
}

static const struct __l4libc_file_ops rom_ops = {
	.read = rom_read,
	.stat = rom_stat,
	.release = rom_release,
	.seekable = 1,
};

static long rom_open(void *ctx, const char *rest, int oflags, int mode, struct __l4libc_file **out)
{
	l4_cap_idx_t ns = (l4_cap_idx_t)(uintptr_t)ctx;
	struct rom_file *r;
	l4re_ds_size_t size;
	long err;

	(void)mode;
	if ((oflags & O_ACCMODE) != O_RDONLY || (oflags & (O_CREAT | O_TRUNC)))
		return -EROFS;
	if (!rest[0])
		return -EISDIR; /* the namespace itself: not listable yet */
	if (oflags & O_DIRECTORY)
		return -ENOTDIR;
	/* A page of its own: the record must not depend on malloc (musl's malloc calls us). */
	r = (struct rom_file *)__l4libc_sys_mmap(NULL, L4_PAGESIZE, PROT_READ | PROT_WRITE,
						 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if ((unsigned long)r >= -4095UL)
		return -ENOMEM;
	r->ds = __l4libc_cap_alloc();
	if (l4_is_invalid_cap(r->ds)) {
		err = -EMFILE;
		goto free_rec;
	}
	err = l4re_ns_query_srv(ns, rest, r->ds);
	if (err < 0)
		goto free_cap;
	size = l4re_ds_size(r->ds);
	if ((long)size < 0) {
		err = (long)size;
		goto free_cap;
	}
	r->size = size;
	if (size) {
		void *a = NULL;

		err = l4re_rm_attach(&a, l4_round_page(size), L4RE_RM_F_SEARCH_ADDR | L4RE_RM_F_R,
				     r->ds, 0, L4_PAGESHIFT);
		if (err < 0)
			goto free_cap;
		r->addr = a;
	}
	r->file.ops = &rom_ops;
	r->file.priv = r;
	*out = &r->file;
	return 0;

free_cap:
	__l4libc_cap_release(r->ds);
free_rec:
	__l4libc_sys_munmap(r, L4_PAGESIZE);
	return __l4libc_l4err_to_errno(err);
}

void __l4libc_rom_init(void)
{
	l4_cap_idx_t rom = l4re_env_get_cap("rom");
	struct __l4libc_fs fs = { .open = rom_open, .ctx = (void *)(uintptr_t)rom };

	if (l4_is_valid_cap(rom))
		__l4libc_vfs_mount("rom", &fs);
}
