// SPDX-License-Identifier: MIT
/*
 * l4re-libc backend: files of a file server (fs_server's protocol,
 * <l4/fs/fs_proto.h>, docs/fs.md), mounted at "fs" when the program has
 * the capability L4_CAP_GLOBAL_FS names (or, without the variable, one
 * called "global_fs").  A program without it has no /fs: the file system
 * cannot be reached, not even named.
 *
 * Each open file is a capability to a file object of the server.  Data up
 * to L4REC_FS_INLINE_MAX bytes per call travels in the message registers;
 * longer transfers go through one transfer buffer per program (a
 * dataspace of FSC_BUF_SIZE bytes, allocated at the first open and sent
 * with every OPEN), used by one transfer at a time (buf_lock).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <string.h>
#include <sys/stat.h>

#include <l4/fs/fs_proto.h>
#include <l4/re/c/mem_alloc.h>
#include <l4/re/c/rm.h>
#include <l4/re/env_cap.h>
#include <l4/sys/ipc.h>
#include <l4/sys/utcb.h>

#include "backend.h"
#include "lock.h"
#include "vfs.h"

#define FSC_BUF_SIZE (1UL << 20)
/* How long a volume call waits for the server to bind its gate. */
#define FSC_BIND_WAIT_US 10000000ull

struct fsc_file {
	struct __l4libc_file file;
	l4_cap_idx_t obj; /* the server's file object; invalid: record free */
};

/* protected by tab_lock */
static struct __l4libc_lock tab_lock;
static struct fsc_file files[L4LIBC_MAX_FDS];
static l4_cap_idx_t buf_ds = L4_INVALID_CAP;

/* protected by buf_lock: the contents of the transfer buffer */
static struct __l4libc_lock buf_lock;
static char *buf_addr;

static long call(l4_cap_idx_t obj, long proto, unsigned words, unsigned items, l4_cap_idx_t rcv)
{
	l4_utcb_t *u = l4_utcb();
	l4_msgtag_t tag;

	l4_utcb_br_u(u)->bdr = 0;
	l4_utcb_br_u(u)->br[0] = l4_is_invalid_cap(rcv) ? 0 : rcv | L4_RCV_ITEM_SINGLE_CAP;
	tag = l4_ipc_call(obj, u, l4_msgtag(proto, words, items, 0), L4_IPC_NEVER);
	return __l4libc_l4err_to_errno(l4_error_u(tag, u));
}

/*
 * A volume call.  The server binds its gate when it starts, which may be
 * after this program started (ned starts both at once): until then the
 * gate has no thread and the call fails at once with ENOT_EXISTENT, so
 * retry for a while.  The message registers are saved: a failed send
 * leaves them alone, but let nothing depend on that.
 */
static long vol_call(l4_cap_idx_t vol, unsigned words, unsigned items, l4_cap_idx_t rcv)
{
	l4_umword_t saved[L4_UTCB_GENERIC_DATA_SIZE];
	uint64_t deadline = __l4libc_now_us() + FSC_BIND_WAIT_US;
	long r;

	memcpy(saved, l4_utcb_mr()->mr, sizeof(saved));
	for (;;) {
		l4_utcb_t *u = l4_utcb();
		l4_msgtag_t tag;

		l4_utcb_br_u(u)->bdr = 0;
		l4_utcb_br_u(u)->br[0] = l4_is_invalid_cap(rcv) ? 0 : rcv | L4_RCV_ITEM_SINGLE_CAP;
		tag = l4_ipc_call(vol, u, l4_msgtag(L4REC_PROTO_FS, words, items, 0), L4_IPC_NEVER);
		r = l4_error_u(tag, u);
		if (r != -(L4_EIPC_LO + L4_IPC_ENOT_EXISTENT) || __l4libc_now_us() > deadline)
			return __l4libc_l4err_to_errno(r);
		__l4libc_sleep_until(__l4libc_now_us() + 1000);
		memcpy(l4_utcb_mr()->mr, saved, sizeof(saved));
	}
}

/* Put a string (length word, bytes) at mr[at]; returns the next free word. */
static unsigned put_string(unsigned at, const char *s, size_t len)
{
	l4_msg_regs_t *mr = l4_utcb_mr();

	mr->mr[at] = len;
	memcpy(&mr->mr[at + 1], s, len);
	return at + 1 + (unsigned)((len + 7) / 8);
}

