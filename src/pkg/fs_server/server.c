// SPDX-License-Identifier: MIT
/*
 * fs_server's IPC: decoding requests of the file protocol
 * (<l4/fs/fs_proto.h>, docs/fs.md), calling the operations (fs.h) and
 * encoding replies.  One thread serves everything in order.
 *
 * Objects are IPC gates bound to that thread; the gate label says which:
 * label >> 4 is 1..FS_MAX_VOLS for the exported volume gates, and
 * FS_FILE_ID0 + i for open file i, whose gate the server made with its
 * factory and handed out in OPEN's reply.  The low label bits carry the
 * caller's rights: changing the volume needs W on the volume capability
 * (ned passes capabilities read-only unless the script says "rw").
 *
 * A client's transfer buffer (a dataspace sent with OPEN) is attached
 * here for the life of the open file, so READ_BUF/WRITE_BUF move file
 * data by one copy between the buffer and libext2fs.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>

#include <l4/fs/fs_proto.h>
#include <l4/re/c/dataspace.h>
#include <l4/re/c/rm.h>
#include <l4/re/c/util/cap_alloc.h>
#include <l4/re/env.h>
#include <l4/sys/err.h>
#include <l4/sys/factory.h>
#include <l4/sys/ipc.h>
#include <l4/sys/rcv_endpoint.h>
#include <l4/sys/task.h>
#include <l4/sys/utcb.h>

#include "fs.h"
#include "server.h"

#define FS_MAX_VOLS 4
#define FS_FILE_ID0 16
#define FS_MAX_OPEN 256
/* Largest transfer buffer attached (the client's choice up to this). */
#define FS_BUF_MAX (16UL << 20)

struct fs_open {
	struct fs_node *node; /* NULL: slot free */
	l4_cap_idx_t gate;
	bool writable;
	char *buf;
	size_t bufsz;
	l4_cap_idx_t buf_ds;
};

static struct fs_open opens[FS_MAX_OPEN];
static l4_cap_idx_t rcv_slot = L4_INVALID_CAP;

int fs_server_export(l4_cap_idx_t gate, unsigned id, const char *name)
{
	long err;

	if (id == 0 || id > FS_MAX_VOLS)
		return -L4_EINVAL;
	err = l4_error(l4_rcv_ep_bind_thread(gate, l4re_env()->main_thread,
					     (l4_umword_t)id << L4REC_FS_LABEL_SHIFT));
	if (err < 0)
		printf("fs_server: cannot serve %s: bind failed (%ld)\n", name, err);
	return (int)err;
}

/*
 * The string at mr[at] (length word, then bytes) of a message of words
 * words into out (NUL-terminated).  0 or -errno.
 */
static int get_string(unsigned words, unsigned at, size_t max, char *out, unsigned *next)
{
	l4_msg_regs_t *mr = l4_utcb_mr();
	size_t len;

	if (at >= words)
		return -EINVAL;
	len = mr->mr[at];
	if (len > max)
		return -ENAMETOOLONG;
	if (at + 1 + (len + 7) / 8 > words)
		return -EINVAL;
	memcpy(out, &mr->mr[at + 1], len);
	out[len] = 0;
	if (strlen(out) != len)
		return -EINVAL; /* no NUL inside a name */
	if (next)
		*next = at + 1 + (unsigned)((len + 7) / 8);
	return 0;
}

static void release_buf(struct fs_open *o)
{
	if (o->buf)
		l4re_rm_detach(o->buf);
	if (!l4_is_invalid_cap(o->buf_ds))
		l4re_util_cap_free_um(o->buf_ds);
	o->buf = NULL;
	o->bufsz = 0;
	o->buf_ds = L4_INVALID_CAP;
}

/* Attach the dataspace the client sent (now in rcv_slot) as o's buffer. */
static int take_buf(struct fs_open *o)
{
	l4re_ds_size_t size;
	void *addr = NULL;
	int err;

	o->buf_ds = rcv_slot;
	rcv_slot = L4_INVALID_CAP;
	size = l4re_ds_size(o->buf_ds);
	if ((long long)size <= 0)
		return -EINVAL;
	if (size > FS_BUF_MAX)
		size = FS_BUF_MAX;
	err = l4re_rm_attach(&addr, size, L4RE_RM_F_SEARCH_ADDR | L4RE_RM_F_RW, o->buf_ds, 0,
			     L4_PAGESHIFT);
	if (err < 0)
		return err == -L4_EPERM ? -EACCES : -ENOMEM;
	o->buf = addr;
	o->bufsz = size;
	return 0;
}

