// SPDX-License-Identifier: MIT
/*
 * The virtio-blk driver: device setup over a transport (virtio-mmio or
 * L4virtio, <l4/virtio/virtio_transport.h>), synchronous
 * requests (header, data, status as one descriptor chain), waiting for
 * completion by interrupt or polling with a deadline, and the mapping of
 * device status to L4_E* codes.
 *
 * Copies through the bounce buffer use __builtin_memcpy; like any
 * freestanding code built by gcc, the library expects its host to link
 * memcpy and memset (l4util and the C library both do).
 */
#include <l4/virtio/virtio_blk.h>

#define BLK_WANTED                                                                      \
	(VIRTIO_FEATURE(VIRTIO_BLK_F_SIZE_MAX) | VIRTIO_FEATURE(VIRTIO_BLK_F_SEG_MAX) | \
	 VIRTIO_FEATURE(VIRTIO_BLK_F_RO) | VIRTIO_FEATURE(VIRTIO_BLK_F_BLK_SIZE) |      \
	 VIRTIO_FEATURE(VIRTIO_BLK_F_FLUSH) | VIRTIO_FEATURE(VIRTIO_F_EVENT_IDX) |      \
	 VIRTIO_FEATURE(VIRTIO_F_ACCESS_PLATFORM) | VIRTIO_FEATURE(VIRTIO_F_ORDER_PLATFORM))

/* The request area: header at 0, status byte at 16 (device writes it). */
#define REQ_STATUS_OFF 16u
#define REQ_BYTES 64u

static bool has(const struct virtio_blk *blk, unsigned bit)
{
	return !!(blk->tr->features & VIRTIO_FEATURE(bit));
}

static uint32_t cfg32(struct virtio_blk *blk, unsigned off, uint32_t dflt)
{
	uint32_t v;

	return virtio_tr_read_config(blk->tr, off, &v, sizeof(v)) < 0 ? dflt : v;
}

static void free_dma(struct virtio_blk *blk, struct virtio_dma *dma)
{
	const struct virtio_env *env = blk->tr->env;

	if (dma->virt && env->dma_free)
		env->dma_free(env->ctx, dma);
	dma->virt = NULL;
}

static int read_config(struct virtio_blk *blk)
{
	int err = virtio_tr_read_config(blk->tr, VIRTIO_BLK_CFG_CAPACITY, &blk->capacity,
					sizeof(blk->capacity));

	if (err < 0)
		return err;
	blk->read_only = has(blk, VIRTIO_BLK_F_RO);
	blk->has_flush = has(blk, VIRTIO_BLK_F_FLUSH);
	blk->blk_size = has(blk, VIRTIO_BLK_F_BLK_SIZE) ?
				cfg32(blk, VIRTIO_BLK_CFG_BLK_SIZE, VIRTIO_BLK_SECTOR_SIZE) :
				VIRTIO_BLK_SECTOR_SIZE;
	blk->size_max =
		has(blk, VIRTIO_BLK_F_SIZE_MAX) ? cfg32(blk, VIRTIO_BLK_CFG_SIZE_MAX, 0) : 0;
	blk->seg_max = VIRTIO_BLK_MAX_SEGS;
	if (has(blk, VIRTIO_BLK_F_SEG_MAX)) {
		uint32_t s = cfg32(blk, VIRTIO_BLK_CFG_SEG_MAX, 1);

		if (s && s < blk->seg_max)
			blk->seg_max = s;
	} else {
		/* Without SEG_MAX the spec promises nothing beyond one segment. */
		blk->seg_max = 1;
	}
	/* Header and status take two descriptors of the queue. */
	if (blk->seg_max > blk->vq.num - 2u)
		blk->seg_max = blk->vq.num - 2u;
	return 0;
}

int virtio_blk_init(struct virtio_blk *blk, const struct virtio_env *env, volatile void *regs)
{
	int err;

	blk->tr = &blk->mmio.tr;
	blk->mmio.why = NULL;
	if (!env->irq_wait && !env->now_us) {
		blk->mmio.why = "environment has neither irq_wait nor now_us";
		return -L4_EINVAL;
	}
	err = virtio_mmio_init(&blk->mmio, env, regs, VIRTIO_ID_BLOCK);
	if (err < 0)
		return err;
	return virtio_blk_init_transport(blk, &blk->mmio.tr);
}

