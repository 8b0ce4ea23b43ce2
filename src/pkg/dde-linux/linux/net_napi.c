// SPDX-License-Identifier: MIT
/*
 * NAPI and the receive path.  An interrupt handler schedules its NAPI
 * context (napi_schedule -> __napi_schedule); the poll runs in the server
 * thread at its softirq point (dde_linux_net_poll(), from the server's
 * softirq hook), one round of at most weight packets each, and stays
 * scheduled while it uses its whole budget, as in net_rx_action().  The
 * NAPI state bits (SCHED, MISSED, DISABLE, NPSVC) mean what they mean in
 * Linux, so the drivers' inline helpers work.  Received skbs
 * (napi_gro_receive, netif_receive_skb, netif_rx) go straight to the
 * server (dde_l4_net_rx): no GRO, no protocol stack.
 */
#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

#include "dde_net.h"

/* Per-CPU data the inline helpers read (netdev_xmit_more: xmit.more). */
DEFINE_PER_CPU_ALIGNED(struct softnet_data, softnet_data);

static DEFINE_SPINLOCK(poll_lock);
static LIST_HEAD(poll_list);	    /* scheduled NAPI contexts, under poll_lock */
static struct napi_struct *polling; /* the one being polled (server thread) */
static unsigned long rx_dropped;

void netif_napi_add_weight(struct net_device *dev, struct napi_struct *napi,
			   int (*poll)(struct napi_struct *, int), int weight)
{
	int i;

	if (WARN_ON(test_and_set_bit(NAPI_STATE_LISTED, &napi->state)))
		return;
	INIT_LIST_HEAD(&napi->poll_list);
	INIT_LIST_HEAD(&napi->rx_list);
	for (i = 0; i < GRO_HASH_BUCKETS; i++) {
		INIT_LIST_HEAD(&napi->gro_hash[i].list);
		napi->gro_hash[i].count = 0;
	}
	napi->gro_bitmask = 0;
	napi->rx_count = 0;
	napi->skb = NULL;
	if (weight > NAPI_POLL_WEIGHT)
		netdev_err_once(dev, "%s() called with weight %d\n", __func__, weight);
	napi->weight = weight;
	napi->poll = poll;
	napi->dev = dev;
	list_add_rcu(&napi->dev_list, &dev->napi_list);
	/* Disabled until napi_enable(), as in Linux. */
	set_bit(NAPI_STATE_SCHED, &napi->state);
	set_bit(NAPI_STATE_NPSVC, &napi->state);
}

void __netif_napi_del(struct napi_struct *napi)
{
	if (!test_and_clear_bit(NAPI_STATE_LISTED, &napi->state))
		return;
	list_del_rcu(&napi->dev_list);
}

void napi_enable(struct napi_struct *n)
{
	unsigned long val, new;

	do {
		val = READ_ONCE(n->state);
		WARN_ON(!(val & NAPIF_STATE_SCHED));
		new = val & ~(NAPIF_STATE_SCHED | NAPIF_STATE_NPSVC);
	} while (cmpxchg(&n->state, val, new) != val);
}

/* Takes n off the poll list if it waits there; 1 if it did.  Under poll_lock. */
static bool unschedule_locked(struct napi_struct *n)
{
	if (list_empty(&n->poll_list) || polling == n)
		return false;
	list_del_init(&n->poll_list);
	return true;
}

void napi_disable(struct napi_struct *n)
{
	unsigned long val, new, flags;

	might_sleep();
	set_bit(NAPI_STATE_DISABLE, &n->state);
	for (;;) {
		val = READ_ONCE(n->state);
		if (val & (NAPIF_STATE_SCHED | NAPIF_STATE_NPSVC)) {
			/*
			 * Scheduled but not running: its poll would run in
			 * this (server) thread, so waiting could last forever;
			 * Linux's poll would see DISABLE and complete it
			 * unpolled, which is what this does.
			 */
			spin_lock_irqsave(&poll_lock, flags);
			if ((val & NAPIF_STATE_SCHED) && unschedule_locked(n))
				clear_bit(NAPI_STATE_SCHED, &n->state);
			spin_unlock_irqrestore(&poll_lock, flags);
			if (READ_ONCE(n->state) & (NAPIF_STATE_SCHED | NAPIF_STATE_NPSVC))
				usleep_range(20, 200);
			continue;
		}
		new = val | NAPIF_STATE_SCHED | NAPIF_STATE_NPSVC;
		new &= ~(NAPIF_STATE_THREADED | NAPIF_STATE_PREFER_BUSY_POLL | NAPIF_STATE_MISSED);
		if (cmpxchg(&n->state, val, new) == val)
			break;
	}
	clear_bit(NAPI_STATE_DISABLE, &n->state);
}

bool napi_schedule_prep(struct napi_struct *n)
{
	unsigned long val, new;

	do {
		val = READ_ONCE(n->state);
		if (unlikely(val & NAPIF_STATE_DISABLE))
			return false;
		new = val | NAPIF_STATE_SCHED;
		/* Already scheduled: the running poll must look again. */
		if (val & NAPIF_STATE_SCHED)
			new |= NAPIF_STATE_MISSED;
	} while (cmpxchg(&n->state, val, new) != val);
	return !(val & NAPIF_STATE_SCHED);
}