/* The transfer buffer, allocated once; 0 or -errno. */
static long buf_get(void)
{
	l4_cap_idx_t ds;
	void *a = NULL;
	long r;

	__l4libc_lock(&tab_lock);
	r = l4_is_valid_cap(buf_ds) ? 1 : 0;
	__l4libc_unlock(&tab_lock);
	if (r)
		return 0;
	ds = __l4libc_cap_alloc();
	if (l4_is_invalid_cap(ds))
		return -EMFILE;
	r = l4re_ma_alloc(FSC_BUF_SIZE, ds, 0);
	if (r >= 0)
		r = l4re_rm_attach(&a, FSC_BUF_SIZE, L4RE_RM_F_SEARCH_ADDR | L4RE_RM_F_RW, ds, 0,
				   L4_PAGESHIFT);
	if (r < 0) {
		__l4libc_cap_release(ds);
		return -ENOMEM;
	}
	__l4libc_lock(&tab_lock);
	if (l4_is_invalid_cap(buf_ds)) {
		buf_ds = ds;
		buf_addr = a;
		ds = L4_INVALID_CAP;
	}
	__l4libc_unlock(&tab_lock);
	if (l4_is_valid_cap(ds)) { /* another thread was faster */
		l4re_rm_detach(a);
		l4re_ma_free(ds);
		__l4libc_cap_release(ds);
	}
	return 0;
}

static l4_cap_idx_t obj_of(struct __l4libc_file *f)
{
	return ((struct fsc_file *)f->priv)->obj;
}

static long fsc_read(struct __l4libc_file *f, void *buf, size_t n, uint64_t off)
{
	l4_msg_regs_t *mr = l4_utcb_mr();
	size_t done = 0;
	long r = 0;

	if (n <= L4REC_FS_INLINE_MAX) {
		mr->mr[0] = L4REC_FILE_READ;
		mr->mr[1] = off;
		mr->mr[2] = n;
		r = call(obj_of(f), L4REC_PROTO_FILE, 3, 0, L4_INVALID_CAP);
		if (r > 0)
			memcpy(buf, &l4_utcb_mr()->mr[0], (size_t)r);
		return r;
	}
	__l4libc_lock(&buf_lock);
	while (done < n) {
		size_t chunk = n - done < FSC_BUF_SIZE ? n - done : FSC_BUF_SIZE;

		mr->mr[0] = L4REC_FILE_READ_BUF;
		mr->mr[1] = off + done;
		mr->mr[2] = chunk;
		mr->mr[3] = 0;
		r = call(obj_of(f), L4REC_PROTO_FILE, 4, 0, L4_INVALID_CAP);
		if (r <= 0)
			break;
		memcpy((char *)buf + done, buf_addr, (size_t)r);
		done += (size_t)r;
		if ((size_t)r < chunk)
			break;
	}
	__l4libc_unlock(&buf_lock);
	return done ? (long)done : r;
}

static long fsc_write(struct __l4libc_file *f, const void *buf, size_t n, uint64_t off)
{
	l4_msg_regs_t *mr = l4_utcb_mr();
	size_t done = 0;
	long r = 0;

	if (n <= L4REC_FS_INLINE_MAX) {
		mr->mr[0] = L4REC_FILE_WRITE;
		mr->mr[1] = off;
		mr->mr[2] = n;
		memcpy(&mr->mr[3], buf, n);
		return call(obj_of(f), L4REC_PROTO_FILE, 3 + (unsigned)((n + 7) / 8), 0,
			    L4_INVALID_CAP);
	}
	__l4libc_lock(&buf_lock);
	while (done < n) {
		size_t chunk = n - done < FSC_BUF_SIZE ? n - done : FSC_BUF_SIZE;

		memcpy(buf_addr, (const char *)buf + done, chunk);
		mr->mr[0] = L4REC_FILE_WRITE_BUF;
		mr->mr[1] = off + done;
		mr->mr[2] = chunk;
		mr->mr[3] = 0;
		r = call(obj_of(f), L4REC_PROTO_FILE, 4, 0, L4_INVALID_CAP);
		if (r <= 0)
			break;
		done += (size_t)r;
		if ((size_t)r < chunk)
			break;
	}
	__l4libc_unlock(&buf_lock);
	return done ? (long)done : r;
}

