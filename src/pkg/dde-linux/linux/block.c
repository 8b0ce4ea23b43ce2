// SPDX-License-Identifier: MIT
/*
 * Disks and their queues (block/genhd.c and block/blk-settings.c of
 * Linux, as far as a block driver calls them): a gendisk with its
 * request queue, part0 and hardware contexts in one allocation, the
 * queue limits the driver sets, capacity and read-only state, and the
 * disk the server serves: the first one a driver adds.  No partitions,
 * no block device nodes, no sysfs.
 */
#include <linux/blk-mq.h>
#include <linux/blkdev.h>
#include <linux/slab.h>

#include "dde_linux.h"

#define FIRST_DYNAMIC_MAJOR 254

static struct gendisk *served;

struct dde_disk {
	struct gendisk disk;
	struct request_queue q;
	struct block_device part0;
	unsigned nr_hctx;
	struct blk_mq_hw_ctx hctx[];
};

struct blk_mq_hw_ctx *dde_blk_hctx(struct request_queue *q, unsigned i)
{
	struct dde_disk *d = container_of(q, struct dde_disk, q);

	return i < d->nr_hctx ? &d->hctx[i] : NULL;
}

unsigned dde_blk_nr_hctx(struct request_queue *q)
{
	return container_of(q, struct dde_disk, q)->nr_hctx;
}

struct gendisk *dde_blk_served_disk(void)
{
	return served;
}

/* Linux's defaults (blk_set_default_limits) for what drivers may leave unset. */
static void default_limits(struct queue_limits *l)
{
	l->max_segments = BLK_MAX_SEGMENTS;
	l->max_discard_segments = 1;
	l->seg_boundary_mask = BLK_SEG_BOUNDARY_MASK;
	l->max_segment_size = BLK_MAX_SEGMENT_SIZE;
	l->max_sectors = l->max_hw_sectors = BLK_SAFE_MAX_SECTORS;
	l->max_dev_sectors = 0;
	l->logical_block_size = l->physical_block_size = l->io_min = 512;
	l->dma_alignment = 511;
}

struct gendisk *__blk_mq_alloc_disk(struct blk_mq_tag_set *set, void *queuedata,
				    struct lock_class_key *lkclass)
{
	unsigned i, n = set->nr_hw_queues;
	struct dde_disk *d = kzalloc(struct_size(d, hctx, n), GFP_KERNEL);

	if (!d)
		return ERR_PTR(-ENOMEM);
	d->nr_hctx = n;
	d->disk.queue = &d->q;
	d->disk.part0 = &d->part0;
	d->part0.bd_disk = &d->disk;
	d->q.disk = &d->disk;
	d->q.queuedata = queuedata;
	d->q.tag_set = set;
	d->q.mq_ops = set->ops;
	default_limits(&d->q.limits);
	for (i = 0; i < n; i++) {
		struct blk_mq_hw_ctx *h = &d->hctx[i];
		int err;

		h->queue = &d->q;
		h->queue_num = i;
		h->numa_node = NUMA_NO_NODE;
		h->flags = set->flags;
		if (set->ops->init_hctx) {
			err = set->ops->init_hctx(h, set->driver_data, i);
			if (err) {
				kfree(d);
				return ERR_PTR(err);
			}
		}
	}
	return &d->disk;
}

void put_disk(struct gendisk *disk)
{
	struct dde_disk *d = container_of(disk, struct dde_disk, disk);
	unsigned i;

	if (!disk)
		return;
	for (i = 0; i < d->nr_hctx; i++) {
		if (d->q.mq_ops->exit_hctx)
			d->q.mq_ops->exit_hctx(&d->hctx[i], i);
	}
	kfree(d);
}

int device_add_disk(struct device *parent, struct gendisk *disk,
		    const struct attribute_group **groups)
{
	if (!served)
		served = disk;
	pr_info("dde: disk %s: %llu sectors of 512 bytes%s\n", disk->disk_name,
		(unsigned long long)get_capacity(disk), get_disk_ro(disk) ? ", read-only" : "");
	return 0;
}

void del_gendisk(struct gendisk *disk)
{
	if (served == disk)
		served = NULL;
}

