// SPDX-License-Identifier: MIT
/*
 * struct net_device for Ethernet drivers: allocation (alloc_etherdev_mqs:
 * Ethernet defaults, transmit and receive queues, private area),
 * registration (the first registered device is the one the server
 * serves), carrier and queue state, the device address, byte queue
 * limits; and the server's side (dde_linux_net_*): opening the device,
 * handing it frames (ndo_start_xmit under the queue's transmit lock, as
 * dev_queue_xmit does).  The state bits (__LINK_STATE_*, __QUEUE_STATE_*)
 * mean what they mean in Linux, so the drivers' inline helpers
 * (netif_stop_queue, netif_carrier_ok, ...) work unchanged.  No qdisc, no
 * RTNL, no sysfs; no transmit watchdog (ndo_tx_timeout is never called).
 */
#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <linux/slab.h>

#include "dde_net.h"

/*
 * Byte queue limit: the bytes a transmit queue may have in flight before
 * the stack stops it.  Linux adapts it to the completion rate; a fixed
 * value gives the same flow control without the tuning.
 */
#define DDE_DQL_LIMIT (64 * 1024)

static struct net_device *the_dev; /* the first registered: served */
/*
 * A frame the driver refused (NETDEV_TX_BUSY: its ring was full although
 * the queue was running).  Linux's qdisc requeues it; so does this, and
 * nothing else goes to the driver before it.
 */
static struct sk_buff *requeued;
static int next_ifindex = 1;

/* ---- byte queue limits (CONFIG_BQL) ---- */

void dql_reset(struct dql *dql)
{
	dql->limit = DDE_DQL_LIMIT;
	dql->num_queued = 0;
	dql->num_completed = 0;
	dql->last_obj_cnt = 0;
	dql->prev_num_queued = 0;
	dql->prev_last_obj_cnt = 0;
	dql->prev_ovlimit = 0;
	dql->lowest_slack = UINT_MAX;
	dql->slack_start_time = jiffies;
	WRITE_ONCE(dql->adj_limit, dql->limit + dql->num_completed);
}

void dql_completed(struct dql *dql, unsigned int count)
{
	unsigned int completed = dql->num_completed + count;

	/* Can't complete more than what's in the queue. */
	BUG_ON(count > dql->num_queued - dql->num_completed);
	dql->prev_num_queued = READ_ONCE(dql->num_queued);
	dql->prev_last_obj_cnt = dql->last_obj_cnt;
	dql->num_completed = completed;
	WRITE_ONCE(dql->adj_limit, dql->limit + completed);
}

/* ---- allocation ---- */

struct net_device *alloc_etherdev_mqs(int sizeof_priv, unsigned int txqs, unsigned int rxqs)
{
	size_t size = ALIGN(sizeof(struct net_device), NETDEV_ALIGN) + sizeof_priv;
	struct net_device *dev;
	unsigned int i;

	if (!txqs || !rxqs || sizeof_priv < 0)
		return NULL;
	/* kmalloc is aligned to ARCH_KMALLOC_MINALIGN (>= NETDEV_ALIGN). */
	dev = kzalloc(size, GFP_KERNEL);
	if (!dev)
		return NULL;
	dev->_tx = kcalloc(txqs, sizeof(*dev->_tx), GFP_KERNEL);
	dev->_rx = kcalloc(rxqs, sizeof(*dev->_rx), GFP_KERNEL);
	dev->dev_addr = kzalloc(MAX_ADDR_LEN, GFP_KERNEL);
	dev->pcpu_refcnt = kzalloc(sizeof(int), GFP_KERNEL); /* per-CPU: one CPU */
	if (!dev->_tx || !dev->_rx || !dev->dev_addr || !dev->pcpu_refcnt) {
		free_netdev(dev);
		return NULL;
	}
	dev->num_tx_queues = dev->real_num_tx_queues = txqs;
	for (i = 0; i < txqs; i++) {
		struct netdev_queue *q = &dev->_tx[i];

		q->dev = dev;
		spin_lock_init(&q->_xmit_lock);
		q->xmit_lock_owner = -1;
		q->dql.max_limit = DQL_MAX_LIMIT;
		q->dql.min_limit = 0;
		q->dql.slack_hold_time = HZ;
		dql_reset(&q->dql);
	}
	dev->num_rx_queues = dev->real_num_rx_queues = rxqs;
	for (i = 0; i < rxqs; i++)
		dev->_rx[i].dev = dev;