static long fsc_stat(struct __l4libc_file *f, struct stat *st)
{
	l4_msg_regs_t *mr = l4_utcb_mr();
	long r;

	mr->mr[0] = L4REC_FILE_STAT;
	r = call(obj_of(f), L4REC_PROTO_FILE, 1, 0, L4_INVALID_CAP);
	if (r < 0)
		return r;
	st->st_mode = (mode_t)mr->mr[L4REC_FS_STAT_MODE];
	st->st_ino = mr->mr[L4REC_FS_STAT_INO];
	st->st_nlink = (nlink_t)mr->mr[L4REC_FS_STAT_NLINK];
	st->st_size = (off_t)mr->mr[L4REC_FS_STAT_SIZE];
	st->st_blocks = (blkcnt_t)mr->mr[L4REC_FS_STAT_BLOCKS];
	st->st_blksize = (blksize_t)mr->mr[L4REC_FS_STAT_BLKSIZE];
	st->st_uid = (uid_t)mr->mr[L4REC_FS_STAT_UID];
	st->st_gid = (gid_t)mr->mr[L4REC_FS_STAT_GID];
	st->st_atim.tv_sec = (time_t)mr->mr[L4REC_FS_STAT_ATIME];
	st->st_mtim.tv_sec = (time_t)mr->mr[L4REC_FS_STAT_MTIME];
	st->st_ctim.tv_sec = (time_t)mr->mr[L4REC_FS_STAT_CTIME];
	return 0;
}

/* Linux's struct linux_dirent64 is musl's struct dirent. */
static long fsc_getdents(struct __l4libc_file *f, void *buf, size_t n)
{
	l4_msg_regs_t *mr = l4_utcb_mr();
	size_t out = 0;
	long r;

	for (;;) {
		unsigned w = 0;
		long count;

		mr->mr[0] = L4REC_FILE_READDIR;
		mr->mr[1] = f->pos;
		count = call(obj_of(f), L4REC_PROTO_FILE, 2, 0, L4_INVALID_CAP);
		if (count <= 0)
			return out ? (long)out : count;
		for (long i = 0; i < count; i++) {
			uint64_t ino = mr->mr[w], next = mr->mr[w + 1];
			unsigned type = mr->mr[w + 2] & 0xff, len = (mr->mr[w + 2] >> 8) & 0x1ff;
			size_t reclen = (offsetof(struct dirent, d_name) + len + 1 + 7) & ~7UL;
			struct dirent *d = (struct dirent *)((char *)buf + out);

			if (len > L4REC_FS_NAME_MAX)
				return out ? (long)out : -EIO;
			if (out + reclen > n) {
				r = out ? (long)out :
					  -EINVAL; /* the caller's buffer is too small */
				return r;
			}
			d->d_ino = ino;
			d->d_off = (off_t)next;
			d->d_reclen = (unsigned short)reclen;
			d->d_type = (unsigned char)type;
			memcpy(d->d_name, &mr->mr[w + 3], len);
			d->d_name[len] = 0;
			out += reclen;
			f->pos = next;
			w += 3 + (len + 7) / 8;
		}
	}
}

static long fsc_fsync(struct __l4libc_file *f)
{
	l4_utcb_mr()->mr[0] = L4REC_FILE_FSYNC;
	return call(obj_of(f), L4REC_PROTO_FILE, 1, 0, L4_INVALID_CAP);
}

static long fsc_truncate(struct __l4libc_file *f, uint64_t size)
{
	l4_utcb_mr()->mr[0] = L4REC_FILE_TRUNCATE;
	l4_utcb_mr()->mr[1] = size;
	return call(obj_of(f), L4REC_PROTO_FILE, 2, 0, L4_INVALID_CAP);
}

static void fsc_release(struct __l4libc_file *f)
{
	struct fsc_file *ff = f->priv;

	l4_utcb_mr()->mr[0] = L4REC_FILE_CLOSE;
	call(ff->obj, L4REC_PROTO_FILE, 1, 0, L4_INVALID_CAP);
	__l4libc_cap_release(ff->obj);
	__l4libc_lock(&tab_lock);
	ff->obj = L4_INVALID_CAP;
	__l4libc_unlock(&tab_lock);
}

static const struct __l4libc_file_ops fsc_ops = {
	.read = fsc_read,
	.write = fsc_write,
	.stat = fsc_stat,
	.release = fsc_release,
	.seekable = 1,
	.getdents = fsc_getdents,
	.fsync = fsc_fsync,
	.truncate = fsc_truncate,
};

