// SPDX-License-Identifier: MIT
/*
 * The L4virtio transport, driver side (docs/virtio.md): attach to a
 * device server, negotiate through the shared configuration page plus
 * set_status / config_queue IPC, notify through the device's Irq, wait
 * on our own Irq.  DMA memory for the drivers on top is carved out of the
 * one dataspace registered with the device.
 */
#include <l4/l4virtio/virtio.h>
#include <l4/re/c/dataspace.h>
#include <l4/re/c/mem_alloc.h>
#include <l4/re/c/rm.h>
#include <l4/re/c/util/cap_alloc.h>
#include <l4/re/env.h>
#include <l4/sys/err.h>
#include <l4/sys/factory.h>
#include <l4/sys/ipc.h>
#include <l4/sys/irq.h>
#include <l4/sys/kip.h>
#include <l4/virtio/virtio_l4.h>

#include "virtio_arch.h"

#define CONFIG_RETRIES 100u
/* How long virtio_l4_open() waits for the server to bind its gate. */
#define OPEN_WAIT_US 5000000ull

static int fail(struct virtio_l4_dev *d, int err, const char *why)
{
	d->why = why;
	return err;
}

static struct virtio_l4_dev *of(struct virtio_transport *t)
{
	return (struct virtio_l4_dev *)t; /* tr is the first member */
}

static volatile l4virtio_config_hdr_t *hdr(struct virtio_l4_dev *d)
{
	return d->cfg;
}

/* One call with words message words (mr0 = opcode) and no items. */
static long call(struct virtio_l4_dev *d, unsigned words)
{
	l4_utcb_t *u = l4_utcb();

	l4_utcb_br_u(u)->bdr = 0;
	l4_utcb_br_u(u)->br[0] = 0;
	return l4_error_u(
		l4_ipc_call(d->gate, u, l4_msgtag(L4VIRTIO_PROTOCOL, words, 0, 0), L4_IPC_NEVER),
		u);
}

long virtio_l4_set_status(struct virtio_l4_dev *d, uint32_t status)
{
	l4_msg_regs_t *m = l4_utcb_mr();

	m->mr[0] = L4VIRTIO_OP_SET_STATUS;
	m->mr[1] = status;
	return call(d, 2);
}

long virtio_l4_config_queue(struct virtio_l4_dev *d, unsigned queue)
{
	l4_msg_regs_t *m = l4_utcb_mr();

	m->mr[0] = L4VIRTIO_OP_CONFIG_QUEUE;
	m->mr[1] = queue;
	return call(d, 2);
}

uint64_t virtio_l4_dev_addr(const struct virtio_l4_dev *d, const void *p)
{
	return d->mem_base + (uint64_t)((const uint8_t *)p - d->mem_virt);
}

/* --- the environment drivers get: memory from the registered dataspace --- */

static int env_dma_alloc(void *ctx, size_t size, size_t align, struct virtio_dma *out)
{
	struct virtio_l4_dev *d = ctx;
	size_t at;

	if (align < 16)
		align = 16;
	if (align & (align - 1))
		return -L4_EINVAL;
	at = (d->mem_used + align - 1) & ~(align - 1);
	if (at > d->mem_size || size > d->mem_size - at)
		return -L4_ENOMEM;
	d->mem_used = at + size;
	out->virt = d->mem_virt + at;
	out->phys = d->mem_base + at;
	out->size = size;
	__builtin_memset(out->virt, 0, size);
	return 0;
}

/* A bump allocator: only the newest piece really goes back (drivers free in reverse). */
static void env_dma_free(void *ctx, struct virtio_dma *dma)
{
	struct virtio_l4_dev *d = ctx;
	size_t at = (size_t)((uint8_t *)dma->virt - d->mem_virt);

	if (at + dma->size == d->mem_used)
		d->mem_used = at;
}