int virtio_blk_init_transport(struct virtio_blk *blk, struct virtio_transport *tr)
{
	const struct virtio_env *env = tr->env;
	int err;

	blk->tr = tr;
	blk->ring.virt = blk->req.virt = blk->bounce.virt = NULL;
	blk->dead = false;
	blk->timeout_us = VIRTIO_BLK_DEFAULT_TIMEOUT_US;
	blk->requests = blk->interrupts = blk->notifies = 0;
	if (!env->irq_wait && !env->now_us) {
		tr->why = "environment has neither irq_wait nor now_us";
		virtio_tr_fail(tr, tr->why);
		return -L4_EINVAL;
	}
	err = virtio_tr_negotiate(tr, BLK_WANTED);
	if (err < 0)
		return err;
	err = virtio_tr_setup_queue(tr, 0, &blk->vq, VIRTQ_MAX_SIZE, &blk->ring);
	if (err < 0)
		goto fail_device;
	if (blk->vq.num < 4) {
		blk->tr->why = "request queue too small for a request";
		err = -L4_ENOSYS;
		goto free_ring;
	}
	err = env->dma_alloc(env->ctx, REQ_BYTES, 64, &blk->req);
	if (err < 0) {
		blk->tr->why = "no DMA memory for request headers";
		goto free_ring;
	}
	err = env->dma_alloc(env->ctx, VIRTIO_BLK_BOUNCE_BYTES, 4096, &blk->bounce);
	if (err < 0) {
		blk->tr->why = "no DMA memory for the bounce buffer";
		goto free_req;
	}
	blk->hdr = blk->req.virt;
	blk->status = (volatile uint8_t *)blk->req.virt + REQ_STATUS_OFF;
	err = read_config(blk);
	if (err < 0)
		goto free_bounce;
	virtio_tr_driver_ok(tr);
	return 0;

free_bounce:
	free_dma(blk, &blk->bounce);
free_req:
	free_dma(blk, &blk->req);
free_ring:
	free_dma(blk, &blk->ring);
fail_device:
	virtio_tr_fail(tr, tr->why ? tr->why : "setup failed");
	return err;
}

void virtio_blk_release(struct virtio_blk *blk)
{
	/* Reset first: the device must stop using the memory before it goes. */
	virtio_tr_reset(blk->tr);
	free_dma(blk, &blk->bounce);
	free_dma(blk, &blk->req);
	free_dma(blk, &blk->ring);
	blk->dead = true;
}

uint64_t virtio_blk_capacity(const struct virtio_blk *blk)
{
	return blk->capacity;
}

/* The device no longer behaves: stop it so it cannot touch our memory any more. */
static int give_up(struct virtio_blk *blk, int err, const char *why)
{
	virtio_tr_reset(blk->tr);
	blk->tr->why = why;
	blk->dead = true;
	return err;
}

/* Time spent since start; without a clock only irq_wait's own timeouts count. */
static uint64_t elapsed(const struct virtio_env *env, uint64_t start)
{
	return env->now_us ? env->now_us(env->ctx) - start : 0;
}

/* Take our one request back from the used ring: 1 done, 0 not yet, < 0 error. */
static int reap(struct virtio_blk *blk)
{
	void *token;
	int r = virtq_get_used(&blk->vq, &token, NULL);

	if (r < 0)
		return give_up(blk, -L4_EIO, "device returned a descriptor chain not in flight");
	if (r > 0 && token != blk->hdr)
		return give_up(blk, -L4_EIO, "device completed a foreign chain");
	return r;
}