void __napi_schedule(struct napi_struct *n)
{
	unsigned long flags;

	/* Also while it is being polled (napi_complete_done saw MISSED). */
	spin_lock_irqsave(&poll_lock, flags);
	if (list_empty(&n->poll_list))
		list_add_tail(&n->poll_list, &poll_list);
	spin_unlock_irqrestore(&poll_lock, flags);
	dde_l4_net_raise();
}

void __napi_schedule_irqoff(struct napi_struct *n)
{
	__napi_schedule(n);
}

bool napi_complete_done(struct napi_struct *n, int work_done)
{
	unsigned long val, new, flags;

	/* netpoll or busy polling own the context: they complete it. */
	if (unlikely(n->state & (NAPIF_STATE_NPSVC | NAPIF_STATE_IN_BUSY_POLL)))
		return false;
	spin_lock_irqsave(&poll_lock, flags);
	if (!list_empty(&n->poll_list))
		list_del_init(&n->poll_list);
	spin_unlock_irqrestore(&poll_lock, flags);
	do {
		val = READ_ONCE(n->state);
		WARN_ON_ONCE(!(val & NAPIF_STATE_SCHED));
		new = val & ~(NAPIF_STATE_MISSED | NAPIF_STATE_SCHED | NAPIF_STATE_SCHED_THREADED |
			      NAPIF_STATE_PREFER_BUSY_POLL);
		/* A schedule came while polling: stay scheduled. */
		if (val & NAPIF_STATE_MISSED)
			new |= NAPIF_STATE_SCHED;
	} while (cmpxchg(&n->state, val, new) != val);
	if (unlikely(val & NAPIF_STATE_MISSED)) {
		__napi_schedule(n);
		return false;
	}
	return true;
}

int dde_linux_net_poll(void)
{
	unsigned long flags;
	LIST_HEAD(list);
	bool more;

	spin_lock_irqsave(&poll_lock, flags);
	list_splice_init(&poll_list, &list);
	spin_unlock_irqrestore(&poll_lock, flags);
	for (;;) {
		struct napi_struct *n;
		int work = 0;

		/* napi_disable() on another thread may take entries off. */
		spin_lock_irqsave(&poll_lock, flags);
		if (list_empty(&list)) {
			spin_unlock_irqrestore(&poll_lock, flags);
			break;
		}
		n = list_first_entry(&list, struct napi_struct, poll_list);
		list_del_init(&n->poll_list);
		polling = n;
		spin_unlock_irqrestore(&poll_lock, flags);
		if (test_bit(NAPI_STATE_SCHED, &n->state))
			work = n->poll(n, n->weight);
		WARN_ONCE(work > n->weight, "%pS returned %d, exceeding its budget of %d\n",
			  n->poll, work, n->weight);
		spin_lock_irqsave(&poll_lock, flags);
		polling = NULL;
		spin_unlock_irqrestore(&poll_lock, flags);
		if (work < n->weight)
			continue; /* the driver completed it (or a schedule re-queued it) */
		/* Budget used up: still scheduled, polled again next round. */
		if (unlikely(test_bit(NAPI_STATE_DISABLE, &n->state))) {
			napi_complete(n);
			continue;
		}
		spin_lock_irqsave(&poll_lock, flags);
		if (list_empty(&n->poll_list))
			list_add_tail(&n->poll_list, &poll_list);
		spin_unlock_irqrestore(&poll_lock, flags);
	}
	spin_lock_irqsave(&poll_lock, flags);
	more = !list_empty(&poll_list);
	spin_unlock_irqrestore(&poll_lock, flags);
	return more;
}

/* ---- receive ---- */

int dde_net_deliver(struct sk_buff *skb)
{
	u8 *frame;
	unsigned int len;

	if (skb_is_nonlinear(skb)) {
		net_warn_ratelimited("dde: %s: received skb with paged data dropped\n",
				     skb->dev ? netdev_name(skb->dev) : "?");
		goto drop;
	}
	/* The frame begins at the MAC header eth_type_trans() noted. */
	frame = skb_mac_header_was_set(skb) ? skb_mac_header(skb) : skb->data;
	len = skb_tail_pointer(skb) - frame;
	if (skb_vlan_tag_present(skb)) {
		/* The device stripped the 802.1Q tag: the client gets it back. */
		if (frame - skb->head < VLAN_HLEN)
			goto drop;
		memmove(frame - VLAN_HLEN, frame, 2 * ETH_ALEN);
		frame -= VLAN_HLEN;
		*(__be16 *)(frame + 2 * ETH_ALEN) = skb->vlan_proto;
		*(__be16 *)(frame + 2 * ETH_ALEN + 2) = htons(skb_vlan_tag_get(skb));
		len += VLAN_HLEN;
	}
	dde_l4_net_rx(frame, len);
	consume_skb(skb);
	return NET_RX_SUCCESS;

drop:
	rx_dropped++;
	kfree_skb(skb);
	return NET_RX_DROP;
}

gro_result_t napi_gro_receive(struct napi_struct *napi, struct sk_buff *skb)
{
	dde_net_deliver(skb);
	return GRO_NORMAL;
}

int netif_receive_skb(struct sk_buff *skb)
{
	return dde_net_deliver(skb);
}

int netif_rx(struct sk_buff *skb)
{
	return dde_net_deliver(skb);
}