static l4_msgtag_t vol_open(unsigned words, unsigned items, l4_umword_t rights)
{
	l4_msg_regs_t *mr = l4_utcb_mr();
	char path[L4REC_FS_PATH_MAX + 1];
	struct fs_open *o = NULL;
	int flags, err;
	unsigned mode;
	ext2_ino_t ino;
	bool writable;
	uint64_t w[L4REC_FS_STAT_WORDS];

	if (words < 4)
		return l4_msgtag(-EINVAL, 0, 0, 0);
	flags = (int)mr->mr[1];
	mode = (unsigned)mr->mr[2];
	err = get_string(words, 3, L4REC_FS_PATH_MAX, path, NULL);
	if (err)
		return l4_msgtag(err, 0, 0, 0);
	writable = (flags & O_ACCMODE) != O_RDONLY;
	if ((writable || (flags & (O_CREAT | O_TRUNC))) && !(rights & L4_CAP_FPAGE_W))
		return l4_msgtag(-EACCES, 0, 0, 0);
	for (unsigned i = 0; i < FS_MAX_OPEN && !o; i++)
		if (!opens[i].node)
			o = &opens[i];
	if (!o)
		return l4_msgtag(-ENFILE, 0, 0, 0);
	err = fs_op_open(path, flags, mode, &ino);
	if (err)
		return l4_msgtag(err, 0, 0, 0);
	o->buf_ds = L4_INVALID_CAP;
	o->node = fs_node_get(ino, &err);
	if (!o->node)
		return l4_msgtag(err, 0, 0, 0);
	o->writable = writable;
	if (flags & O_TRUNC)
		err = fs_file_truncate(o->node, 0);
	if (!err && items)
		err = take_buf(o);
	if (!err && (flags & (O_CREAT | O_TRUNC)))
		err = fs_vol_sync();
	if (!err)
		err = fs_file_stat(o->node, w);
	if (!err) {
		unsigned id = FS_FILE_ID0 + (unsigned)(o - opens);

		o->gate = l4re_util_cap_alloc();
		err = l4_is_invalid_cap(o->gate) ?
			      -ENFILE :
			      (int)l4_error(l4_factory_create_gate(
				      l4re_env()->factory, o->gate, l4re_env()->main_thread,
				      (l4_umword_t)id << L4REC_FS_LABEL_SHIFT));
		if (err < 0) {
			if (!l4_is_invalid_cap(o->gate))
				l4re_util_cap_free(o->gate);
			err = -ENFILE;
		}
	}
	if (err) {
		release_buf(o);
		fs_node_put(o->node);
		o->node = NULL;
		return l4_msgtag(err, 0, 0, 0);
	}
	mr->mr[0] = w[L4REC_FS_STAT_MODE] & LINUX_S_IFMT;
	mr->mr[1] = w[L4REC_FS_STAT_SIZE];
	mr->mr[2] = l4_map_obj_control(0, 0);
	mr->mr[3] = l4_obj_fpage(o->gate, 0, writable ? L4_CAP_FPAGE_RW : L4_CAP_FPAGE_RO).raw;
	return l4_msgtag(0, 2, 1, 0);
}

