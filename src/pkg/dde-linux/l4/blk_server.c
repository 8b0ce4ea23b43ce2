// SPDX-License-Identifier: MIT
/*
 * The block class of the server: the disk the Linux driver added,
 * served as a virtio-blk device (virtio 1.x, spec 5.2) over L4virtio
 * (src/pkg/l4virtio, docs/virtio.md) on the server's gate.  Any virtio
 * block driver can use it: the native one of src/pkg/virtio (fs_server's
 * L4_CAP_BLOCK_DEVICE), later a guest's through the VMM.
 *
 * A request chain (header, data, status byte) becomes a dde_blk_io whose
 * segments are the client's buffers as mapped here: the Linux driver
 * maps them for DMA itself (dma.c), so data is not copied when the
 * client's memory is physically contiguous.  Requests are checked here
 * (layout, direction, bounds) before Linux sees them; a malformed one
 * gets VIRTIO_BLK_S_IOERR, an unknown type VIRTIO_BLK_S_UNSUPP.
 *
 * Everything runs in the server thread: client kicks arrive as an Irq
 * (dde_server_attach_irq), completions in the driver's interrupt
 * handler, and waiting requests are fed to the driver at the softirq
 * point.
 */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <string.h>

#include <l4/l4virtio/server.h>
#include <l4/sys/err.h>
#include <l4/sys/utcb.h>
#include <l4/virtio/virtio_blk.h>

#include <dde/server.h>

#define QUEUE_MAX 128u
#define MAX_INFLIGHT 64u
#define SECTOR 512u

struct slot {
	int busy;
	unsigned gen; /* device generation it belongs to (reset ends one) */
	struct l4virtio_req r;
	struct dde_blk_io io;
	struct dde_blk_seg seg[L4VIRTIO_MAX_SEGS];
	unsigned char *status;
	l4_uint32_t written;
};

static struct l4virtio_dev vdev;
static struct dde_blk_info disk;
static struct slot slots[MAX_INFLIGHT];
static unsigned gen;

static void finish(struct slot *s, unsigned char status)
{
	if (s->gen == gen) {
		*s->status = status;
		l4virtio_dev_push(&vdev, 0, &s->r, s->written + 1);
		l4virtio_dev_notify(&vdev, 0);
	}
	s->busy = 0;
}

static void io_done(struct dde_blk_io *io, int err)
{
	struct slot *s = (struct slot *)((char *)io - offsetof(struct slot, io));

	if (err < 0)
		s->written = 0;
	finish(s, !err		    ? VIRTIO_BLK_S_OK :
		  err == -L4_ENOSYS ? VIRTIO_BLK_S_UNSUPP :
				      VIRTIO_BLK_S_IOERR);
}

/* 20 bytes of identification (T_GET_ID): "dde-linux:" and the disk's name. */
static unsigned char get_id(struct slot *s)
{
	char id[48];
	struct l4virtio_seg *d = &s->r.seg[1];

	if (s->r.nseg != 3 || !d->device_writes)
		return VIRTIO_BLK_S_IOERR;
	snprintf(id, sizeof(id), "dde-linux:%s", disk.name);
	s->written = d->len < VIRTIO_BLK_ID_BYTES ? d->len : VIRTIO_BLK_ID_BYTES;
	memset(d->addr, 0, s->written);
	memcpy(d->addr, id, strnlen(id, s->written));
	return VIRTIO_BLK_S_OK;
}

/*
 * Checks the chain and fills s->io.  Returns -1 when the request went to
 * Linux, else the status to answer now.
 */
static int start(struct slot *s)
{
	struct l4virtio_req *r = &s->r;
	struct virtio_blk_req_hdr hdr;
	struct l4virtio_seg *st = &r->seg[r->nseg - 1];
	unsigned i, nd = r->nseg - 2;
	unsigned long long bytes = 0;
	int in;

	if (r->nseg < 2 || r->seg[0].len < sizeof(hdr) || r->seg[0].device_writes ||
	    !st->device_writes || st->len < 1)
		return -2; /* not even a status byte to answer in */
	s->status = st->addr;
	memcpy(&hdr, r->seg[0].addr, sizeof(hdr));
	if (hdr.type == VIRTIO_BLK_T_GET_ID)
		return get_id(s);
	if (hdr.type != VIRTIO_BLK_T_IN && hdr.type != VIRTIO_BLK_T_OUT &&
	    hdr.type != VIRTIO_BLK_T_FLUSH)
		return VIRTIO_BLK_S_UNSUPP;
	in = hdr.type == VIRTIO_BLK_T_IN;
	for (i = 1; i <= nd; i++) {
		if (r->seg[i].device_writes != in || !r->seg[i].len)
			return VIRTIO_BLK_S_IOERR;
		s->seg[i - 1] = (struct dde_blk_seg){ r->seg[i].addr, r->seg[i].len };
		bytes += r->seg[i].len;
	}
	if (hdr.type == VIRTIO_BLK_T_FLUSH) {
		if (nd)
			return VIRTIO_BLK_S_IOERR;
	} else if (!nd || bytes % SECTOR || nd > disk.max_segments || hdr.sector > disk.sectors ||
		   bytes / SECTOR > disk.sectors - hdr.sector) {
		return VIRTIO_BLK_S_IOERR;
	} else if (!in && disk.read_only) {
		return VIRTIO_BLK_S_IOERR;
	}
	s->written = in ? (l4_uint32_t)bytes : 0;
	s->io = (struct dde_blk_io){
		.op = in			   ? DDE_BLK_READ :
		      hdr.type == VIRTIO_BLK_T_OUT ? DDE_BLK_WRITE :
						     DDE_BLK_FLUSH,
		.sector = hdr.sector,
		.nseg = nd,
		.seg = s->seg,
		.done = io_done,
	};
	return dde_linux_blk_submit(&s->io) < 0 ? (int)VIRTIO_BLK_S_IOERR : -1;
}

