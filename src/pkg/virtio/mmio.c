// SPDX-License-Identifier: MIT
/*
 * The virtio-mmio transport (spec 4.2, register layout version 2): device
 * identification, the status handshake of spec 3.1.1, feature negotiation,
 * queue setup, notification, interrupt acknowledgement and configuration
 * space reads.
 */
#include <l4/virtio/virtio_mmio.h>

#include "virtio_arch.h"

/* Reset is synchronous in QEMU; a real device gets this many status reads. */
#define RESET_POLLS 1000000u
#define CONFIG_RETRIES 100u

static uint32_t rd(struct virtio_mmio_dev *d, unsigned off)
{
	return virtio_reg_read32(d->regs + off);
}

static void wr(struct virtio_mmio_dev *d, unsigned off, uint32_t v)
{
	virtio_reg_write32(d->regs + off, v);
}

int virtio_mmio_identify(volatile void *regs, uint32_t *device_id, uint32_t *version)
{
	volatile uint8_t *r = regs;

	if (virtio_reg_read32(r + VIRTIO_MMIO_MAGIC) != VIRTIO_MMIO_MAGIC_VALUE)
		return -L4_ENODEV;
	*version = virtio_reg_read32(r + VIRTIO_MMIO_VERSION);
	*device_id = virtio_reg_read32(r + VIRTIO_MMIO_DEVICE_ID);
	return 0;
}

static int fail(struct virtio_mmio_dev *d, int err, const char *why)
{
	d->why = why;
	return err;
}

int virtio_mmio_reset(struct virtio_mmio_dev *d)
{
	wr(d, VIRTIO_MMIO_STATUS, 0);
	/* Spec 4.2.3.1: the reset is done when status reads back 0. */
	for (unsigned i = 0; i < RESET_POLLS; i++)
		if (rd(d, VIRTIO_MMIO_STATUS) == 0)
			return 0;
	return fail(d, -L4_EIO, "device did not finish its reset");
}

static void set_status(struct virtio_mmio_dev *d, uint32_t bits)
{
	wr(d, VIRTIO_MMIO_STATUS, rd(d, VIRTIO_MMIO_STATUS) | bits);
}

uint32_t virtio_mmio_status(struct virtio_mmio_dev *d)
{
	return rd(d, VIRTIO_MMIO_STATUS);
}

void virtio_mmio_fail(struct virtio_mmio_dev *d, const char *why)
{
	set_status(d, VIRTIO_STATUS_FAILED);
	d->why = why;
}

static const struct virtio_transport_ops mmio_ops;

int virtio_mmio_init(struct virtio_mmio_dev *d, const struct virtio_env *env, volatile void *regs,
		     uint32_t want_id)
{
	uint32_t id, version;

	d->ops = &mmio_ops;
	d->regs = regs;
	d->env = env;
	d->features = 0;
	d->why = NULL;
	if (virtio_mmio_identify(regs, &id, &version) < 0)
		return fail(d, -L4_ENODEV, "no virtio-mmio magic value in the register window");
	if (version == VIRTIO_MMIO_VERSION_LEGACY)
		return fail(d, -L4_ENOSYS,
			    "legacy virtio-mmio device (version 1); virtio 1.x is required "
			    "(QEMU: -global virtio-mmio.force-legacy=false)");
	if (version != VIRTIO_MMIO_VERSION_MODERN)
		return fail(d, -L4_ENOSYS, "unknown virtio-mmio version");
	if (id == 0)
		return fail(d, -L4_ENODEV, "virtio-mmio transport without a device");
	if (id != want_id)
		return fail(d, -L4_ENODEV, "virtio device of another type");
	d->device_id = id;
	d->vendor_id = rd(d, VIRTIO_MMIO_VENDOR_ID);
	if (virtio_mmio_reset(d) < 0)
		return -L4_EIO;
	set_status(d, VIRTIO_STATUS_ACKNOWLEDGE);
	set_status(d, VIRTIO_STATUS_DRIVER);
	return 0;
}