	INIT_LIST_HEAD(&dev->napi_list);
	INIT_LIST_HEAD(&dev->unreg_list);
	INIT_LIST_HEAD(&dev->close_list);
	INIT_LIST_HEAD(&dev->link_watch_list);
	INIT_LIST_HEAD(&dev->ptype_all);
	INIT_LIST_HEAD(&dev->ptype_specific);
	INIT_LIST_HEAD(&dev->uc.list);
	INIT_LIST_HEAD(&dev->mc.list);
	INIT_LIST_HEAD(&dev->dev_addrs.list);
	spin_lock_init(&dev->addr_list_lock);
	dev->gso_max_size = GSO_LEGACY_MAX_SIZE;
	dev->gso_max_segs = GSO_MAX_SEGS;
	dev->gro_max_size = GRO_LEGACY_MAX_SIZE;
	dev->tso_max_size = TSO_LEGACY_MAX_SIZE;
	dev->tso_max_segs = TSO_MAX_SEGS;
	dev->upper_level = 1;
	dev->lower_level = 1;

	/* ether_setup() */
	dev->type = ARPHRD_ETHER;
	dev->hard_header_len = ETH_HLEN;
	dev->min_header_len = ETH_HLEN;
	dev->mtu = ETH_DATA_LEN;
	dev->min_mtu = ETH_MIN_MTU;
	dev->max_mtu = ETH_DATA_LEN;
	dev->addr_len = ETH_ALEN;
	dev->tx_queue_len = 1000 /* DEFAULT_TX_QUEUE_LEN */;
	dev->flags = IFF_BROADCAST | IFF_MULTICAST;
	dev->priv_flags |= IFF_TX_SKB_SHARING;
	eth_broadcast_addr(dev->broadcast);
	strscpy(dev->name, "eth%d", sizeof(dev->name));

	set_bit(__LINK_STATE_PRESENT, &dev->state);
	dev->reg_state = NETREG_UNINITIALIZED;
	return dev;
}

void free_netdev(struct net_device *dev)
{
	struct napi_struct *p, *n;

	if (!dev)
		return;
	if (WARN(dev->reg_state == NETREG_REGISTERED, "free_netdev of registered %s\n",
		 netdev_name(dev)))
		return;
	list_for_each_entry_safe(p, n, &dev->napi_list, dev_list)
		__netif_napi_del(p);
	kfree(dev->_tx);
	kfree(dev->_rx);
	kfree(dev->dev_addr);
	kfree(dev->pcpu_refcnt);
	kfree(dev);
}

/* "eth%d" -> the first free ethN; one device per server, but be honest. */
static int name_alloc(struct net_device *dev)
{
	static unsigned long used;
	char *pct = strchr(dev->name, '%');
	char prefix[IFNAMSIZ], name[IFNAMSIZ + 8];
	int n;

	if (!pct)
		return 0;
	if (pct[1] != 'd' || strchr(pct + 2, '%'))
		return -EINVAL;
	for (n = 0; n < BITS_PER_LONG && test_bit(n, &used); n++)
		;
	if (n == BITS_PER_LONG)
		return -ENFILE;
	strscpy(prefix, dev->name, min_t(size_t, pct - dev->name + 1, sizeof(prefix)));
	if (snprintf(name, sizeof(name), "%s%d", prefix, n) >= IFNAMSIZ)
		return -EINVAL;
	set_bit(n, &used);
	strscpy(dev->name, name, sizeof(dev->name));
	return 0;
}