static struct slot *free_slot(void)
{
	unsigned i;

	for (i = 0; i < MAX_INFLIGHT; i++) {
		if (!slots[i].busy)
			return &slots[i];
	}
	return NULL;
}

/* New chains on queue 0, as many as there are free slots (the rest stay posted). */
static void blk_kick(struct l4virtio_dev *d, unsigned queue)
{
	struct slot *s;
	int st;

	while (queue == 0 && (s = free_slot()) && l4virtio_dev_pop(d, 0, &s->r) == 1) {
		s->busy = 1;
		s->gen = gen;
		s->written = 0;
		st = start(s);
		if (st == -2) { /* nowhere to answer: return the chain unanswered */
			l4virtio_dev_push(d, 0, &s->r, 0);
			l4virtio_dev_notify(d, 0);
			s->busy = 0;
		} else if (st >= 0) {
			finish(s, (unsigned char)st);
		}
	}
}

static void blk_reset(struct l4virtio_dev *d)
{
	(void)d;
	gen++; /* requests still in the driver complete unseen */
}

static const struct l4virtio_dev_ops blk_ops = {
	.kick = blk_kick,
	.reset = blk_reset,
};

static void kicked(void *arg)
{
	(void)arg;
	l4virtio_dev_kicked(&vdev);
}

/* The softirq point: waiting requests to the driver, then new chains (slots freed). */
static int softirq(void *arg)
{
	(void)arg;
	if (dde_linux_blk_run())
		return 1;
	if (l4virtio_dev_ready(&vdev) && free_slot())
		blk_kick(&vdev, 0);
	return dde_linux_blk_run();
}

static void put32(unsigned char *p, l4_uint32_t v)
{
	memcpy(p, &v, sizeof(v));
}

static int blk_ready(void)
{
	l4_uint64_t features =
		VIRTIO_FEATURE(VIRTIO_BLK_F_SEG_MAX) | VIRTIO_FEATURE(VIRTIO_BLK_F_BLK_SIZE);
	unsigned char *cfg;
	int err = dde_linux_blk_info(&disk);

	if (err < 0)
		return err;
	if (disk.write_cache)
		features |= VIRTIO_FEATURE(VIRTIO_BLK_F_FLUSH);
	if (disk.read_only)
		features |= VIRTIO_FEATURE(VIRTIO_BLK_F_RO);
	if (disk.max_segments > L4VIRTIO_MAX_SEGS - 2)
		disk.max_segments = L4VIRTIO_MAX_SEGS - 2;
	err = l4virtio_dev_init(&vdev, VIRTIO_ID_BLOCK, features, 1, QUEUE_MAX, 24, &blk_ops, NULL);
	if (err < 0)
		return err;
	cfg = l4virtio_dev_config(&vdev);
	memcpy(cfg + VIRTIO_BLK_CFG_CAPACITY, &disk.sectors, sizeof(disk.sectors));
	put32(cfg + VIRTIO_BLK_CFG_SEG_MAX, disk.max_segments);
	put32(cfg + VIRTIO_BLK_CFG_BLK_SIZE, disk.logical_block_size);
	err = dde_server_attach_irq(l4virtio_dev_kick_irq(&vdev), kicked, NULL);
	if (err < 0)
		return err;
	dde_server_set_softirq(softirq, NULL);
	printf("dde: serving %s (%llu sectors%s%s) as virtio-blk\n", disk.name, disk.sectors,
	       disk.read_only ? ", read-only" : "", disk.write_cache ? ", write cache" : "");
	return 0;
}

static l4_msgtag_t blk_dispatch(l4_msgtag_t tag, l4_umword_t label)
{
	return l4virtio_dev_dispatch(&vdev, tag, label, l4_utcb());
}

/* Linux code may have called out (moe, io): a fresh slot for register_ds/_iface. */
static void blk_before_wait(void)
{
	l4virtio_rcv_prepare(l4_utcb());
}

const struct dde_server_class dde_server_class_blk = {
	.name = "blk",
	.ready = blk_ready,
	.dispatch = blk_dispatch,
	.before_wait = blk_before_wait,
};