static int env_irq_wait(void *ctx, uint64_t timeout_us)
{
	struct virtio_l4_dev *d = ctx;
	l4_msgtag_t tag;

	tag = l4_irq_receive(d->irq,
			     l4_timeout(L4_IPC_TIMEOUT_NEVER, l4_timeout_from_us(timeout_us)));
	if (!l4_msgtag_has_error(tag))
		return 0;
	if (l4_error(tag) == -VIRTIO_ETIMEDOUT)
		d->irq_wait_timeouts++;
	return (int)l4_error(tag);
}

static uint64_t env_now_us(void *ctx)
{
	(void)ctx;
	return l4_kip_clock(l4re_kip());
}

/* --- the transport operations --- */

static uint32_t tr_status(struct virtio_transport *t)
{
	virtio_mb();
	return hdr(of(t))->status;
}

static int tr_reset(struct virtio_transport *t)
{
	struct virtio_l4_dev *d = of(t);
	long err = virtio_l4_set_status(d, 0);

	if (err < 0)
		return fail(d, (int)err, "set_status(0) failed");
	/* The device resets synchronously before it replies. */
	if (tr_status(t) != 0)
		return fail(d, -L4_EIO, "device did not finish its reset");
	return 0;
}

static void set_bits(struct virtio_l4_dev *d, uint32_t bits)
{
	virtio_l4_set_status(d, tr_status(&d->tr) | bits);
}

static void tr_fail(struct virtio_transport *t, const char *why)
{
	set_bits(of(t), VIRTIO_STATUS_FAILED);
	t->why = why;
}

static int tr_negotiate(struct virtio_transport *t, uint64_t wanted)
{
	struct virtio_l4_dev *d = of(t);
	volatile l4virtio_config_hdr_t *h = hdr(d);
	uint64_t offered = h->dev_features_map[0] | ((uint64_t)h->dev_features_map[1] << 32);
	uint64_t accept;

	if (!(offered & VIRTIO_FEATURE(VIRTIO_F_VERSION_1))) {
		tr_fail(t, "device does not offer VIRTIO_F_VERSION_1");
		return -L4_ENOSYS;
	}
	accept = offered & (wanted | VIRTIO_FEATURE(VIRTIO_F_VERSION_1));
	for (unsigned i = 0; i < 8; i++)
		h->driver_features_map[i] = 0;
	h->driver_features_map[0] = (uint32_t)accept;
	h->driver_features_map[1] = (uint32_t)(accept >> 32);
	virtio_mb();
	set_bits(d, VIRTIO_STATUS_FEATURES_OK);
	if (!(tr_status(t) & VIRTIO_STATUS_FEATURES_OK)) {
		tr_fail(t, "device refused the negotiated features (FEATURES_OK cleared)");
		return -L4_ENOSYS;
	}
	d->features = accept;
	return 0;
}