static uint64_t device_features(struct virtio_mmio_dev *d)
{
	uint64_t f;

	wr(d, VIRTIO_MMIO_DEVICE_FEATURES_SEL, 1);
	f = (uint64_t)rd(d, VIRTIO_MMIO_DEVICE_FEATURES) << 32;
	wr(d, VIRTIO_MMIO_DEVICE_FEATURES_SEL, 0);
	return f | rd(d, VIRTIO_MMIO_DEVICE_FEATURES);
}

int virtio_mmio_negotiate(struct virtio_mmio_dev *d, uint64_t wanted)
{
	uint64_t offered = device_features(d), accept;

	if (!(offered & VIRTIO_FEATURE(VIRTIO_F_VERSION_1))) {
		virtio_mmio_fail(d, "device does not offer VIRTIO_F_VERSION_1 (legacy only)");
		return -L4_ENOSYS;
	}
	accept = offered & (wanted | VIRTIO_FEATURE(VIRTIO_F_VERSION_1));
	wr(d, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 1);
	wr(d, VIRTIO_MMIO_DRIVER_FEATURES, (uint32_t)(accept >> 32));
	wr(d, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 0);
	wr(d, VIRTIO_MMIO_DRIVER_FEATURES, (uint32_t)accept);
	set_status(d, VIRTIO_STATUS_FEATURES_OK);
	/* Spec 3.1.1 step 6: the device clears FEATURES_OK if it cannot live with them. */
	if (!(rd(d, VIRTIO_MMIO_STATUS) & VIRTIO_STATUS_FEATURES_OK)) {
		virtio_mmio_fail(d, "device refused the negotiated features (FEATURES_OK cleared)");
		return -L4_ENOSYS;
	}
	d->features = accept;
	return 0;
}

static void wr64(struct virtio_mmio_dev *d, unsigned lo, uint64_t v)
{
	wr(d, lo, (uint32_t)v);
	wr(d, lo + 4, (uint32_t)(v >> 32));
}

int virtio_mmio_setup_queue(struct virtio_mmio_dev *d, unsigned index, struct virtq *vq,
			    unsigned max_num, struct virtio_dma *ring)
{
	const struct virtio_env *env = d->env;
	unsigned num = 1, dev_max;
	int err;

	wr(d, VIRTIO_MMIO_QUEUE_SEL, index);
	if (rd(d, VIRTIO_MMIO_QUEUE_READY))
		return fail(d, -L4_EBUSY, "queue already set up");
	dev_max = rd(d, VIRTIO_MMIO_QUEUE_NUM_MAX);
	if (dev_max == 0)
		return fail(d, -L4_ENOENT, "device has no such queue");
	if (max_num > VIRTQ_MAX_SIZE)
		max_num = VIRTQ_MAX_SIZE;
	/* Split rings want a power-of-two size (spec 2.7). */
	while (num * 2 <= max_num && num * 2 <= dev_max)
		num *= 2;

	err = env->dma_alloc(env->ctx, virtq_ring_bytes(num), 4096, ring);
	if (err < 0)
		return fail(d, -L4_ENOMEM, "no DMA memory for the rings");
	err = virtq_init(vq, num, ring->virt, ring->phys,
			 !!(d->features & VIRTIO_FEATURE(VIRTIO_F_EVENT_IDX)));
	if (err < 0) {
		if (env->dma_free)
			env->dma_free(env->ctx, ring);
		return fail(d, err, "ring memory unsuitable (alignment)");
	}
	wr(d, VIRTIO_MMIO_QUEUE_NUM, num);
	wr64(d, VIRTIO_MMIO_QUEUE_DESC_LOW, vq->desc_phys);
	wr64(d, VIRTIO_MMIO_QUEUE_DRIVER_LOW, vq->avail_phys);
	wr64(d, VIRTIO_MMIO_QUEUE_DEVICE_LOW, vq->used_phys);
	/* The zeroed rings must be in memory before the device may look at them. */
	virtio_mb();
	wr(d, VIRTIO_MMIO_QUEUE_READY, 1);
	return 0;
}

