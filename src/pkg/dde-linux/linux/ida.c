// SPDX-License-Identifier: MIT
/*
 * IDA (lib/idr.c): small unique numbers, e.g. virtio's device indices.
 * A bitmap per IDA, grown on demand, kept behind the IDA's xarray head
 * pointer (the IDA is ours alone; nothing else reads its xarray).
 */
#include <linux/idr.h>
#include <linux/slab.h>

struct dde_ida {
	unsigned int bits;
	unsigned long map[];
};

int ida_alloc_range(struct ida *ida, unsigned int min, unsigned int max, gfp_t gfp)
{
	struct dde_ida *b = ida->xa.xa_head;
	unsigned int id;

	if ((int)min < 0)
		return -ENOSPC;
	if ((int)max < 0)
		max = INT_MAX;
	for (;;) {
		id = b ? find_next_zero_bit(b->map, b->bits, min) : min;
		if (id > max)
			return -ENOSPC;
		if (b && id < b->bits) {
			set_bit(id, b->map);
			return id;
		}
		{
			unsigned int bits = max(64u, roundup_pow_of_two(id + 1) * 2);
			struct dde_ida *n =
				kzalloc(sizeof(*n) + BITS_TO_LONGS(bits) * sizeof(long), gfp);

			if (!n)
				return -ENOMEM;
			n->bits = bits;
			if (b) {
				memcpy(n->map, b->map, BITS_TO_LONGS(b->bits) * sizeof(long));
				kfree(b);
			}
			ida->xa.xa_head = b = n;
		}
	}
}

void ida_free(struct ida *ida, unsigned int id)
{
	struct dde_ida *b = ida->xa.xa_head;

	if (!b || id >= b->bits || !test_bit(id, b->map)) {
		WARN(1, "ida_free called for id=%u which is not allocated.\n", id);
		return;
	}
	clear_bit(id, b->map);
}

void ida_destroy(struct ida *ida)
{
	kfree(ida->xa.xa_head);
	ida->xa.xa_head = NULL;
}