/* Wait for the request in flight, by interrupt or by polling, at most timeout_us. */
static int wait_done(struct virtio_blk *blk)
{
	const struct virtio_env *env = blk->tr->env;
	uint64_t start = env->now_us ? env->now_us(env->ctx) : 0, spent;
	bool expired = false;
	int r;

	while ((r = reap(blk)) == 0) {
		if (virtio_tr_status(blk->tr) & VIRTIO_STATUS_DEVICE_NEEDS_RESET)
			return give_up(blk, -L4_EIO, "device needs a reset");
		if (expired)
			return give_up(blk, -VIRTIO_ETIMEDOUT, "request timed out; device reset");
		if (!env->irq_wait) {
			expired = elapsed(env, start) >= blk->timeout_us;
			if (env->relax)
				env->relax(env->ctx);
			continue;
		}
		/* Enabling may reveal a completion that raced with us: no sleep then. */
		if (virtq_enable_intr(&blk->vq))
			continue;
		spent = elapsed(env, start);
		if (spent >= blk->timeout_us) {
			expired = true;
			continue;
		}
		r = env->irq_wait(env->ctx, blk->timeout_us - spent);
		/* Acknowledge before the next wait unmasks: the line is level-triggered. */
		virtio_tr_ack_interrupt(blk->tr);
		if (r == 0)
			blk->interrupts++;
		else if (r == -VIRTIO_ETIMEDOUT)
			expired = true;
		else
			return give_up(blk, r, "waiting for the interrupt failed");
		expired = expired || elapsed(env, start) >= blk->timeout_us;
	}
	/*
	 * A completion found without sleeping still raised the (masked) line:
	 * acknowledge it now, or the next wait would wake at once for nothing.
	 */
	if (r > 0)
		virtio_tr_ack_interrupt(blk->tr);
	return r < 0 ? r : 0;
}

static int status_to_err(uint8_t status)
{
	switch (status) {
	case VIRTIO_BLK_S_OK:
		return 0;
	case VIRTIO_BLK_S_UNSUPP:
		return -L4_ENOSYS;
	default:
		return -L4_EIO;
	}
}

int virtio_blk_submit(struct virtio_blk *blk, uint32_t type, uint64_t sector,
		      const struct virtio_blk_seg *segs, unsigned nsegs)
{
	const struct virtio_env *env = blk->tr->env;
	struct virtq_buf bufs[VIRTIO_BLK_MAX_SEGS + 2];
	bool dev_writes = type == VIRTIO_BLK_T_IN || type == VIRTIO_BLK_T_GET_ID;
	int err;

	if (blk->dead)
		return -L4_EIO;
	if (nsegs > blk->seg_max)
		return -L4_EINVAL;
	blk->hdr->type = type;
	blk->hdr->reserved = 0;
	blk->hdr->sector = sector;
	*blk->status = 0xff; /* not a valid status: catches a device that never writes it */

	bufs[0] = (struct virtq_buf){ blk->req.phys, sizeof(*blk->hdr), false };
	for (unsigned i = 0; i < nsegs; i++) {
		if (!segs[i].len || (blk->size_max && segs[i].len > blk->size_max))
			return -L4_EINVAL;
		bufs[1 + i] = (struct virtq_buf){ segs[i].phys, segs[i].len, dev_writes };
		if (env->dma_sync)
			env->dma_sync(env->ctx, segs[i].virt, segs[i].len,
				      VIRTIO_DMA_SYNC_FOR_DEVICE);
	}
	bufs[1 + nsegs] = (struct virtq_buf){ blk->req.phys + REQ_STATUS_OFF, 1, true };

	err = virtq_add(&blk->vq, bufs, nsegs + 2, blk->hdr);
	if (err < 0)
		return err == -L4_EIO ? give_up(blk, err, "queue broken") : err;
	blk->requests++;
	if (virtq_kick_prepare(&blk->vq)) {
		blk->notifies++;
		virtio_tr_notify(blk->tr, 0);
	}
	err = wait_done(blk);
	if (err < 0)
		return err;
	if (dev_writes && env->dma_sync)
		for (unsigned i = 0; i < nsegs; i++)
			env->dma_sync(env->ctx, segs[i].virt, segs[i].len, VIRTIO_DMA_SYNC_FOR_CPU);
	return status_to_err(*blk->status);
}

static int check_range(const struct virtio_blk *blk, bool write, uint64_t sector, uint64_t count)
{
	if (blk->dead)
		return -L4_EIO;
	if (write && blk->read_only)
		return -L4_EPERM;
	if (sector > blk->capacity || count > blk->capacity - sector)
		return -L4_ERANGE;
	return 0;
}