bool set_capacity_and_notify(struct gendisk *disk, sector_t size)
{
	disk->part0->bd_nr_sectors = size;
	return false; /* nobody to notify: no uevents */
}

void set_capacity(struct gendisk *disk, sector_t size)
{
	disk->part0->bd_nr_sectors = size;
}

void set_disk_ro(struct gendisk *disk, bool read_only)
{
	if (read_only)
		set_bit(GD_READ_ONLY, &disk->state);
	else
		clear_bit(GD_READ_ONLY, &disk->state);
}

int __register_blkdev(unsigned int major, const char *name, void (*probe)(dev_t devt))
{
	static unsigned next = FIRST_DYNAMIC_MAJOR;

	return major ? 0 : (int)next--;
}

void unregister_blkdev(unsigned int major, const char *name)
{
}

/* Queue limits, as blk-settings.c keeps them (without stacking). */
void blk_queue_max_segments(struct request_queue *q, unsigned short n)
{
	q->limits.max_segments = n ? n : 1;
}

void blk_queue_max_discard_segments(struct request_queue *q, unsigned short n)
{
	q->limits.max_discard_segments = n;
}

void blk_queue_max_hw_sectors(struct request_queue *q, unsigned int n)
{
	q->limits.max_hw_sectors = n;
	q->limits.max_sectors = min_t(unsigned int, n, BLK_DEF_MAX_SECTORS);
}

void blk_queue_max_segment_size(struct request_queue *q, unsigned int n)
{
	q->limits.max_segment_size = max_t(unsigned int, n, PAGE_SIZE);
}

void blk_queue_logical_block_size(struct request_queue *q, unsigned int n)
{
	q->limits.logical_block_size = n;
	if (q->limits.physical_block_size < n)
		q->limits.physical_block_size = n;
	if (q->limits.io_min < q->limits.physical_block_size)
		q->limits.io_min = q->limits.physical_block_size;
}

void blk_queue_physical_block_size(struct request_queue *q, unsigned int n)
{
	q->limits.physical_block_size = max(n, q->limits.logical_block_size);
	if (q->limits.io_min < q->limits.physical_block_size)
		q->limits.io_min = q->limits.physical_block_size;
}

void blk_queue_alignment_offset(struct request_queue *q, unsigned int offset)
{
	q->limits.alignment_offset = offset & (q->limits.physical_block_size - 1);
}

void blk_queue_io_min(struct request_queue *q, unsigned int min)
{
	q->limits.io_min = max(min, q->limits.logical_block_size);
}

void blk_queue_io_opt(struct request_queue *q, unsigned int opt)
{
	q->limits.io_opt = opt;
}

void blk_queue_max_discard_sectors(struct request_queue *q, unsigned int n)
{
	q->limits.max_hw_discard_sectors = q->limits.max_discard_sectors = n;
}

void blk_queue_max_secure_erase_sectors(struct request_queue *q, unsigned int n)
{
	q->limits.max_secure_erase_sectors = n;
}

void blk_queue_max_write_zeroes_sectors(struct request_queue *q, unsigned int n)
{
	q->limits.max_write_zeroes_sectors = n;
}

void blk_queue_write_cache(struct request_queue *q, bool wc, bool fua)
{
	if (wc)
		set_bit(QUEUE_FLAG_WC, &q->queue_flags);
	else
		clear_bit(QUEUE_FLAG_WC, &q->queue_flags);
	if (fua)
		set_bit(QUEUE_FLAG_FUA, &q->queue_flags);
	else
		clear_bit(QUEUE_FLAG_FUA, &q->queue_flags);
}

int dde_linux_blk_info(struct dde_blk_info *info)
{
	struct request_queue *q;

	if (!served)
		return dde_l4_err(-ENODEV);
	q = served->queue;
	memset(info, 0, sizeof(*info));
	strscpy(info->name, served->disk_name, sizeof(info->name));
	info->sectors = get_capacity(served);
	info->logical_block_size = q->limits.logical_block_size;
	info->max_segments = q->limits.max_segments;
	info->max_segment_size = q->limits.max_segment_size;
	info->read_only = get_disk_ro(served);
	info->write_cache = test_bit(QUEUE_FLAG_WC, &q->queue_flags);
	return 0;
}
