// SPDX-License-Identifier: MIT
/*
 * blk-mq for one consumer, the server: requests come from the block
 * class (dde_linux_blk_submit(), plain memory segments), wait in a FIFO,
 * and dde_linux_blk_run() — called by the server thread at its softirq
 * point — turns each into a struct request with one bio whose bio_vecs
 * point at the segments' pages, and hands it to the driver's queue_rq()
 * on hardware queue 0.  The driver completes through
 * blk_mq_complete_request() -> its complete() -> blk_mq_end_request(),
 * which reports to the server.  A driver that is out of room (a full
 * ring: BLK_STS_RESOURCE, or a stopped queue) gets the request again
 * after its next completion, as blk-mq reruns a queue.
 *
 * Tags are the tag set's request array; there is no scheduler, no
 * merging and no timeout handling (virtio devices do not time out).
 */
#include <linux/bio.h>
#include <linux/blk-mq.h>
#include <linux/blkdev.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>

#include "dde_linux.h"

/* A tag set's requests: depth of them, each followed by the driver's PDU. */
struct dde_tags {
	struct blk_mq_tag_set *set;
	size_t rq_size;
	char *rqs;
	unsigned long *busy;
};

static struct dde_tags tagsets[4];
static struct dde_blk_io *waiting, **waiting_tail = &waiting;

static struct dde_tags *tags_of(struct blk_mq_tag_set *set)
{
	unsigned i;

	for (i = 0; i < ARRAY_SIZE(tagsets); i++) {
		if (tagsets[i].set == set)
			return &tagsets[i];
	}
	return NULL;
}

static struct request *tag_rq(struct dde_tags *t, unsigned tag)
{
	return (struct request *)(t->rqs + tag * t->rq_size);
}

int blk_mq_alloc_tag_set(struct blk_mq_tag_set *set)
{
	struct dde_tags *t = tags_of(NULL);
	unsigned i;

	if (!set->ops->queue_rq || !set->queue_depth || !set->nr_hw_queues)
		return -EINVAL;
	if (!t)
		return -ENOMEM;
	/* The PDU follows the request (blk_mq_rq_to_pdu() is rq + 1). */
	t->rq_size = ALIGN(sizeof(struct request) + set->cmd_size, 64);
	t->rqs = kcalloc(set->queue_depth, t->rq_size, GFP_KERNEL);
	t->busy = bitmap_zalloc(set->queue_depth, GFP_KERNEL);
	if (!t->rqs || !t->busy) {
		kfree(t->rqs);
		bitmap_free(t->busy);
		return -ENOMEM;
	}
	t->set = set;
	for (i = 0; i < set->queue_depth; i++) {
		struct request *rq = tag_rq(t, i);

		rq->tag = i;
		rq->internal_tag = -1; /* no scheduler tags */
		if (set->ops->init_request && set->ops->init_request(set, rq, 0, NUMA_NO_NODE)) {
			blk_mq_free_tag_set(set);
			return -ENOMEM;
		}
	}
	return 0;
}

void blk_mq_free_tag_set(struct blk_mq_tag_set *set)
{
	struct dde_tags *t = tags_of(set);
	unsigned i;

	if (!t)
		return;
	for (i = 0; set->ops->exit_request && i < set->queue_depth; i++)
		set->ops->exit_request(set, tag_rq(t, i), 0);
	kfree(t->rqs);
	bitmap_free(t->busy);
	memset(t, 0, sizeof(*t));
}

static bool stopped(struct request_queue *q)
{
	unsigned i;

	for (i = 0; i < dde_blk_nr_hctx(q); i++) {
		if (test_bit(BLK_MQ_S_STOPPED, &dde_blk_hctx(q, i)->state))
			return true;
	}
	return false;
}

void blk_mq_stop_hw_queue(struct blk_mq_hw_ctx *hctx)
{
	set_bit(BLK_MQ_S_STOPPED, &hctx->state);
}

/* Restarted queues run at the server's next softirq point (async either way). */
void blk_mq_start_stopped_hw_queues(struct request_queue *q, bool async)
{
	unsigned i;

	for (i = 0; i < dde_blk_nr_hctx(q); i++)
		clear_bit(BLK_MQ_S_STOPPED, &dde_blk_hctx(q, i)->state);
}

void blk_mq_start_request(struct request *rq)
{
	rq->io_start_time_ns = 0;
	WRITE_ONCE(rq->state, MQ_RQ_IN_FLIGHT);
}

/* One bio over the io's segments: each segment one bio_vec (pages may be several). */
static struct bio *io_bio(struct dde_blk_io *io)
{
	struct bio *bio = kzalloc(sizeof(*bio) + io->nseg * sizeof(struct bio_vec), GFP_ATOMIC);
	unsigned i;

	if (!bio)
		return NULL;
	bio->bi_io_vec = (struct bio_vec *)(bio + 1);
	bio->bi_vcnt = io->nseg;
	bio->bi_max_vecs = io->nseg;
	bio->bi_iter.bi_sector = io->sector;
	for (i = 0; i < io->nseg; i++) {
		unsigned long a = (unsigned long)io->seg[i].addr;

		bio->bi_io_vec[i].bv_page = virt_to_page((void *)(a & PAGE_MASK));
		bio->bi_io_vec[i].bv_offset = a & ~PAGE_MASK;
		bio->bi_io_vec[i].bv_len = io->seg[i].len;
		bio->bi_iter.bi_size += io->seg[i].len;
	}
	return bio;
}