int virtio_blk_rw(struct virtio_blk *blk, bool write, uint64_t sector,
		  const struct virtio_blk_seg *segs, unsigned nsegs)
{
	uint64_t bytes = 0;
	int err;

	if (nsegs == 0)
		return -L4_EINVAL;
	for (unsigned i = 0; i < nsegs; i++) {
		if (segs[i].len % VIRTIO_BLK_SECTOR_SIZE)
			return -L4_EINVAL;
		bytes += segs[i].len;
	}
	err = check_range(blk, write, sector, bytes / VIRTIO_BLK_SECTOR_SIZE);
	if (err < 0)
		return err;
	return virtio_blk_submit(blk, write ? VIRTIO_BLK_T_OUT : VIRTIO_BLK_T_IN, sector, segs,
				 nsegs);
}

/*
 * One bounce-buffer request of n bytes: split into segments no longer than
 * size_max, as many as seg_max allows; returns the bytes it covered.
 */
static int bounce_rw(struct virtio_blk *blk, bool write, uint64_t sector, size_t *n)
{
	struct virtio_blk_seg segs[VIRTIO_BLK_MAX_SEGS];
	uint32_t seg_len = VIRTIO_BLK_BOUNCE_BYTES;
	unsigned nsegs = 0;
	size_t done = 0;

	if (blk->size_max && blk->size_max < seg_len)
		seg_len = blk->size_max & ~(VIRTIO_BLK_SECTOR_SIZE - 1);
	if (!seg_len)
		return -L4_ENOSYS;
	while (done < *n && nsegs < blk->seg_max) {
		uint32_t len = *n - done < seg_len ? (uint32_t)(*n - done) : seg_len;

		segs[nsegs++] = (struct virtio_blk_seg){ (uint8_t *)blk->bounce.virt + done,
							 blk->bounce.phys + done, len };
		done += len;
	}
	*n = done;
	return virtio_blk_submit(blk, write ? VIRTIO_BLK_T_OUT : VIRTIO_BLK_T_IN, sector, segs,
				 nsegs);
}

int virtio_blk_read(struct virtio_blk *blk, uint64_t sector, void *buf, size_t count)
{
	uint8_t *dst = buf;
	int err = check_range(blk, false, sector, count);

	while (err == 0 && count) {
		size_t n = count * VIRTIO_BLK_SECTOR_SIZE;

		if (n > VIRTIO_BLK_BOUNCE_BYTES)
			n = VIRTIO_BLK_BOUNCE_BYTES;
		err = bounce_rw(blk, false, sector, &n);
		if (err < 0)
			break;
		__builtin_memcpy(dst, blk->bounce.virt, n);
		dst += n;
		sector += n / VIRTIO_BLK_SECTOR_SIZE;
		count -= n / VIRTIO_BLK_SECTOR_SIZE;
	}
	return err;
}

int virtio_blk_write(struct virtio_blk *blk, uint64_t sector, const void *buf, size_t count)
{
	const uint8_t *src = buf;
	int err = check_range(blk, true, sector, count);

	while (err == 0 && count) {
		size_t n = count * VIRTIO_BLK_SECTOR_SIZE, chunk;

		if (n > VIRTIO_BLK_BOUNCE_BYTES)
			n = VIRTIO_BLK_BOUNCE_BYTES;
		__builtin_memcpy(blk->bounce.virt, src, n);
		chunk = n;
		err = bounce_rw(blk, true, sector, &chunk);
		if (err < 0)
			break;
		/* seg_max may have cut the request short: continue after what went out. */
		src += chunk;
		sector += chunk / VIRTIO_BLK_SECTOR_SIZE;
		count -= chunk / VIRTIO_BLK_SECTOR_SIZE;
	}
	return err;
}

int virtio_blk_flush(struct virtio_blk *blk)
{
	if (blk->dead)
		return -L4_EIO;
	if (!blk->has_flush)
		return 0;
	return virtio_blk_submit(blk, VIRTIO_BLK_T_FLUSH, 0, NULL, 0);
}
