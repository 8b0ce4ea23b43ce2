// SPDX-License-Identifier: MIT
/*
 * sk_buffs as drivers use them, in Linux's own layout (skb_shinfo at the
 * end of the head buffer, offsets for tail and end), so the inline
 * helpers of <linux/skbuff.h> (skb_reserve, skb_headroom, __skb_put,
 * skb_shinfo, ...) work unchanged.  Heads are kmalloc memory or a page
 * fragment (napi_build_skb, net_frag.c).  Only linear skbs are made
 * here: a driver server hands the driver one frame per skb, so paged
 * fragments (skb_shinfo()->frags) and frag lists exist only if a driver
 * builds them itself (jumbo receive paths), and the functions that would
 * have to walk them say so instead of guessing.  No clones, no sockets.
 */
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/slab.h>

#include "dde_net.h"

static const unsigned int shinfo_size = SKB_DATA_ALIGN(sizeof(struct skb_shared_info));

/* The sk_buff fields and the shared info around a head of size bytes. */
static struct sk_buff *skb_around(void *data, unsigned int size, bool frag)
{
	struct sk_buff *skb = kzalloc(sizeof(*skb), GFP_ATOMIC);
	struct skb_shared_info *shinfo;

	if (!skb)
		return NULL;
	size -= shinfo_size; /* the caller's size includes the shared info */
	skb->truesize = SKB_TRUESIZE(size);
	refcount_set(&skb->users, 1);
	skb->head = data;
	skb->data = data;
	skb_reset_tail_pointer(skb);
	skb_set_end_offset(skb, size);
	skb->mac_header = (typeof(skb->mac_header))~0U;
	skb->transport_header = (typeof(skb->transport_header))~0U;
	skb->head_frag = frag;
	shinfo = skb_shinfo(skb);
	memset(shinfo, 0, offsetof(struct skb_shared_info, dataref));
	atomic_set(&shinfo->dataref, 1);
	return skb;
}

struct sk_buff *__alloc_skb(unsigned int size, gfp_t gfp_mask, int flags, int node)
{
	unsigned int total = SKB_DATA_ALIGN(size) + shinfo_size;
	struct sk_buff *skb;
	void *data;

	data = kmalloc(total, gfp_mask);
	if (!data)
		return NULL;
	skb = skb_around(data, total, false);
	if (!skb)
		kfree(data);
	return skb;
}

struct sk_buff *__netdev_alloc_skb(struct net_device *dev, unsigned int len, gfp_t gfp_mask)
{
	struct sk_buff *skb = __alloc_skb(len + NET_SKB_PAD, gfp_mask, 0, NUMA_NO_NODE);

	if (!skb)
		return NULL;
	skb_reserve(skb, NET_SKB_PAD);
	skb->dev = dev;
	return skb;
}

struct sk_buff *__napi_alloc_skb(struct napi_struct *napi, unsigned int len, gfp_t gfp_mask)
{
	struct sk_buff *skb =
		__alloc_skb(len + NET_SKB_PAD + NET_IP_ALIGN, gfp_mask, 0, NUMA_NO_NODE);

	if (!skb)
		return NULL;
	skb_reserve(skb, NET_SKB_PAD + NET_IP_ALIGN);
	skb->dev = napi->dev;
	return skb;
}

/* An skb around a buffer the driver filled: a page fragment, or kmalloc (0). */
struct sk_buff *__build_skb(void *data, unsigned int frag_size)
{
	return skb_around(data, frag_size ? frag_size : ksize(data), frag_size != 0);
}

struct sk_buff *build_skb(void *data, unsigned int frag_size)
{
	return __build_skb(data, frag_size);
}

struct sk_buff *napi_build_skb(void *data, unsigned int frag_size)
{
	return __build_skb(data, frag_size);
}

/* ---- freeing ---- */

static void skb_free_head(struct sk_buff *skb)
{
	if (skb->head_frag)
		page_frag_free(skb->head);
	else
		kfree(skb->head);
}