static int tr_setup_queue(struct virtio_transport *t, unsigned index, struct virtq *vq,
			  unsigned max_num, struct virtio_dma *ring)
{
	struct virtio_l4_dev *d = of(t);
	volatile l4virtio_config_hdr_t *h = hdr(d);
	volatile l4virtio_config_queue_t *qc;
	unsigned num = 1, dev_max, qoff = h->queues_offset;
	long err;

	if (index >= h->num_queues)
		return fail(d, -L4_ENOENT, "device has no such queue");
	/* The page is the device's: do not follow an offset out of it. */
	if (qoff > d->cfg_size || (index + 1) * sizeof(*qc) > d->cfg_size - qoff || (qoff & 7))
		return fail(d, -L4_EIO, "device's queue table lies outside its config page");
	qc = (volatile l4virtio_config_queue_t *)((uint8_t *)d->cfg + qoff) + index;
	if (qc->ready)
		return fail(d, -L4_EBUSY, "queue already set up");
	dev_max = qc->num_max;
	if (dev_max == 0)
		return fail(d, -L4_ENOENT, "device has no such queue");
	if (max_num > VIRTQ_MAX_SIZE)
		max_num = VIRTQ_MAX_SIZE;
	while (num * 2 <= max_num && num * 2 <= dev_max)
		num *= 2;
	err = t->env->dma_alloc(t->env->ctx, virtq_ring_bytes(num), 4096, ring);
	if (err < 0)
		return fail(d, -L4_ENOMEM, "no room for the rings in the registered memory");
	err = virtq_init(vq, num, ring->virt, ring->phys,
			 !!(d->features & VIRTIO_FEATURE(VIRTIO_F_EVENT_IDX)));
	if (err < 0) {
		env_dma_free(d, ring);
		return fail(d, (int)err, "ring memory unsuitable (alignment)");
	}
	qc->num = (uint16_t)num;
	qc->desc_addr = vq->desc_phys;
	qc->avail_addr = vq->avail_phys;
	qc->used_addr = vq->used_phys;
	virtio_mb();
	qc->ready = 1;
	err = virtio_l4_config_queue(d, index);
	virtio_mb();
	if (err < 0 || !qc->ready) {
		env_dma_free(d, ring);
		return fail(d, err < 0 ? (int)err : -L4_EIO, "device refused the queue");
	}
	return 0;
}

static void tr_driver_ok(struct virtio_transport *t)
{
	set_bits(of(t), VIRTIO_STATUS_DRIVER_OK);
}

static void tr_notify(struct virtio_transport *t, unsigned index)
{
	(void)index; /* one notification Irq for all queues: the device looks at each */
	l4_irq_trigger(of(t)->kick);
}

static uint32_t tr_ack_interrupt(struct virtio_transport *t)
{
	uint32_t isr = __atomic_exchange_n(&of(t)->cfg->irq_status, 0, __ATOMIC_SEQ_CST);

	virtio_mb();
	return isr;
}

static int tr_read_config(struct virtio_transport *t, unsigned off, void *buf, unsigned len)
{
	struct virtio_l4_dev *d = of(t);
	volatile uint8_t *cfg = (volatile uint8_t *)d->cfg + L4VIRTIO_DEVICE_CONFIG_OFFSET;
	uint8_t *out = buf;

	if (off > d->cfg_size - L4VIRTIO_DEVICE_CONFIG_OFFSET ||
	    len > d->cfg_size - L4VIRTIO_DEVICE_CONFIG_OFFSET - off)
		return fail(d, -L4_EINVAL, "config read beyond the config page");
	for (unsigned tries = 0; tries < CONFIG_RETRIES; tries++) {
		uint32_t gen = hdr(d)->generation;

		virtio_rmb();
		for (unsigned i = 0; i < len; i++)
			out[i] = cfg[off + i];
		virtio_rmb();
		if (hdr(d)->generation == gen)
			return 0;
	}
	return fail(d, -L4_EIO, "configuration space kept changing");
}

static const struct virtio_transport_ops l4_ops = {
	.negotiate = tr_negotiate,
	.setup_queue = tr_setup_queue,
	.driver_ok = tr_driver_ok,
	.notify = tr_notify,
	.ack_interrupt = tr_ack_interrupt,
	.status = tr_status,
	.read_config = tr_read_config,
	.reset = tr_reset,
	.fail = tr_fail,
};

/* --- attach --- */

static long register_iface(struct virtio_l4_dev *d)
{
	l4_utcb_t *u = l4_utcb();
	l4_msg_regs_t *m = l4_utcb_mr_u(u);
	l4_buf_regs_t *b = l4_utcb_br_u(u);
	l4_msgtag_t tag;
	long err;

	m->mr[0] = L4VIRTIO_OP_REGISTER_IFACE;
	m->mr[1] = l4_map_obj_control(0, 0);
	m->mr[2] = l4_obj_fpage(d->irq, 0, L4_CAP_FPAGE_RWS).raw;
	b->bdr = 0;
	b->br[0] = d->kick | L4_RCV_ITEM_SINGLE_CAP;
	b->br[1] = d->cfg_ds | L4_RCV_ITEM_SINGLE_CAP;
	b->br[2] = 0;
	tag = l4_ipc_call(d->gate, u, l4_msgtag(L4VIRTIO_PROTOCOL, 1, 1, 0), L4_IPC_NEVER);
	err = l4_error_u(tag, u);
	b->br[0] = 0;
	if (err < 0)
		return err;
	if (l4_msgtag_items(tag) != 2)
		return -L4_EBADPROTO;
	return 0;
}

