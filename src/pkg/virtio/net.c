// SPDX-License-Identifier: MIT
/*
 * The virtio-net driver: setup over a transport, receive buffers kept
 * posted on queue 0, one frame at a time sent on queue 1, waiting by
 * interrupt (one for both queues) or polling with a deadline.
 */
#include <l4/virtio/virtio_net.h>

#define NET_WANTED                                                                       \
	(VIRTIO_FEATURE(VIRTIO_NET_F_MAC) | VIRTIO_FEATURE(VIRTIO_NET_F_STATUS) |        \
	 VIRTIO_FEATURE(VIRTIO_F_EVENT_IDX) | VIRTIO_FEATURE(VIRTIO_F_ACCESS_PLATFORM) | \
	 VIRTIO_FEATURE(VIRTIO_F_ORDER_PLATFORM))

#define HDR sizeof(struct virtio_net_hdr)

static bool has(const struct virtio_net *n, unsigned bit)
{
	return !!(n->tr->features & VIRTIO_FEATURE(bit));
}

static void free_dma(struct virtio_net *n, struct virtio_dma *dma)
{
	const struct virtio_env *env = n->tr->env;

	if (dma->virt && env->dma_free)
		env->dma_free(env->ctx, dma);
	dma->virt = NULL;
}

static void free_all(struct virtio_net *n)
{
	/* Newest first: a transport's bump allocator takes them back that way. */
	free_dma(n, &n->tx_buf);
	free_dma(n, &n->rx_bufs);
	free_dma(n, &n->tx_ring);
	free_dma(n, &n->rx_ring);
}

static int give_up(struct virtio_net *n, int err, const char *why)
{
	virtio_tr_reset(n->tr);
	n->tr->why = why;
	n->dead = true;
	return err;
}

/* Token of receive buffer i: never NULL. */
static void *rx_token(unsigned i)
{
	return (void *)(uintptr_t)(i + 1);
}

static int post_rx(struct virtio_net *n, unsigned i)
{
	struct virtq_buf b = { n->rx_bufs.phys + (uint64_t)i * VIRTIO_NET_BUF_BYTES,
			       VIRTIO_NET_BUF_BYTES, true };

	return virtq_add(&n->rxq, &b, 1, rx_token(i));
}

static void kick(struct virtio_net *n, struct virtq *vq, unsigned index)
{
	if (virtq_kick_prepare(vq))
		virtio_tr_notify(n->tr, index);
}

int virtio_net_init(struct virtio_net *n, struct virtio_transport *tr)
{
	const struct virtio_env *env = tr->env;
	int err;

	n->tr = tr;
	n->rx_ring.virt = n->tx_ring.virt = n->rx_bufs.virt = n->tx_buf.virt = NULL;
	n->dead = false;
	n->has_mac = false;
	n->timeout_us = VIRTIO_NET_DEFAULT_TIMEOUT_US;
	n->rx_frames = n->tx_frames = n->rx_dropped = n->interrupts = 0;
	for (unsigned i = 0; i < 6; i++)
		n->mac[i] = 0;
	if (!env->irq_wait && !env->now_us) {
		tr->why = "environment has neither irq_wait nor now_us";
		virtio_tr_fail(tr, tr->why);
		return -L4_EINVAL;
	}
	if (tr->device_id != VIRTIO_ID_NET) {
		tr->why = "not a network device";
		return -L4_ENODEV;
	}
	err = virtio_tr_negotiate(tr, NET_WANTED);
	if (err < 0)
		return err;
	err = virtio_tr_setup_queue(tr, VIRTIO_NET_RXQ, &n->rxq, VIRTIO_NET_QUEUE_MAX, &n->rx_ring);
	if (err < 0)
		goto fail;
	err = virtio_tr_setup_queue(tr, VIRTIO_NET_TXQ, &n->txq, VIRTIO_NET_QUEUE_MAX, &n->tx_ring);
	if (err < 0)
		goto fail;
	err = env->dma_alloc(env->ctx, VIRTIO_NET_RX_BUFS * VIRTIO_NET_BUF_BYTES, 64, &n->rx_bufs);
	if (err == 0)
		err = env->dma_alloc(env->ctx, VIRTIO_NET_BUF_BYTES, 64, &n->tx_buf);
	if (err < 0) {
		tr->why = "no DMA memory for the packet buffers";
		goto fail;
	}
	if (has(n, VIRTIO_NET_F_MAC)) {
		err = virtio_tr_read_config(tr, VIRTIO_NET_CFG_MAC, n->mac, 6);
		if (err < 0)
			goto fail;
		n->has_mac = true;
	}
	/* Fewer buffers than requested if the queue is small: all it holds. */
	for (unsigned i = 0; i < VIRTIO_NET_RX_BUFS && i < n->rxq.num; i++) {
		err = post_rx(n, i);
		if (err < 0) {
			tr->why = "cannot post the receive buffers";
			goto fail;
		}
	}
	virtio_tr_driver_ok(tr);
	kick(n, &n->rxq, VIRTIO_NET_RXQ);
	return 0;

fail:
	virtio_tr_fail(tr, tr->why ? tr->why : "setup failed");
	free_all(n);
	return err < 0 ? err : -L4_EIO;
}

