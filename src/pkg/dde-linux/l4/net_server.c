// SPDX-License-Identifier: MIT
/*
 * The net class of the server: the Linux network device the driver
 * registered, offered to one client as a virtio-net device over L4virtio
 * (docs/virtio.md; the device side is the l4virtio library).  Queue 0
 * receives, queue 1 transmits; features VIRTIO_NET_F_MAC (the netdev's
 * address) and VIRTIO_NET_F_STATUS (its carrier), no offloads: every
 * buffer starts with the 12-byte virtio_net_hdr of VIRTIO_F_VERSION_1.
 *
 * Transmit: each chain the client makes available is copied (header
 * left out) into an skb for the driver's ndo_start_xmit and returned at
 * once.  While the carrier is off or the driver stopped its queue,
 * chains stay in the ring until the queue wakes (Linux's qdisc holds
 * them likewise).  Receive: a frame the driver hands up goes into the
 * next buffer the client posted; none posted, it is dropped and counted.
 *
 * Everything here runs in the server thread: client messages (dispatch),
 * the client's kicks and our wake-up Irq (dde_server_attach_irq), and
 * the softirq point after each, where NAPI polls run.  Linux code on
 * other threads (the driver's work items) only raises the wake-up Irq.
 */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <string.h>

#include <l4/l4virtio/server.h>
#include <l4/re/c/util/cap_alloc.h>
#include <l4/re/env.h>
#include <l4/sys/err.h>
#include <l4/sys/factory.h>
#include <l4/sys/irq.h>
#include <l4/sys/utcb.h>

#include <dde/server.h>

#define NET_F_MAC 5
#define NET_F_STATUS 16
#define NET_S_LINK_UP 1
#define NET_RXQ 0
#define NET_TXQ 1
#define NET_QUEUE_MAX 256
#define NET_HDR_LEN 12

/* struct virtio_net_config (spec 5.1.4), the fields we offer. */
struct net_config {
	l4_uint8_t mac[6];
	l4_uint16_t status;
	l4_uint16_t max_virtqueue_pairs;
	l4_uint16_t mtu;
};

/* struct virtio_net_hdr with VIRTIO_F_VERSION_1 (spec 5.1.6). */
struct net_hdr {
	l4_uint8_t flags, gso_type;
	l4_uint16_t hdr_len, gso_size, csum_start, csum_offset, num_buffers;
};
_Static_assert(sizeof(struct net_hdr) == NET_HDR_LEN, "virtio_net_hdr layout");

static struct net_server {
	struct l4virtio_dev dev;
	int up; /* the device exists (l4virtio_dev_init done) */
	l4_cap_idx_t wake_irq;
	int raised;  /* wake_irq triggered, not yet received */
	int carrier; /* as last reported in the config space */
	char ifname[16];
	unsigned char mac[6];
	unsigned long rx_frames, rx_no_buffer, rx_short_buffer, tx_frames, tx_errors;
} srv = { .wake_irq = L4_INVALID_CAP };

/* ---- transmit ---- */

static void tx_run(struct net_server *s)
{
	struct dde_net_seg segs[L4VIRTIO_MAX_SEGS];
	struct l4virtio_req req;
	int pushed = 0;

	while (l4virtio_dev_ready(&s->dev) && dde_linux_net_tx_ready()) {
		unsigned i, n = 0;
		int err;

		if (l4virtio_dev_pop(&s->dev, NET_TXQ, &req) <= 0)
			break; /* empty, or the driver broke the protocol (logged by the library) */
		for (i = 0; i < req.nseg; ++i) {
			if (req.seg[i].device_writes)
				continue; /* nothing for the device to fill on transmit */
			segs[n].addr = req.seg[i].addr;
			segs[n].len = req.seg[i].len;
			++n;
		}
		err = dde_linux_net_xmit(segs, n, NET_HDR_LEN);
		if (err < 0) {
			if (s->tx_errors++ < 10)
				printf("net: %s: frame from the client not sent: error %d\n",
				       s->ifname, err);
		} else {
			s->tx_frames++;
		}
		l4virtio_dev_push(&s->dev, NET_TXQ, &req, 0);
		pushed = 1;
	}
	if (pushed)
		l4virtio_dev_notify(&s->dev, NET_TXQ);
}

/* ---- receive (called by the Linux half from a NAPI poll) ---- */

void dde_l4_net_rx(const void *frame, unsigned len)
{
	struct net_server *s = &srv;
	struct net_hdr hdr = { .num_buffers = 1 };
	struct l4virtio_req req;
	l4_uint32_t room = 0;
	unsigned i;

	if (!s->up || !l4virtio_dev_ready(&s->dev) ||
	    l4virtio_dev_pop(&s->dev, NET_RXQ, &req) <= 0) {
		s->rx_no_buffer++;
		return;
	}
	for (i = 0; i < req.nseg; ++i)
		if (req.seg[i].device_writes)
			room += req.seg[i].len;
	if (room < NET_HDR_LEN + len) {
		/* The driver must post buffers for a whole frame (spec 5.1.6.3). */
		s->rx_short_buffer++;
		l4virtio_dev_push(&s->dev, NET_RXQ, &req, 0);
	} else {
		l4virtio_req_copy_to(&req, 0, &hdr, NET_HDR_LEN);
		l4virtio_req_copy_to(&req, NET_HDR_LEN, frame, len);
		l4virtio_dev_push(&s->dev, NET_RXQ, &req, NET_HDR_LEN + len);
		s->rx_frames++;
	}
	l4virtio_dev_notify(&s->dev, NET_RXQ);
}