static long register_ds(struct virtio_l4_dev *d)
{
	l4_utcb_t *u = l4_utcb();
	l4_msg_regs_t *m = l4_utcb_mr_u(u);

	m->mr[0] = L4VIRTIO_OP_REGISTER_DS;
	m->mr[1] = d->mem_base;
	m->mr[2] = 0;
	m->mr[3] = d->mem_size;
	m->mr[4] = l4_map_obj_control(0, 0);
	m->mr[5] = l4_obj_fpage(d->mem_ds, 0, L4_CAP_FPAGE_RW).raw;
	l4_utcb_br_u(u)->bdr = 0;
	l4_utcb_br_u(u)->br[0] = 0;
	return l4_error_u(
		l4_ipc_call(d->gate, u, l4_msgtag(L4VIRTIO_PROTOCOL, 4, 1, 0), L4_IPC_NEVER), u);
}

static void release(struct virtio_l4_dev *d)
{
	if (d->cfg)
		l4re_rm_detach(d->cfg);
	if (d->mem_virt)
		l4re_rm_detach(d->mem_virt);
	if (!l4_is_invalid_cap(d->mem_ds) && d->mem_virt)
		l4re_ma_free_srv(d->mem_alloc, d->mem_ds);
	if (!l4_is_invalid_cap(d->irq))
		l4_irq_detach(d->irq);
	for (unsigned i = 0; i < 4; i++) {
		l4_cap_idx_t *c = i == 0 ? &d->irq :
				  i == 1 ? &d->kick :
				  i == 2 ? &d->cfg_ds :
					   &d->mem_ds;

		if (!l4_is_invalid_cap(*c))
			l4re_util_cap_free_um(*c);
		*c = L4_INVALID_CAP;
	}
	d->cfg = NULL;
	d->mem_virt = NULL;
}