void __kfree_skb(struct sk_buff *skb)
{
	struct skb_shared_info *shinfo = skb_shinfo(skb);

	if (skb->destructor)
		skb->destructor(skb);
	/* Paged data would need struct page reference counts (none here). */
	WARN_ONCE(shinfo->nr_frags, "dde: skb with %u paged fragments freed; pages leak\n",
		  shinfo->nr_frags);
	if (shinfo->frag_list)
		kfree_skb_list(shinfo->frag_list);
	skb_free_head(skb);
	kfree(skb);
}

void kfree_skb_reason(struct sk_buff *skb, enum skb_drop_reason reason)
{
	if (skb_unref(skb))
		__kfree_skb(skb);
}

void kfree_skb_list_reason(struct sk_buff *segs, enum skb_drop_reason reason)
{
	while (segs) {
		struct sk_buff *next = segs->next;

		kfree_skb_reason(segs, reason);
		segs = next;
	}
}

#ifdef CONFIG_TRACEPOINTS
void consume_skb(struct sk_buff *skb)
{
	kfree_skb_reason(skb, SKB_NOT_DROPPED_YET);
}
#endif

void napi_consume_skb(struct sk_buff *skb, int budget)
{
	kfree_skb_reason(skb, SKB_NOT_DROPPED_YET);
}

/* Any context: the server frees at once (no softirq completion queue). */
void __dev_kfree_skb_any(struct sk_buff *skb, enum skb_free_reason reason)
{
	kfree_skb_reason(skb, reason == SKB_REASON_CONSUMED ? SKB_NOT_DROPPED_YET :
							      SKB_DROP_REASON_NOT_SPECIFIED);
}

void __dev_kfree_skb_irq(struct sk_buff *skb, enum skb_free_reason reason)
{
	__dev_kfree_skb_any(skb, reason);
}

/* ---- data ---- */

static void __noreturn skb_panic(struct sk_buff *skb, unsigned int len, void *here,
				 const char *what)
{
	pr_emerg("dde: skb_%s: %pS len:%u put:%u head:%px data:%px tail:%#lx end:%#lx\n", what,
		 here, skb->len, len, skb->head, skb->data, (unsigned long)skb->tail,
		 (unsigned long)skb->end);
	dde_l4_stop(70); /* Linux BUG()s: a driver overran its buffer */
}

void *skb_put(struct sk_buff *skb, unsigned int len)
{
	void *tmp = skb_tail_pointer(skb);

	SKB_LINEAR_ASSERT(skb);
	skb->tail += len;
	skb->len += len;
	if (unlikely(skb->tail > skb->end))
		skb_panic(skb, len, __builtin_return_address(0), "over_panic");
	return tmp;
}

void *skb_push(struct sk_buff *skb, unsigned int len)
{
	skb->data -= len;
	skb->len += len;
	if (unlikely(skb->data < skb->head))
		skb_panic(skb, len, __builtin_return_address(0), "under_panic");
	return skb->data;
}

void *skb_pull(struct sk_buff *skb, unsigned int len)
{
	if (len > skb->len)
		return NULL;
	skb->len -= len;
	if (WARN_ON_ONCE(skb->len < skb->data_len))
		return NULL;
	return skb->data += len;
}

void skb_trim(struct sk_buff *skb, unsigned int len)
{
	if (skb->len > len)
		__skb_trim(skb, len);
}

int ___pskb_trim(struct sk_buff *skb, unsigned int len)
{
	/* Only reached with paged data: pskb_trim() trims linear skbs inline. */
	WARN_ONCE(1, "dde: ___pskb_trim of an skb with paged data is not supported\n");
	return -ENOMEM;
}

void *__pskb_pull_tail(struct sk_buff *skb, int delta)
{
	/* pskb_may_pull() comes here only when the bytes are in paged data. */
	WARN_ONCE(1, "dde: __pskb_pull_tail of an skb with paged data is not supported\n");
	return NULL;
}

