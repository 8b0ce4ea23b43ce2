// SPDX-License-Identifier: MIT
/*
 * The device object: the configuration page (a moe dataspace the driver
 * gets read-write), the notification Irq, status, interrupts to the
 * driver, and the capability slots that receive the driver's caps.
 */
#include <l4/re/c/dataspace.h>
#include <l4/re/c/mem_alloc.h>
#include <l4/re/c/rm.h>
#include <l4/re/c/util/cap_alloc.h>
#include <l4/re/env.h>
#include <l4/sys/err.h>
#include <l4/sys/factory.h>
#include <l4/sys/irq.h>

#include "dev_internal.h"

static unsigned round_up(unsigned v, unsigned a)
{
	return (v + a - 1) & ~(a - 1);
}

static void publish_queues(struct l4virtio_dev *d)
{
	l4virtio_config_queue_t *qc = l4virtio_config_queues(d->cfg);

	for (unsigned i = 0; i < d->nqueues; i++) {
		qc[i].num_max = (l4_uint16_t)d->queue_max;
		qc[i].ready = 0;
		qc[i].device_notify_index = 0; /* one notification Irq for all queues */
	}
}

int l4virtio_dev_init(struct l4virtio_dev *d, l4_uint32_t device_id, l4_uint64_t features,
		      unsigned nqueues, unsigned queue_max, unsigned config_size,
		      const struct l4virtio_dev_ops *ops, void *priv)
{
	unsigned qoff = L4VIRTIO_DEVICE_CONFIG_OFFSET + round_up(config_size, 16);
	unsigned long size;
	l4_msgtag_t tag;
	void *va = 0;
	long err;

	__builtin_memset(d, 0, sizeof(*d));
	d->cfg_ds = d->kick_irq = d->driver_irq = L4_INVALID_CAP;
	if (!ops || !ops->kick || nqueues == 0 || nqueues > L4VIRTIO_DEV_MAX_QUEUES ||
	    queue_max == 0 || queue_max > 32768 || (queue_max & (queue_max - 1)) ||
	    config_size > 0x10000)
		return -L4_EINVAL;
	size = l4_round_page(qoff + nqueues * sizeof(l4virtio_config_queue_t));

	d->cfg_ds = l4re_util_cap_alloc();
	d->kick_irq = l4re_util_cap_alloc();
	if (l4_is_invalid_cap(d->cfg_ds) || l4_is_invalid_cap(d->kick_irq)) {
		err = -L4_ENOMEM;
		goto free_slots;
	}
	err = l4re_ma_alloc_align_srv(l4re_env()->mem_alloc, (long)size, d->cfg_ds, 0, 0);
	if (err < 0)
		goto free_slots;
	err = l4re_rm_attach(&va, size, L4RE_RM_F_SEARCH_ADDR | L4RE_RM_F_RW, d->cfg_ds, 0,
			     L4_PAGESHIFT);
	if (err < 0)
		goto free_ds;
	tag = l4_factory_create_irq(l4re_env()->factory, d->kick_irq);
	err = l4_error(tag);
	if (err < 0)
		goto detach;

	d->ops = ops;
	d->priv = priv;
	d->cfg = va;
	d->cfg_size = size;
	d->device_id = device_id;
	d->dev_features = features | (1ull << DEV_F_VERSION_1);
	d->nqueues = nqueues;
	d->queue_max = queue_max;
	d->config_size = config_size;
	__builtin_memset(va, 0, size);
	d->cfg->magic = L4VIRTIO_MAGIC;
	d->cfg->version = L4VIRTIO_VERSION;
	d->cfg->device = device_id;
	d->cfg->vendor = L4VIRTIO_VENDOR_KK;
	d->cfg->num_queues = nqueues;
	d->cfg->queues_offset = qoff;
	d->cfg->dev_features_map[0] = (l4_uint32_t)d->dev_features;
	d->cfg->dev_features_map[1] = (l4_uint32_t)(d->dev_features >> 32);
	d->cfg->dev_features = (l4_uint32_t)d->dev_features;
	publish_queues(d);
	l4virtio_rcv_prepare(l4_utcb());
	return 0;

detach:
	l4re_rm_detach(va);
free_ds:
	l4re_ma_free_srv(l4re_env()->mem_alloc, d->cfg_ds);
free_slots:
	if (!l4_is_invalid_cap(d->cfg_ds))
		l4re_util_cap_free_um(d->cfg_ds);
	if (!l4_is_invalid_cap(d->kick_irq))
		l4re_util_cap_free_um(d->kick_irq);
	d->cfg_ds = d->kick_irq = L4_INVALID_CAP;
	return (int)err;
}

void *l4virtio_dev_config(struct l4virtio_dev *d)
{
	return l4virtio_device_config(d->cfg);
}

