/* SPDX-License-Identifier: MIT */
/*
 * A virtio-net driver (spec 5.1) over any transport (virtio-mmio or
 * L4virtio, <l4/virtio/virtio_transport.h>): the MAC address from the
 * config space (VIRTIO_NET_F_MAC), one frame sent at a time, one frame
 * received at a time with a timeout.  No offloads: every frame carries
 * the 12-byte struct virtio_net_hdr of VIRTIO_F_VERSION_1, zeroed on
 * transmit, ignored on receive.
 *
 * Queue 0 receives, queue 1 transmits.  VIRTIO_NET_RX_BUFS receive
 * buffers of VIRTIO_NET_BUF_BYTES (header and frame in one descriptor)
 * stay posted; each is reposted as soon as its frame was copied out.
 * Memory comes from tr->env->dma_alloc (VIRTIO_NET_MEM_BYTES with the
 * L4virtio transport); waiting uses env->irq_wait or polling.
 *
 * Errors: -L4_EINVAL bad arguments (a frame longer than
 * VIRTIO_NET_MAX_FRAME or shorter than an Ethernet header),
 * -VIRTIO_ETIMEDOUT nothing in time, -L4_EIO the device broke the
 * protocol or needs a reset (the driver then stops: later calls fail
 * with -L4_EIO).
 */
#ifndef L4_VIRTIO_VIRTIO_NET_H
#define L4_VIRTIO_VIRTIO_NET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <l4/virtio/virtio_transport.h>
#include <l4/virtio/virtq.h>

/* Feature bits (spec 5.1.3). */
#define VIRTIO_NET_F_CSUM 0
#define VIRTIO_NET_F_GUEST_CSUM 1
#define VIRTIO_NET_F_MTU 3
#define VIRTIO_NET_F_MAC 5
#define VIRTIO_NET_F_MRG_RXBUF 15
#define VIRTIO_NET_F_STATUS 16

/* Configuration space (struct virtio_net_config). */
#define VIRTIO_NET_CFG_MAC 0
#define VIRTIO_NET_CFG_STATUS 6
#define VIRTIO_NET_S_LINK_UP 1u

#define VIRTIO_NET_RXQ 0
#define VIRTIO_NET_TXQ 1

struct virtio_net_hdr {
	uint8_t flags;
	uint8_t gso_type;
	uint16_t hdr_len;
	uint16_t gso_size;
	uint16_t csum_start;
	uint16_t csum_offset;
	uint16_t num_buffers; /* VERSION_1: always present */
};
_Static_assert(sizeof(struct virtio_net_hdr) == 12, "virtio_net_hdr layout");

#define VIRTIO_NET_ETH_HLEN 14u
#define VIRTIO_NET_MAX_FRAME 1514u /* without FCS */
#define VIRTIO_NET_BUF_BYTES 2048u /* header + frame, and room to spare */
#define VIRTIO_NET_RX_BUFS 16u
#define VIRTIO_NET_QUEUE_MAX 64u
/* Memory a transport that carves DMA memory out of one region must offer. */
#define VIRTIO_NET_MEM_BYTES (128u * 1024u)
#define VIRTIO_NET_DEFAULT_TIMEOUT_US 5000000ull

struct virtio_net {
	struct virtio_transport *tr;
	struct virtq rxq, txq;
	struct virtio_dma rx_ring, tx_ring, rx_bufs, tx_buf;
	uint8_t mac[6];
	bool has_mac;
	bool dead;
	uint64_t timeout_us; /* for a send's completion */
	unsigned long rx_frames, tx_frames, rx_dropped, interrupts;
};

/*
 * Initialise the network device behind tr (after its transport init:
 * ACKNOWLEDGE and DRIVER set): features (VERSION_1 required; MAC, STATUS
 * taken when offered), both queues, receive buffers posted, DRIVER_OK.
 * Without VIRTIO_NET_F_MAC, n->has_mac is false and mac is zero.
 * On failure tr->why says why.
 */
int virtio_net_init(struct virtio_net *n, struct virtio_transport *tr);

/* Reset the device and give the memory back. */
void virtio_net_release(struct virtio_net *n);

/* Send one Ethernet frame (destination MAC first, no FCS); waits until the device took it. */
int virtio_net_send(struct virtio_net *n, const void *frame, size_t len);

/*
 * Receive one frame into buf (size bytes), waiting at most timeout_us.
 * Returns the frame's length; a frame longer than size is truncated to
 * size (the full length is still returned, so the caller can tell).
 */
int virtio_net_recv(struct virtio_net *n, void *buf, size_t size, uint64_t timeout_us);

/* Link status from the config space (true when the device has no STATUS feature). */
bool virtio_net_link_up(struct virtio_net *n);

#endif /* L4_VIRTIO_VIRTIO_NET_H */