static const blk_opf_t io_ops[] = {
	[DDE_BLK_READ] = REQ_OP_READ,
	[DDE_BLK_WRITE] = REQ_OP_WRITE,
	[DDE_BLK_FLUSH] = REQ_OP_FLUSH,
};

static struct request *io_request(struct dde_tags *t, struct request_queue *q,
				  struct dde_blk_io *io)
{
	unsigned tag = find_first_zero_bit(t->busy, t->set->queue_depth);
	struct request *rq;
	struct bio *bio = NULL;

	if (tag >= t->set->queue_depth)
		return NULL;
	if (io->nseg) {
		bio = io_bio(io);
		if (!bio)
			return NULL;
	}
	set_bit(tag, t->busy);
	rq = tag_rq(t, tag);
	rq->q = q;
	rq->mq_hctx = dde_blk_hctx(q, 0);
	rq->cmd_flags = io_ops[io->op];
	rq->rq_flags = 0;
	rq->bio = rq->biotail = bio;
	rq->__sector = io->sector;
	rq->__data_len = bio ? bio->bi_iter.bi_size : 0;
	rq->nr_phys_segments = io->nseg;
	rq->part = q->disk ? q->disk->part0 : NULL;
	rq->end_io_data = io;
	rq->state = MQ_RQ_IDLE;
	return rq;
}

static void release(struct request *rq)
{
	struct dde_tags *t = tags_of(rq->q->tag_set);

	kfree(rq->bio);
	rq->bio = rq->biotail = NULL;
	rq->end_io_data = NULL;
	WRITE_ONCE(rq->state, MQ_RQ_IDLE);
	clear_bit(rq->tag, t->busy);
}

static int status_err(blk_status_t status)
{
	int err = blk_status_to_errno(status);

	return err == -EOPNOTSUPP ? dde_l4_err(-ENOSYS) : dde_l4_err(err ? -EIO : 0);
}

void blk_mq_end_request(struct request *rq, blk_status_t error)
{
	struct dde_blk_io *io = rq->end_io_data;

	release(rq);
	if (io)
		io->done(io, status_err(error));
}

void blk_mq_complete_request(struct request *rq)
{
	WRITE_ONCE(rq->state, MQ_RQ_COMPLETE);
	rq->q->mq_ops->complete(rq);
}

void blk_mq_requeue_request(struct request *rq, bool kick_requeue_list)
{
	struct dde_blk_io *io = rq->end_io_data;

	release(rq);
	if (io) {
		io->next = waiting;
		waiting = io;
		if (waiting_tail == &waiting)
			waiting_tail = &io->next;
	}
}

int __blk_rq_map_sg(struct request_queue *q, struct request *rq, struct scatterlist *sglist,
		    struct scatterlist **last_sg)
{
	struct scatterlist *sg = NULL;
	struct bio *bio;
	int n = 0;

	for (bio = rq->bio; bio; bio = bio->bi_next) {
		unsigned i;

		for (i = 0; i < bio->bi_vcnt; i++) {
			struct bio_vec *bv = &bio->bi_io_vec[i];

			sg = sg ? sg_next(sg) : sglist;
			sg_set_page(sg, bv->bv_page, bv->bv_len, bv->bv_offset);
			n++;
		}
	}
	if (sg)
		sg_mark_end(sg);
	*last_sg = sg;
	return n;
}

int blk_status_to_errno(blk_status_t status)
{
	switch (status) {
	case BLK_STS_OK:
		return 0;
	case BLK_STS_NOTSUPP:
		return -EOPNOTSUPP;
	case BLK_STS_TIMEOUT:
		return -ETIMEDOUT;
	case BLK_STS_NOSPC:
		return -ENOSPC;
	case BLK_STS_RESOURCE:
		return -ENOMEM;
	case BLK_STS_DEV_RESOURCE:
		return -EBUSY;
	case BLK_STS_AGAIN:
		return -EAGAIN;
	default:
		return -EIO;
	}
}

int dde_linux_blk_submit(struct dde_blk_io *io)
{
	struct gendisk *disk = dde_blk_served_disk();

	if (!disk || io->op > DDE_BLK_FLUSH || (io->op == DDE_BLK_FLUSH) != !io->nseg ||
	    io->nseg > queue_max_segments(disk->queue))
		return dde_l4_err(-EINVAL);
	io->next = NULL;
	*waiting_tail = io;
	waiting_tail = &io->next;
	return 0;
}

int dde_linux_blk_run(void)
{
	struct gendisk *disk = dde_blk_served_disk();
	struct dde_tags *t;
	struct dde_blk_io *io = waiting;
	struct blk_mq_queue_data bd = { .last = true };
	struct request *rq;
	blk_status_t st;

	if (!io || !disk || stopped(disk->queue))
		return 0;
	t = tags_of(disk->queue->tag_set);
	rq = io_request(t, disk->queue, io);
	if (!rq)
		return 0; /* all tags busy: a completion runs the queue again */
	waiting = io->next;
	if (!waiting)
		waiting_tail = &waiting;
	bd.rq = rq;
	st = disk->queue->mq_ops->queue_rq(rq->mq_hctx, &bd);
	if (st == BLK_STS_OK)
		return 1;
	if (st == BLK_STS_RESOURCE || st == BLK_STS_DEV_RESOURCE) {
		blk_mq_requeue_request(rq, false);
		return 0;
	}
	blk_mq_end_request(rq, st);
	return 1;
}