void l4virtio_dev_irq(struct l4virtio_dev *d, l4_uint32_t why)
{
	if (l4_is_invalid_cap(d->driver_irq))
		return;
	/* The driver clears the bits it has seen with an atomic exchange. */
	__atomic_fetch_or(&d->cfg->irq_status, why, __ATOMIC_SEQ_CST);
	l4_irq_trigger(d->driver_irq);
}

void l4virtio_dev_config_changed(struct l4virtio_dev *d)
{
	dev_mb(); /* the new config before the new generation */
	d->cfg->generation++;
	dev_mb();
	l4virtio_dev_irq(d, L4VIRTIO_IRQ_STATUS_CONFIG);
}

l4_cap_idx_t l4virtio_dev_kick_irq(struct l4virtio_dev *d)
{
	return d->kick_irq;
}

void l4virtio_dev_kicked(struct l4virtio_dev *d)
{
	if (!l4virtio_dev_ready(d))
		return;
	for (unsigned q = 0; q < d->nqueues; q++)
		if (d->q[q].live)
			d->ops->kick(d, q);
}

l4_uint64_t l4virtio_dev_features(struct l4virtio_dev *d)
{
	return d->features;
}

int l4virtio_dev_ready(struct l4virtio_dev *d)
{
	l4_uint32_t need = L4VIRTIO_STATUS_DRIVER_OK | L4VIRTIO_STATUS_FEATURES_OK;

	return (d->status & need) == need &&
	       !(d->status & (L4VIRTIO_STATUS_FAILED | L4VIRTIO_STATUS_DEVICE_NEEDS_RESET));
}

void l4virtio_dev_publish_status(struct l4virtio_dev *d)
{
	dev_mb();
	d->cfg->status = d->status;
	dev_mb();
}

int l4virtio_dev_violation(struct l4virtio_dev *d, const char *why)
{
	d->why = why;
	d->violations++;
	if (!(d->status & L4VIRTIO_STATUS_DEVICE_NEEDS_RESET)) {
		d->status |= L4VIRTIO_STATUS_DEVICE_NEEDS_RESET;
		l4virtio_dev_publish_status(d);
		l4virtio_dev_irq(d, L4VIRTIO_IRQ_STATUS_CONFIG);
	}
	return -L4_EIO;
}

void l4virtio_dev_reset(struct l4virtio_dev *d)
{
	for (unsigned q = 0; q < d->nqueues; q++)
		__builtin_memset(&d->q[q], 0, sizeof(d->q[q]));
	d->status = 0;
	d->features = 0;
	d->cfg->irq_status = 0;
	d->cfg->driver_features_map[0] = d->cfg->driver_features_map[1] = 0;
	publish_queues(d);
	l4virtio_dev_publish_status(d);
	if (d->ops->reset)
		d->ops->reset(d);
}

/*
 * Slots this library put into a br[0] and that have not received
 * anything yet; a few threads may serve devices, hence atomics.
 */
#define PENDING_SLOTS 16
static l4_cap_idx_t pending[PENDING_SLOTS];

static int pending_has(l4_cap_idx_t slot)
{
	for (unsigned i = 0; i < PENDING_SLOTS; i++)
		if (__atomic_load_n(&pending[i], __ATOMIC_ACQUIRE) == slot)
			return 1;
	return 0;
}

/* Forget slot: it holds a received capability now, or goes back. */
int l4virtio_rcv_claim(l4_cap_idx_t slot)
{
	for (unsigned i = 0; i < PENDING_SLOTS; i++) {
		l4_cap_idx_t v = slot;

		if (__atomic_compare_exchange_n(&pending[i], &v, 0, 0, __ATOMIC_ACQ_REL,
						__ATOMIC_ACQUIRE))
			return 1;
	}
	return 0;
}

void l4virtio_rcv_prepare(l4_utcb_t *u)
{
	l4_buf_regs_t *b = l4_utcb_br_u(u);
	l4_umword_t cur = b->br[0];
	l4_cap_idx_t slot = cur & ~(L4_CAP_SIZE - 1);

	b->bdr = 0;
	if ((cur & 0xfu) == L4_RCV_ITEM_SINGLE_CAP && pending_has(slot)) {
		b->br[1] = 0;
		return;
	}
	slot = l4re_util_cap_alloc();
	if (l4_is_invalid_cap(slot)) {
		b->br[0] = 0;
		return;
	}
	for (unsigned i = 0; i < PENDING_SLOTS; i++) {
		l4_cap_idx_t v = 0;

		if (__atomic_compare_exchange_n(&pending[i], &v, slot, 0, __ATOMIC_ACQ_REL,
						__ATOMIC_ACQUIRE)) {
			b->br[0] = slot | L4_RCV_ITEM_SINGLE_CAP;
			b->br[1] = 0;
			return;
		}
	}
	/* More threads than we track: no receive item rather than a leaked slot. */
	l4re_util_cap_free(slot);
	b->br[0] = 0;
}