/* A new head with nhead more bytes in front and ntail more at the end. */
int pskb_expand_head(struct sk_buff *skb, int nhead, int ntail, gfp_t gfp_mask)
{
	unsigned int old = skb_end_offset(skb);
	unsigned int size = SKB_DATA_ALIGN(old + nhead + ntail);
	long off;
	u8 *data;

	if (nhead < 0 || ntail < 0 || skb_shared(skb))
		return -EINVAL;
	if (skb_shinfo(skb)->nr_frags || skb_shinfo(skb)->frag_list) {
		WARN_ONCE(1, "dde: pskb_expand_head of an skb with paged data is not supported\n");
		return -ENOMEM;
	}
	data = kmalloc(size + shinfo_size, gfp_mask);
	if (!data)
		return -ENOMEM;
	/* Head room and data, then the shared info at its new place. */
	memcpy(data + nhead, skb->head, skb_tail_pointer(skb) - skb->head);
	memcpy(data + size, skb_shinfo(skb), offsetof(struct skb_shared_info, frags));
	skb_free_head(skb);
	off = (data + nhead) - skb->head;
	skb->head = data;
	skb->head_frag = 0;
	skb->data += off;
	skb_set_end_offset(skb, size);
	skb->tail += nhead; /* offsets from head */
	if (skb_mac_header_was_set(skb))
		skb->mac_header += nhead;
	skb->network_header += nhead;
	if (skb_transport_header_was_set(skb))
		skb->transport_header += nhead;
	skb->inner_mac_header += nhead;
	skb->inner_network_header += nhead;
	skb->inner_transport_header += nhead;
	skb->truesize += size - old;
	skb->cloned = 0;
	skb->hdr_len = 0;
	skb->nohdr = 0;
	atomic_set(&skb_shinfo(skb)->dataref, 1);
	return 0;
}

/* Zeroes pad bytes after the data (short frames: skb_put_padto). */
int __skb_pad(struct sk_buff *skb, int pad, bool free_on_error)
{
	int ntail, err;

	if (likely(!skb_cloned(skb) && skb_tailroom(skb) >= pad)) {
		memset(skb->data + skb->len, 0, pad);
		return 0;
	}
	ntail = skb->data_len + pad - (skb->end - skb->tail);
	err = -ENOMEM;
	if (likely(!skb_cloned(skb) || ntail > 0)) {
		err = pskb_expand_head(skb, 0, max(ntail, 0), GFP_ATOMIC);
		if (unlikely(err))
			goto free_skb;
	}
	if (skb_is_nonlinear(skb)) {
		err = -ENOMEM;
		goto free_skb;
	}
	memset(skb->data + skb->len, 0, pad);
	return 0;

free_skb:
	if (free_on_error)
		kfree_skb(skb);
	return err;
}

int skb_copy_bits(const struct sk_buff *skb, int offset, void *to, int len)
{
	int headlen = skb_headlen(skb);

	if (offset < 0 || len < 0 || offset > (int)skb->len - len)
		return -EFAULT;
	if (offset + len > headlen) {
		WARN_ONCE(1, "dde: skb_copy_bits from paged data is not supported\n");
		return -EFAULT;
	}
	memcpy(to, skb->data + offset, len);
	return 0;
}

/* Transmit timestamps go to the sending socket; a driver server has none. */
void skb_tstamp_tx(struct sk_buff *orig_skb, struct skb_shared_hwtstamps *hwtstamps)
{
}

/* ---- Ethernet ---- */

__be16 eth_type_trans(struct sk_buff *skb, struct net_device *dev)
{
	const struct ethhdr *eth;
	unsigned short proto;

	skb->dev = dev;
	skb_reset_mac_header(skb);
	eth = (const struct ethhdr *)skb->data;
	skb_pull_inline(skb, ETH_HLEN);
	if (!ether_addr_equal(eth->h_dest, dev->dev_addr)) {
		if (is_broadcast_ether_addr(eth->h_dest))
			skb->pkt_type = PACKET_BROADCAST;
		else if (is_multicast_ether_addr(eth->h_dest))
			skb->pkt_type = PACKET_MULTICAST;
		else
			skb->pkt_type = PACKET_OTHERHOST;
	}
	proto = ntohs(eth->h_proto);
	if (proto >= ETH_P_802_3_MIN)
		return eth->h_proto;
	/* A length field: raw 802.3 (IPX's 0xffff) or 802.2 LLC. */
	if (skb->len >= 2 && *(const u16 *)skb->data == 0xFFFF)
		return htons(ETH_P_802_3);
	return htons(ETH_P_802_2);
}

int eth_validate_addr(struct net_device *dev)
{
	return is_valid_ether_addr(dev->dev_addr) ? 0 : -EADDRNOTAVAIL;
}