int register_netdev(struct net_device *dev)
{
	int err;

	if (dev->reg_state != NETREG_UNINITIALIZED)
		return -EINVAL;
	err = name_alloc(dev);
	if (err)
		return err;
	if (dev->netdev_ops && dev->netdev_ops->ndo_init) {
		err = dev->netdev_ops->ndo_init(dev);
		if (err)
			return err > 0 ? -EIO : err;
	}
	dev->ifindex = next_ifindex++;
	dev->wanted_features = dev->features & dev->hw_features;
	dev->reg_state = NETREG_REGISTERED;
	if (!the_dev)
		the_dev = dev;
	return 0;
}

void unregister_netdev(struct net_device *dev)
{
	const struct net_device_ops *ops = dev->netdev_ops;

	if (dev->reg_state != NETREG_REGISTERED)
		return;
	if (netif_running(dev)) {
		clear_bit(__LINK_STATE_START, &dev->state);
		if (ops && ops->ndo_stop)
			ops->ndo_stop(dev);
		dev->flags &= ~IFF_UP;
	}
	if (ops && ops->ndo_uninit)
		ops->ndo_uninit(dev);
	dev->reg_state = NETREG_UNREGISTERED;
	if (the_dev == dev) {
		the_dev = NULL;
		kfree_skb(requeued);
		requeued = NULL;
	}
}

void dev_addr_mod(struct net_device *dev, unsigned int offset, const void *addr, size_t len)
{
	if (WARN_ON(offset + len > MAX_ADDR_LEN))
		return;
	memcpy((u8 *)dev->dev_addr + offset, addr, len);
	memcpy(dev->dev_addr_shadow + offset, addr, len);
}

/* ---- carrier, presence, queues ---- */

void netif_carrier_on(struct net_device *dev)
{
	if (test_and_clear_bit(__LINK_STATE_NOCARRIER, &dev->state)) {
		if (dev->reg_state == NETREG_UNINITIALIZED)
			return;
		atomic_inc(&dev->carrier_up_count);
		dde_l4_net_raise(); /* the server reports it and may send */
	}
}

void netif_carrier_off(struct net_device *dev)
{
	if (!test_and_set_bit(__LINK_STATE_NOCARRIER, &dev->state)) {
		if (dev->reg_state == NETREG_UNINITIALIZED)
			return;
		atomic_inc(&dev->carrier_down_count);
		dde_l4_net_raise();
	}
}

void netif_tx_stop_all_queues(struct net_device *dev)
{
	unsigned int i;

	for (i = 0; i < dev->num_tx_queues; i++)
		netif_tx_stop_queue(netdev_get_tx_queue(dev, i));
}

void netif_device_detach(struct net_device *dev)
{
	if (test_and_clear_bit(__LINK_STATE_PRESENT, &dev->state) && netif_running(dev))
		netif_tx_stop_all_queues(dev);
}

void netif_device_attach(struct net_device *dev)
{
	if (!test_and_set_bit(__LINK_STATE_PRESENT, &dev->state) && netif_running(dev))
		netif_tx_wake_all_queues(dev);
}

void dde_net_tx_wake(struct netdev_queue *txq)
{
	dde_l4_net_raise();
}

void netif_tx_wake_queue(struct netdev_queue *dev_queue)
{
	if (test_and_clear_bit(__QUEUE_STATE_DRV_XOFF, &dev_queue->state))
		dde_net_tx_wake(dev_queue);
}

void netif_schedule_queue(struct netdev_queue *txq)
{
	if (!(READ_ONCE(txq->state) & QUEUE_STATE_ANY_XOFF))
		dde_net_tx_wake(txq);
}

/* ---- the server's side ---- */

