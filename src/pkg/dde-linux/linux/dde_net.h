/* SPDX-License-Identifier: MIT */
/*
 * Internal to the network part of dde-linux's Linux half (net_*.c): what
 * the net_device, NAPI and sk_buff files share.
 */
#ifndef DDE_LINUX_NET_H
#define DDE_LINUX_NET_H

#include <linux/netdevice.h>

#include "dde_linux.h"

/* net_napi.c: a received frame leaves the driver for the server; consumes skb. */
int dde_net_deliver(struct sk_buff *skb);

/* net_device.c: the transmit queue may take frames again (wakes the server). */
void dde_net_tx_wake(struct netdev_queue *txq);

#endif