void virtio_net_release(struct virtio_net *n)
{
	virtio_tr_reset(n->tr);
	free_all(n);
	n->dead = true;
}

bool virtio_net_link_up(struct virtio_net *n)
{
	uint16_t st;

	if (!has(n, VIRTIO_NET_F_STATUS))
		return true;
	return virtio_tr_read_config(n->tr, VIRTIO_NET_CFG_STATUS, &st, 2) == 0 &&
	       (st & VIRTIO_NET_S_LINK_UP);
}

static uint64_t now(const struct virtio_env *env)
{
	return env->now_us ? env->now_us(env->ctx) : 0;
}

/*
 * Sleep until the device may have done something or the deadline
 * (absolute, now_us clock; budget when there is no clock) passes:
 * 0 woke up, -VIRTIO_ETIMEDOUT, -L4_EIO the device needs a reset.
 */
static int wait_event(struct virtio_net *n, struct virtq *vq, uint64_t start, uint64_t budget)
{
	const struct virtio_env *env = n->tr->env;
	uint64_t spent = env->now_us ? now(env) - start : 0;
	int r;

	if (virtio_tr_status(n->tr) & VIRTIO_STATUS_DEVICE_NEEDS_RESET)
		return give_up(n, -L4_EIO, "device needs a reset");
	if (spent >= budget)
		return -VIRTIO_ETIMEDOUT;
	if (!env->irq_wait) {
		if (env->relax)
			env->relax(env->ctx);
		return 0;
	}
	/* Entries already there: do not sleep. */
	if (virtq_enable_intr(vq))
		return 0;
	r = env->irq_wait(env->ctx, budget - spent);
	virtio_tr_ack_interrupt(n->tr);
	if (r == 0) {
		n->interrupts++;
		return 0;
	}
	if (r == -VIRTIO_ETIMEDOUT)
		return env->now_us ? 0 :
				     -VIRTIO_ETIMEDOUT; /* with a clock the next round decides */
	return give_up(n, r, "waiting for the interrupt failed");
}

int virtio_net_send(struct virtio_net *n, const void *frame, size_t len)
{
	const struct virtio_env *env = n->tr->env;
	struct virtq_buf b;
	uint64_t start;
	void *token;
	int r;

	if (n->dead)
		return -L4_EIO;
	if (len < VIRTIO_NET_ETH_HLEN || len > VIRTIO_NET_MAX_FRAME)
		return -L4_EINVAL;
	__builtin_memset(n->tx_buf.virt, 0, HDR);
	__builtin_memcpy((uint8_t *)n->tx_buf.virt + HDR, frame, len);
	b = (struct virtq_buf){ n->tx_buf.phys, (uint32_t)(HDR + len), false };
	r = virtq_add(&n->txq, &b, 1, n->tx_buf.virt);
	if (r < 0)
		return r == -L4_EIO ? give_up(n, r, "transmit queue broken") : r;
	kick(n, &n->txq, VIRTIO_NET_TXQ);
	start = now(env);
	for (;;) {
		r = virtq_get_used(&n->txq, &token, NULL);
		if (r < 0 || (r > 0 && token != n->tx_buf.virt))
			return give_up(n, -L4_EIO,
				       "device completed a transmit chain not in flight");
		if (r > 0)
			break;
		r = wait_event(n, &n->txq, start, n->timeout_us);
		if (r == -VIRTIO_ETIMEDOUT)
			return give_up(n, r, "transmit timed out; device reset");
		if (r < 0)
			return r;
	}
	n->tx_frames++;
	return 0;
}

int virtio_net_recv(struct virtio_net *n, void *buf, size_t size, uint64_t timeout_us)
{
	const struct virtio_env *env = n->tr->env;
	uint64_t start = now(env);
	uint32_t len;
	void *token;
	int r;

	if (n->dead)
		return -L4_EIO;
	for (;;) {
		uintptr_t i;

		r = virtq_get_used(&n->rxq, &token, &len);
		if (r < 0)
			return give_up(n, -L4_EIO,
				       "device completed a receive chain not in flight");
		if (r == 0) {
			r = wait_event(n, &n->rxq, start, timeout_us);
			if (r < 0)
				return r;
			continue;
		}
		i = (uintptr_t)token - 1;
		if (i >= VIRTIO_NET_RX_BUFS)
			return give_up(n, -L4_EIO, "receive token out of range");
		/* The device's length is not trusted beyond the buffer it got. */
		if (len > VIRTIO_NET_BUF_BYTES || len < HDR + VIRTIO_NET_ETH_HLEN) {
			n->rx_dropped++;
			r = post_rx(n, (unsigned)i);
			kick(n, &n->rxq, VIRTIO_NET_RXQ);
			if (r < 0)
				return give_up(n, -L4_EIO, "cannot repost a receive buffer");
			continue;
		}
		len -= HDR;
		__builtin_memcpy(buf, (uint8_t *)n->rx_bufs.virt + i * VIRTIO_NET_BUF_BYTES + HDR,
				 len < size ? len : size);
		r = post_rx(n, (unsigned)i);
		kick(n, &n->rxq, VIRTIO_NET_RXQ);
		if (r < 0)
			return give_up(n, -L4_EIO, "cannot repost a receive buffer");
		n->rx_frames++;
		return (int)len;
	}
}