int virtio_l4_open(struct virtio_l4_dev *d, l4_cap_idx_t gate, l4_cap_idx_t mem_alloc,
		   size_t mem_bytes, uint32_t want_id, l4_cap_idx_t thread, l4_umword_t irq_label)
{
	volatile l4virtio_config_hdr_t *h;
	l4_addr_t phys;
	l4_size_t contig;
	void *va = NULL;
	long err;

	__builtin_memset(d, 0, sizeof(*d));
	d->ops = &l4_ops;
	d->env = &d->own_env;
	d->gate = gate;
	d->mem_alloc = mem_alloc;
	d->own_env = (struct virtio_env){
		.ctx = d,
		.dma_alloc = env_dma_alloc,
		.dma_free = env_dma_free,
		.irq_wait = env_irq_wait,
		.now_us = env_now_us,
	};
	d->irq = l4re_util_cap_alloc();
	d->kick = l4re_util_cap_alloc();
	d->cfg_ds = l4re_util_cap_alloc();
	d->mem_ds = l4re_util_cap_alloc();
	if (l4_is_invalid_cap(d->irq) || l4_is_invalid_cap(d->kick) ||
	    l4_is_invalid_cap(d->cfg_ds) || l4_is_invalid_cap(d->mem_ds)) {
		err = fail(d, -L4_ENOMEM, "out of capability slots");
		goto out;
	}
	err = l4_error(l4_factory_create_irq(l4re_env()->factory, d->irq));
	if (err < 0) {
		fail(d, (int)err, "cannot create our Irq");
		goto out;
	}
	err = l4_error(l4_irq_attach(d->irq, irq_label, thread));
	if (err < 0) {
		fail(d, (int)err, "cannot attach our Irq");
		goto out;
	}
	/* The server may not have bound its gate yet (both started by one script). */
	for (uint64_t until = env_now_us(NULL) + OPEN_WAIT_US;;) {
		err = register_iface(d);
		if (err != -(L4_EIPC_LO + L4_IPC_ENOT_EXISTENT) || env_now_us(NULL) >= until)
			break;
		l4_ipc_sleep(l4_timeout(L4_IPC_TIMEOUT_NEVER, l4_timeout_from_us(2000)));
	}
	if (err < 0) {
		fail(d, (int)err,
		     err == -L4_EBADPROTO ? "register_iface: no capabilities came back" :
					    "register_iface failed (not an L4virtio device?)");
		goto out;
	}
	d->cfg_size = l4re_ds_size(d->cfg_ds);
	if (d->cfg_size < L4VIRTIO_DEVICE_CONFIG_OFFSET || d->cfg_size > (1ul << 20)) {
		err = fail(d, -L4_ENODEV, "device's config dataspace has a bad size");
		goto out;
	}
	err = l4re_rm_attach(&va, d->cfg_size, L4RE_RM_F_SEARCH_ADDR | L4RE_RM_F_RW, d->cfg_ds, 0,
			     L4_PAGESHIFT);
	if (err < 0) {
		fail(d, (int)err, "cannot attach the device's config page");
		goto out;
	}
	d->cfg = va;
	h = hdr(d);
	if (h->magic != L4VIRTIO_MAGIC || h->version != L4VIRTIO_VERSION) {
		err = fail(d, -L4_ENODEV, "no L4virtio magic/version in the config page");
		goto out;
	}
	d->device_id = h->device;
	d->vendor_id = h->vendor;
	if (d->device_id != want_id) {
		err = fail(d, -L4_ENODEV, "virtio device of another type");
		goto out;
	}

	/* Our memory: one contiguous, pinned dataspace, registered whole. */
	d->mem_size = (mem_bytes + L4_PAGESIZE - 1) & ~(size_t)(L4_PAGESIZE - 1);
	err = l4re_ma_alloc_align_srv(mem_alloc, (long)d->mem_size, d->mem_ds,
				      L4RE_MA_CONTINUOUS | L4RE_MA_PINNED, L4_PAGESHIFT);
	if (err < 0) {
		fail(d, -L4_ENOMEM, "cannot allocate the shared memory");
		goto out;
	}
	va = NULL;
	err = l4re_rm_attach(&va, d->mem_size, L4RE_RM_F_SEARCH_ADDR | L4RE_RM_F_RW, d->mem_ds, 0,
			     L4_PAGESHIFT);
	if (err < 0) {
		l4re_ma_free_srv(mem_alloc, d->mem_ds);
		fail(d, (int)err, "cannot attach the shared memory");
		goto out;
	}
	d->mem_virt = va;
	/* Device addresses are physical when we know them: a DMA-capable device uses them as is. */
	if (l4re_ds_phys(d->mem_ds, 0, &phys, &contig) == 0 && contig >= d->mem_size)
		d->mem_base = phys;
	else
		d->mem_base = (l4_addr_t)va;
	err = register_ds(d);
	if (err < 0) {
		fail(d, (int)err, "register_ds failed");
		goto out;
	}

	err = tr_reset(&d->tr);
	if (err < 0)
		goto out;
	set_bits(d, VIRTIO_STATUS_ACKNOWLEDGE);
	set_bits(d, VIRTIO_STATUS_DRIVER);
	return 0;

out:
	release(d);
	return (int)err;
}

void virtio_l4_close(struct virtio_l4_dev *d)
{
	if (d->cfg)
		virtio_l4_set_status(d, 0);
	release(d);
}