static long fsc_open(void *ctx, const char *rest, int oflags, int mode, struct __l4libc_file **out)
{
	l4_cap_idx_t vol = (l4_cap_idx_t)(uintptr_t)ctx;
	l4_msg_regs_t *mr = l4_utcb_mr();
	struct fsc_file *ff = NULL;
	size_t len = strlen(rest);
	unsigned w;
	long r;

	if (len > L4REC_FS_PATH_MAX)
		return -ENAMETOOLONG;
	r = buf_get();
	if (r < 0)
		return r;
	__l4libc_lock(&tab_lock);
	for (unsigned i = 0; i < L4LIBC_MAX_FDS && !ff; i++) {
		if (!files[i].file.ops) {
			ff = &files[i];
			ff->file.ops = &fsc_ops; /* taken */
			ff->obj = L4_INVALID_CAP;
		}
	}
	__l4libc_unlock(&tab_lock);
	if (!ff)
		return -ENFILE;
	ff->obj = __l4libc_cap_alloc();
	if (l4_is_invalid_cap(ff->obj)) {
		r = -EMFILE;
		goto free_rec;
	}
	mr->mr[0] = L4REC_FS_OPEN;
	mr->mr[1] = (l4_umword_t)oflags;
	mr->mr[2] = (l4_umword_t)mode;
	w = put_string(3, rest, len);
	mr->mr[w] = l4_map_obj_control(0, 0);
	mr->mr[w + 1] = l4_obj_fpage(buf_ds, 0, L4_CAP_FPAGE_RW).raw;
	r = vol_call(vol, w, 1, ff->obj);
	if (r < 0)
		goto free_cap;
	ff->file.priv = ff;
	*out = &ff->file;
	return 0;

free_cap:
	__l4libc_cap_free(ff->obj);
free_rec:
	__l4libc_lock(&tab_lock);
	ff->file.ops = NULL;
	__l4libc_unlock(&tab_lock);
	return r;
}

static long fsc_mkdir(void *ctx, const char *rest, int mode)
{
	l4_msg_regs_t *mr = l4_utcb_mr();
	size_t len = strlen(rest);

	if (len > L4REC_FS_PATH_MAX)
		return -ENAMETOOLONG;
	mr->mr[0] = L4REC_FS_MKDIR;
	mr->mr[1] = (l4_umword_t)mode;
	return vol_call((l4_cap_idx_t)(uintptr_t)ctx, put_string(2, rest, len), 0, L4_INVALID_CAP);
}

static long fsc_unlink(void *ctx, const char *rest, int rmdir)
{
	l4_msg_regs_t *mr = l4_utcb_mr();
	size_t len = strlen(rest);

	if (len > L4REC_FS_PATH_MAX)
		return -ENAMETOOLONG;
	mr->mr[0] = L4REC_FS_UNLINK;
	mr->mr[1] = rmdir ? L4REC_FS_UNLINK_DIR : 0;
	return vol_call((l4_cap_idx_t)(uintptr_t)ctx, put_string(2, rest, len), 0, L4_INVALID_CAP);
}

static long fsc_rename(void *ctx, const char *from, const char *to)
{
	l4_msg_regs_t *mr = l4_utcb_mr();
	size_t la = strlen(from), lb = strlen(to);

	if (la + lb > L4REC_FS_RENAME_MAX)
		return -ENAMETOOLONG;
	mr->mr[0] = L4REC_FS_RENAME;
	mr->mr[1] = la;
	mr->mr[2] = lb;
	memcpy(&mr->mr[3], from, la);
	memcpy((char *)&mr->mr[3] + la, to, lb);
	return vol_call((l4_cap_idx_t)(uintptr_t)ctx, 3 + (unsigned)((la + lb + 7) / 8), 0,
			L4_INVALID_CAP);
}

void __l4libc_fsclient_init(void)
{
	l4_cap_idx_t vol = l4re_env_get_cap_by_envvar("L4_CAP_GLOBAL_FS");
	struct __l4libc_fs fs = {
		.open = fsc_open,
		.mkdir = fsc_mkdir,
		.unlink = fsc_unlink,
		.rename = fsc_rename,
	};

	if (l4re_env_cap_error(vol) == -L4_ENOENT)
		vol = l4re_env_get_cap("global_fs");
	if (l4_is_invalid_cap(vol))
		return;
	fs.ctx = (void *)(uintptr_t)vol;
	__l4libc_vfs_mount("fs", &fs);
}