static l4_msgtag_t vol_request(l4_msgtag_t tag, l4_umword_t label)
{
	l4_msg_regs_t *mr = l4_utcb_mr();
	unsigned words = l4_msgtag_words(tag);
	char a[L4REC_FS_RENAME_MAX + 1], b[L4REC_FS_RENAME_MAX + 1];
	int err;

	if (l4_msgtag_label(tag) != L4REC_PROTO_FS)
		return l4_msgtag(-L4_EBADPROTO, 0, 0, 0);
	if (words < 1)
		return l4_msgtag(-EINVAL, 0, 0, 0);
	if (mr->mr[0] == L4REC_FS_OPEN)
		return vol_open(words, l4_msgtag_items(tag), label & L4_CAP_FPAGE_W);
	if (mr->mr[0] > L4REC_FS_RENAME)
		return l4_msgtag(-L4_ENOSYS, 0, 0, 0);
	if (!(label & L4_CAP_FPAGE_W))
		return l4_msgtag(-EACCES, 0, 0, 0);
	if (words < 2)
		return l4_msgtag(-EINVAL, 0, 0, 0);
	switch (mr->mr[0]) {
	case L4REC_FS_MKDIR:
		err = get_string(words, 2, L4REC_FS_PATH_MAX, a, NULL);
		if (!err)
			err = fs_op_mkdir(a, (unsigned)mr->mr[1]);
		break;
	case L4REC_FS_UNLINK:
		err = get_string(words, 2, L4REC_FS_PATH_MAX, a, NULL);
		if (!err)
			err = fs_op_unlink(a, mr->mr[1] & L4REC_FS_UNLINK_DIR);
		break;
	default: { /* RENAME: two lengths, then both strings' bytes back to back */
		size_t la = mr->mr[1], lb = words > 2 ? mr->mr[2] : 0;
		char both[L4REC_FS_RENAME_MAX];

		err = 0;
		if (words < 3 || la + lb > L4REC_FS_RENAME_MAX)
			err = words < 3 ? -EINVAL : -ENAMETOOLONG;
		else if (3 + (la + lb + 7) / 8 > words)
			err = -EINVAL;
		if (!err) {
			memcpy(both, &mr->mr[3], la + lb);
			memcpy(a, both, la);
			a[la] = 0;
			memcpy(b, both + la, lb);
			b[lb] = 0;
			if (strlen(a) != la || strlen(b) != lb)
				err = -EINVAL;
		}
		if (!err)
			err = fs_op_rename(a, b);
		break;
	}
	}
	/* Namespace changes are synchronous (docs/fs.md): on disk when the reply comes. */
	if (!err)
		err = fs_vol_sync();
	return l4_msgtag(err, 0, 0, 0);
}

/*
 * READDIR's reply is built aside and copied to the registers at the end:
 * libext2fs allocates and frees while it iterates, and memory calls are
 * IPC that overwrites the message registers.
 */
struct dirent_out {
	unsigned word; /* next free word */
	unsigned count;
	l4_umword_t w[L4_UTCB_GENERIC_DATA_SIZE];
};

static int put_dirent(void *ctx, const struct fs_dirent *d)
{
	struct dirent_out *o = ctx;
	unsigned need = 3 + (d->namelen + 7) / 8;

	if (o->word + need > L4_UTCB_GENERIC_DATA_SIZE)
		return 1;
	o->w[o->word] = d->ino;
	o->w[o->word + 1] = d->next;
	o->w[o->word + 2] = d->type | (d->namelen << 8);
	memcpy(&o->w[o->word + 3], d->name, d->namelen);
	o->word += need;
	o->count++;
	return 0;
}

static l4_msgtag_t file_close(struct fs_open *o)
{
	bool last_name_gone = o->node->unlinked && o->node->opens == 1;
	int err = 0, err2;

	release_buf(o);
	/* What was written is on disk when close returns (docs/fs.md). */
	if (o->writable)
		err = fs_file_sync(o->node);
	err2 = fs_node_put(o->node);
	if (!err)
		err = err2;
	if (!err && last_name_gone)
		err = fs_vol_sync(); /* the inode and its blocks were freed */
	o->node = NULL;
	l4_task_delete_obj(L4_BASE_TASK_CAP, o->gate);
	l4re_util_cap_free(o->gate);
	o->gate = L4_INVALID_CAP;
	return l4_msgtag(err, 0, 0, 0);
}