void virtio_mmio_driver_ok(struct virtio_mmio_dev *d)
{
	set_status(d, VIRTIO_STATUS_DRIVER_OK);
}

void virtio_mmio_notify(struct virtio_mmio_dev *d, unsigned index)
{
	/* virtq_kick_prepare() already ordered the ring writes before this store. */
	wr(d, VIRTIO_MMIO_QUEUE_NOTIFY, index);
}

uint32_t virtio_mmio_ack_interrupt(struct virtio_mmio_dev *d)
{
	uint32_t isr = rd(d, VIRTIO_MMIO_INTERRUPT_STATUS);

	if (isr)
		wr(d, VIRTIO_MMIO_INTERRUPT_ACK, isr);
	/* Used-ring reads that follow must not be satisfied before the status read. */
	virtio_mb();
	return isr;
}

static void read_config_once(struct virtio_mmio_dev *d, unsigned off, uint8_t *buf, unsigned len)
{
	volatile uint8_t *cfg = d->regs + VIRTIO_MMIO_CONFIG;

	for (unsigned i = 0; i < len;) {
		/* Whole aligned words where possible: some fields must be read as such. */
		if (!((off + i) & 3) && len - i >= 4) {
			uint32_t w = virtio_reg_read32(cfg + off + i);

			for (unsigned b = 0; b < 4; b++)
				buf[i + b] = (uint8_t)(w >> (8 * b));
			i += 4;
		} else {
			buf[i] = virtio_reg_read8(cfg + off + i);
			i++;
		}
	}
}

int virtio_mmio_read_config(struct virtio_mmio_dev *d, unsigned off, void *buf, unsigned len)
{
	for (unsigned tries = 0; tries < CONFIG_RETRIES; tries++) {
		uint32_t gen = rd(d, VIRTIO_MMIO_CONFIG_GENERATION);

		read_config_once(d, off, buf, len);
		if (rd(d, VIRTIO_MMIO_CONFIG_GENERATION) == gen)
			return 0;
	}
	return fail(d, -L4_EIO, "configuration space kept changing");
}

/* The generic transport (<l4/virtio/virtio_transport.h>) over the functions above. */
static struct virtio_mmio_dev *of(struct virtio_transport *t)
{
	return (struct virtio_mmio_dev *)t; /* tr is the first member */
}

static int tr_negotiate(struct virtio_transport *t, uint64_t wanted)
{
	return virtio_mmio_negotiate(of(t), wanted);
}

static int tr_setup_queue(struct virtio_transport *t, unsigned index, struct virtq *vq,
			  unsigned max_num, struct virtio_dma *ring)
{
	return virtio_mmio_setup_queue(of(t), index, vq, max_num, ring);
}

static void tr_driver_ok(struct virtio_transport *t)
{
	virtio_mmio_driver_ok(of(t));
}

static void tr_notify(struct virtio_transport *t, unsigned index)
{
	virtio_mmio_notify(of(t), index);
}

static uint32_t tr_ack_interrupt(struct virtio_transport *t)
{
	return virtio_mmio_ack_interrupt(of(t));
}

static uint32_t tr_status(struct virtio_transport *t)
{
	return virtio_mmio_status(of(t));
}

static int tr_read_config(struct virtio_transport *t, unsigned off, void *buf, unsigned len)
{
	return virtio_mmio_read_config(of(t), off, buf, len);
}

static int tr_reset(struct virtio_transport *t)
{
	return virtio_mmio_reset(of(t));
}

static void tr_fail(struct virtio_transport *t, const char *why)
{
	virtio_mmio_fail(of(t), why);
}

static const struct virtio_transport_ops mmio_ops = {
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