/* ---- wake-ups from other threads ---- */

void dde_l4_net_raise(void)
{
	struct net_server *s = &srv;

	if (l4_is_invalid_cap(s->wake_irq))
		return; /* before the server runs: ready() looks at everything once */
	if (!__atomic_exchange_n(&s->raised, 1, __ATOMIC_ACQ_REL))
		l4_irq_trigger(s->wake_irq);
}

static void wake_fn(void *arg)
{
	struct net_server *s = arg;

	/* Cleared first: a raise during the softirq point triggers again. */
	__atomic_store_n(&s->raised, 0, __ATOMIC_RELEASE);
}

/* ---- the softirq point ---- */

static void link_update(struct net_server *s)
{
	struct net_config *cfg = l4virtio_dev_config(&s->dev);
	int carrier = dde_linux_net_carrier();

	if (carrier == s->carrier)
		return;
	s->carrier = carrier;
	cfg->status = carrier ? NET_S_LINK_UP : 0;
	l4virtio_dev_config_changed(&s->dev);
	printf("net: %s: link %s\n", s->ifname, carrier ? "up" : "down");
}

static int softirq_fn(void *arg)
{
	struct net_server *s = arg;
	int more = dde_linux_net_poll();

	link_update(s);
	tx_run(s);
	return more;
}

static void kick_fn(void *arg)
{
	struct net_server *s = arg;

	l4virtio_dev_kicked(&s->dev);
}

/*
 * Receive buffers are taken when frames arrive; transmit chains at the
 * softirq point, which follows every kick and every client request.
 */
static void net_kick(struct l4virtio_dev *d, unsigned queue)
{
	(void)d;
	(void)queue;
}

static void net_reset(struct l4virtio_dev *d)
{
	/* Nothing in flight: every chain is pushed before its handler returns. */
	(void)d;
}

static const struct l4virtio_dev_ops net_ops = {
	.kick = net_kick,
	.reset = net_reset,
};

/* ---- the class ---- */

static int net_ready(void)
{
	struct net_server *s = &srv;
	struct net_config *cfg;
	l4_cap_idx_t irq;
	int err;

	err = dde_linux_net_info(s->ifname, sizeof(s->ifname), s->mac);
	if (err < 0)
		return err;
	err = l4virtio_dev_init(&s->dev, L4VIRTIO_ID_NET,
				(1ULL << NET_F_MAC) | (1ULL << NET_F_STATUS), 2, NET_QUEUE_MAX,
				sizeof(struct net_config), &net_ops, s);
	if (err < 0) {
		printf("net: cannot create the virtio device: error %d\n", err);
		return err;
	}
	cfg = l4virtio_dev_config(&s->dev);
	memcpy(cfg->mac, s->mac, sizeof(cfg->mac));
	cfg->status = 0;
	s->up = 1;

	irq = l4re_util_cap_alloc();
	if (l4_is_invalid_cap(irq))
		return -L4_ENOMEM;
	err = l4_error(l4_factory_create_irq(l4re_env()->factory, irq));
	if (err >= 0)
		err = dde_server_attach_irq(irq, wake_fn, s);
	if (err >= 0)
		err = dde_server_attach_irq(l4virtio_dev_kick_irq(&s->dev), kick_fn, s);
	if (err < 0) {
		printf("net: cannot attach the device's Irqs: error %d\n", err);
		return err;
	}
	s->wake_irq = irq;
	dde_server_set_softirq(softirq_fn, s);

	err = dde_linux_net_open();
	if (err < 0)
		return err;
	printf("net: %s: MAC %02x:%02x:%02x:%02x:%02x:%02x, virtio-net (rx queue 0, tx queue 1)\n",
	       s->ifname, s->mac[0], s->mac[1], s->mac[2], s->mac[3], s->mac[4], s->mac[5]);
	/* Carrier changes from now on reach the softirq point; look once now. */
	s->carrier = -1;
	link_update(s);
	return 0;
}

static l4_msgtag_t net_dispatch(l4_msgtag_t tag, l4_umword_t label)
{
	return l4virtio_dev_dispatch(&srv.dev, tag, label, l4_utcb());
}

/* Linux code may have called out (moe, io): a fresh slot for register_ds/_iface. */
static void net_before_wait(void)
{
	l4virtio_rcv_prepare(l4_utcb());
}

const struct dde_server_class dde_server_class_net = {
	.name = "net",
	.ready = net_ready,
	.dispatch = net_dispatch,
	.before_wait = net_before_wait,
};
