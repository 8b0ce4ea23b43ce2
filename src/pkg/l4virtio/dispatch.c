// SPDX-License-Identifier: MIT
/*
 * The device's IPC protocol (docs/virtio.md): set_status, config_queue,
 * register_iface, register_ds, device_config, device_notification_irq.
 * Every request is decoded from the message registers before anything
 * else runs: attaching a dataspace is IPC of its own and overwrites them.
 */
#include <l4/re/c/util/cap_alloc.h>
#include <l4/sys/err.h>
#include <l4/sys/ipc.h>

#include "dev_internal.h"

static l4_uint64_t features_of(const l4_uint32_t *map)
{
	return map[0] | ((l4_uint64_t)map[1] << 32);
}

static long set_status(struct l4virtio_dev *d, l4_uint32_t status)
{
	l4_uint32_t old = d->status, set;

	if (status == 0) {
		l4virtio_dev_reset(d);
		return 0;
	}
	/* DEVICE_NEEDS_RESET is the device's to set; only a reset clears it. */
	status = (status & ~(l4_uint32_t)L4VIRTIO_STATUS_DEVICE_NEEDS_RESET) |
		 (old & L4VIRTIO_STATUS_DEVICE_NEEDS_RESET);
	set = status & ~old;
	if (set & L4VIRTIO_STATUS_FEATURES_OK) {
		l4_uint64_t want = features_of(d->cfg->driver_features_map);

		/* Spec 3.1.1: a subset of what we offer, and virtio 1.x. */
		if ((want & ~d->dev_features) || !(want & (1ull << DEV_F_VERSION_1)) ||
		    d->cfg->driver_features_map[2] || d->cfg->driver_features_map[3] ||
		    d->cfg->driver_features_map[4] || d->cfg->driver_features_map[5] ||
		    d->cfg->driver_features_map[6] || d->cfg->driver_features_map[7])
			status &= ~(l4_uint32_t)L4VIRTIO_STATUS_FEATURES_OK;
		else
			d->features = want;
	}
	/* Features are fixed once accepted: dropping FEATURES_OK needs a reset. */
	if ((old & L4VIRTIO_STATUS_FEATURES_OK) && !(status & L4VIRTIO_STATUS_FEATURES_OK))
		status |= L4VIRTIO_STATUS_FEATURES_OK;
	if ((status & L4VIRTIO_STATUS_DRIVER_OK) && !(status & L4VIRTIO_STATUS_FEATURES_OK))
		status &= ~(l4_uint32_t)L4VIRTIO_STATUS_DRIVER_OK;
	d->status = status;
	l4virtio_dev_publish_status(d);
	/* Going live: whatever the driver queued before DRIVER_OK is waiting. */
	if ((set & L4VIRTIO_STATUS_DRIVER_OK) && l4virtio_dev_ready(d))
		l4virtio_dev_kicked(d);
	return 0;
}

/* Reply with n capabilities (items only, no words). */
static l4_msgtag_t reply_caps(l4_utcb_t *u, const l4_cap_idx_t *caps, const unsigned *rights,
			      unsigned n)
{
	l4_msg_regs_t *m = l4_utcb_mr_u(u);

	for (unsigned i = 0; i < n; i++) {
		m->mr[2 * i] = l4_map_obj_control(0, 0);
		m->mr[2 * i + 1] = l4_obj_fpage(caps[i], 0, (unsigned char)rights[i]).raw;
	}
	return l4_msgtag(0, 0, n, 0);
}

l4_msgtag_t l4virtio_dev_dispatch(struct l4virtio_dev *d, l4_msgtag_t tag, l4_umword_t label,
				  l4_utcb_t *u)
{
	l4_msg_regs_t *m = l4_utcb_mr_u(u);
	unsigned words = l4_msgtag_words(tag), items = l4_msgtag_items(tag);
	l4_umword_t mr[4] = { 0, 0, 0, 0 };
	l4_cap_idx_t rcvd = L4_INVALID_CAP;
	l4_cap_idx_t out[2];
	unsigned out_rights[2], nout = 0;
	long r;

	(void)label; /* whoever holds the gate is the driver; rights are not checked */
	for (unsigned i = 0; i < words && i < 4; i++)
		mr[i] = m->mr[i];
	/* A capability arrived in our receive slot (item word 0 has L4_ITEM_MAP). */
	if (items && words + 1 < L4_UTCB_GENERIC_DATA_SIZE && (m->mr[words] & L4_ITEM_MAP)) {
		l4_umword_t br0 = l4_utcb_br_u(u)->br[0];
		l4_cap_idx_t slot = br0 & ~(L4_CAP_SIZE - 1);

		if ((br0 & 0xfu) == L4_RCV_ITEM_SINGLE_CAP && l4virtio_rcv_claim(slot))
			rcvd = slot;
	}

	if (l4_msgtag_label(tag) != L4VIRTIO_PROTOCOL)
		r = -L4_EBADPROTO;
	else if (words < 1)
		r = -L4_EMSGTOOSHORT;
	else
		switch (mr[0]) {
		case L4VIRTIO_OP_SET_STATUS:
			r = words < 2 ? -L4_EMSGTOOSHORT : set_status(d, (l4_uint32_t)mr[1]);
			break;
		case L4VIRTIO_OP_CONFIG_QUEUE:
			r = words < 2 ? -L4_EMSGTOOSHORT : l4virtio_dev_config_queue(d, mr[1]);
			break;
		case L4VIRTIO_OP_REGISTER_IFACE:
			if (l4_is_invalid_cap(rcvd)) {
				r = -L4_EINVAL;
				break;
			}
			/* A new driver: nothing of the old one's survives. */
			l4virtio_dev_reset(d);
			l4virtio_dev_drop_regions(d);
			if (!l4_is_invalid_cap(d->driver_irq))
				l4re_util_cap_free_um(d->driver_irq);
			d->driver_irq = rcvd;
			rcvd = L4_INVALID_CAP;
			out[0] = d->kick_irq;
			out_rights[0] = L4_CAP_FPAGE_RWS;
			out[1] = d->cfg_ds;
			out_rights[1] = L4_CAP_FPAGE_RW;
			nout = 2;
			r = 0;
			break;
		case L4VIRTIO_OP_REGISTER_DS:
			if (words < 4 || l4_is_invalid_cap(rcvd)) {
				r = -L4_EINVAL;
				break;
			}
			r = l4virtio_dev_add_region(d, rcvd, mr[1], mr[2], mr[3]);
			if (r == 0)
				rcvd = L4_INVALID_CAP;
			break;
		case L4VIRTIO_OP_DEVICE_CONFIG:
			out[0] = d->cfg_ds;
			out_rights[0] = L4_CAP_FPAGE_RW;
			nout = 1;
			r = 0;
			break;
		case L4VIRTIO_OP_DEVICE_NOTIFICATION_IRQ:
			/* One Irq for all queues: every device_notify_index is 0. */
			if (words < 2 || mr[1] != 0) {
				r = -L4_EINVAL;
				break;
			}
			out[0] = d->kick_irq;
			out_rights[0] = L4_CAP_FPAGE_RWS;
			nout = 1;
			r = 0;
			break;
		default:
			r = -L4_ENOSYS;
		}

	/* A capability we did not keep goes away again, its slot too (this is IPC). */
	if (!l4_is_invalid_cap(rcvd))
		l4re_util_cap_free_um(rcvd);
	l4virtio_rcv_prepare(u);
	/* The reply goes into the message registers last: the IPC above overwrote them. */
	if (r < 0)
		return l4_msgtag(r, 0, 0, 0);
	return reply_caps(u, out, out_rights, nout);
}