int dde_linux_net_open(void)
{
	struct net_device *dev = the_dev;
	const struct net_device_ops *ops;
	int err = 0;

	if (!dev)
		return -ENODEV;
	ops = dev->netdev_ops;
	if (netif_running(dev))
		return 0;
	if (!netif_device_present(dev))
		return -ENODEV;
	/* As __dev_open(): running before ndo_open, which may check it. */
	set_bit(__LINK_STATE_START, &dev->state);
	if (ops->ndo_validate_addr)
		err = ops->ndo_validate_addr(dev);
	if (!err && ops->ndo_open)
		err = ops->ndo_open(dev);
	if (err) {
		clear_bit(__LINK_STATE_START, &dev->state);
		netdev_err(dev, "cannot open: error %d\n", err);
		return dde_l4_err(err);
	}
	dev->flags |= IFF_UP;
	if (ops->ndo_set_rx_mode) {
		netif_addr_lock_bh(dev);
		ops->ndo_set_rx_mode(dev);
		netif_addr_unlock_bh(dev);
	}
	return 0;
}

int dde_linux_net_info(char *name, unsigned size, unsigned char mac[6])
{
	struct net_device *dev = the_dev;

	if (!dev)
		return -ENODEV;
	strscpy(name, netdev_name(dev), size);
	memcpy(mac, dev->dev_addr, ETH_ALEN);
	return 0;
}

int dde_linux_net_carrier(void)
{
	return the_dev && netif_carrier_ok(the_dev);
}

/* ndo_start_xmit under the queue's transmit lock, as dev_hard_start_xmit. */
static netdev_tx_t xmit_one(struct net_device *dev, struct sk_buff *skb)
{
	struct netdev_queue *txq = netdev_get_tx_queue(dev, 0);
	netdev_tx_t rc;

	__netif_tx_lock(txq, smp_processor_id());
	if (netif_xmit_frozen_or_stopped(txq))
		rc = NETDEV_TX_BUSY;
	else
		rc = dev->netdev_ops->ndo_start_xmit(skb, dev);
	if (rc == NETDEV_TX_OK)
		txq_trans_update(txq);
	__netif_tx_unlock(txq);
	return rc;
}

int dde_linux_net_tx_ready(void)
{
	struct net_device *dev = the_dev;

	if (!dev || !netif_running(dev) || !netif_device_present(dev) || !netif_carrier_ok(dev) ||
	    netif_xmit_frozen_or_stopped(netdev_get_tx_queue(dev, 0)))
		return 0;
	if (requeued) {
		if (xmit_one(dev, requeued) != NETDEV_TX_OK)
			return 0;
		requeued = NULL;
	}
	return 1;
}

int dde_linux_net_xmit(const struct dde_net_seg *segs, unsigned nseg, unsigned skip)
{
	struct net_device *dev = the_dev;
	unsigned long total = 0;
	struct sk_buff *skb;
	unsigned i;
	u8 *p;

	if (!dev || !netif_running(dev))
		return -ENODEV;
	if (requeued)
		return -EBUSY; /* the caller asks dde_linux_net_tx_ready() first */
	for (i = 0; i < nseg; i++)
		total += segs[i].len;
	if (total < skip)
		return -EINVAL;
	total -= skip;
	if (total < ETH_HLEN || total > dev->mtu + ETH_HLEN + VLAN_HLEN)
		return -EINVAL;
	/* Room for the driver's padding of short frames (skb_put_padto). */
	skb = __netdev_alloc_skb(dev, max_t(unsigned long, total, ETH_ZLEN), GFP_ATOMIC);
	if (!skb)
		return -ENOMEM;
	p = skb_put(skb, total);
	for (i = 0; i < nseg; i++) {
		unsigned off = min(skip, segs[i].len), n = segs[i].len - off;

		skip -= off;
		memcpy(p, (const u8 *)segs[i].addr + off, n);
		p += n;
	}
	skb_reset_mac_header(skb);
	skb_set_network_header(skb, ETH_HLEN);
	skb->mac_len = ETH_HLEN;
	skb->protocol = eth_hdr(skb)->h_proto;
	skb->ip_summed = CHECKSUM_NONE;
	skb_set_queue_mapping(skb, 0);
	if (xmit_one(dev, skb) != NETDEV_TX_OK)
		requeued = skb; /* still ours: sent before anything else */
	return 0;
}