static l4_msgtag_t file_request(struct fs_open *o, l4_msgtag_t tag)
{
	l4_msg_regs_t *mr = l4_utcb_mr();
	unsigned words = l4_msgtag_words(tag);
	uint64_t off, len, at;
	long r;

	if (l4_msgtag_label(tag) != L4REC_PROTO_FILE)
		return l4_msgtag(-L4_EBADPROTO, 0, 0, 0);
	if (words < 1)
		return l4_msgtag(-EINVAL, 0, 0, 0);
	off = words > 1 ? mr->mr[1] : 0;
	len = words > 2 ? mr->mr[2] : 0;
	switch (mr->mr[0]) {
	case L4REC_FILE_READ: {
		char data[L4REC_FS_INLINE_MAX];

		if (words < 3 || len > L4REC_FS_INLINE_MAX)
			return l4_msgtag(-EINVAL, 0, 0, 0);
		r = fs_file_read(o->node, off, data, len);
		if (r < 0)
			return l4_msgtag(r, 0, 0, 0);
		memcpy(&mr->mr[0], data, (size_t)r);
		return l4_msgtag(r, (unsigned)((r + 7) / 8), 0, 0);
	}
	case L4REC_FILE_WRITE: {
		char data[L4REC_FS_INLINE_MAX];

		if (words < 3 || len > L4REC_FS_INLINE_MAX || 3 + (len + 7) / 8 > words)
			return l4_msgtag(-EINVAL, 0, 0, 0);
		if (!o->writable)
			return l4_msgtag(-EBADF, 0, 0, 0);
		memcpy(data, &mr->mr[3], len);
		return l4_msgtag(fs_file_write(o->node, off, data, len), 0, 0, 0);
	}
	case L4REC_FILE_READ_BUF:
	case L4REC_FILE_WRITE_BUF:
		at = words > 3 ? mr->mr[3] : 0;
		if (words < 4 || !o->buf || at > o->bufsz || len > o->bufsz - at)
			return l4_msgtag(-EINVAL, 0, 0, 0);
		if (mr->mr[0] == L4REC_FILE_READ_BUF)
			return l4_msgtag(fs_file_read(o->node, off, o->buf + at, len), 0, 0, 0);
		if (!o->writable)
			return l4_msgtag(-EBADF, 0, 0, 0);
		return l4_msgtag(fs_file_write(o->node, off, o->buf + at, len), 0, 0, 0);
	case L4REC_FILE_STAT: {
		uint64_t w[L4REC_FS_STAT_WORDS];
		int err = fs_file_stat(o->node, w);

		if (err)
			return l4_msgtag(err, 0, 0, 0);
		memcpy(&mr->mr[0], w, sizeof(w));
		return l4_msgtag(0, L4REC_FS_STAT_WORDS, 0, 0);
	}
	case L4REC_FILE_READDIR: {
		struct dirent_out d = { 0, 0, { 0 } };

		r = fs_file_readdir(o->node, off, put_dirent, &d);
		if (r < 0)
			return l4_msgtag(r, 0, 0, 0);
		memcpy(&mr->mr[0], d.w, d.word * sizeof(d.w[0]));
		return l4_msgtag((long)d.count, d.word, 0, 0);
	}
	case L4REC_FILE_FSYNC:
		return l4_msgtag(fs_file_sync(o->node), 0, 0, 0);
	case L4REC_FILE_TRUNCATE:
		if (words < 2)
			return l4_msgtag(-EINVAL, 0, 0, 0);
		if (!o->writable)
			return l4_msgtag(-EBADF, 0, 0, 0);
		return l4_msgtag(fs_file_truncate(o->node, off), 0, 0, 0);
	case L4REC_FILE_CLOSE:
		return file_close(o);
	default:
		return l4_msgtag(-L4_ENOSYS, 0, 0, 0);
	}
}

static l4_msgtag_t dispatch(l4_msgtag_t tag, l4_umword_t label)
{
	unsigned long id = label >> L4REC_FS_LABEL_SHIFT;

	/* libext2fs stamps with fs->now, or time() (1970 here: no RTC) if it is 0. */
	fs_vol.fs->now = fs_now();
	if (id >= 1 && id <= FS_MAX_VOLS)
		return vol_request(tag, label);
	if (id >= FS_FILE_ID0 && id < FS_FILE_ID0 + FS_MAX_OPEN && opens[id - FS_FILE_ID0].node)
		return file_request(&opens[id - FS_FILE_ID0], tag);
	return l4_msgtag(-L4_EINVAL, 0, 0, 0);
}

/* A capability item always lands in rcv_slot; keep one ready. */
static void prepare_receive(void)
{
	l4_buf_regs_t *br = l4_utcb_br();

	if (l4_is_invalid_cap(rcv_slot))
		rcv_slot = l4re_util_cap_alloc();
	br->bdr = 0;
	br->br[0] = rcv_slot | L4_RCV_ITEM_SINGLE_CAP;
}

_Noreturn void fs_server_loop(void)
{
	l4_umword_t label;
	l4_msgtag_t tag;

	prepare_receive();
	tag = l4_ipc_wait(l4_utcb(), &label, L4_IPC_NEVER);
	for (;;) {
		l4_msgtag_t reply;

		if (l4_msgtag_has_error(tag)) {
			prepare_receive();
			tag = l4_ipc_wait(l4_utcb(), &label, L4_IPC_NEVER);
			continue;
		}
		reply = dispatch(tag, label);
		/* An item nobody took (e.g. a buffer sent with a failed OPEN) is dropped. */
		if (l4_msgtag_items(tag) && !l4_is_invalid_cap(rcv_slot))
			l4_task_release_cap(L4_BASE_TASK_CAP, rcv_slot);
		prepare_receive();
		tag = l4_ipc_reply_and_wait(l4_utcb(), reply, &label, L4_IPC_NEVER);
	}
}
