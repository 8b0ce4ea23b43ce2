// SPDX-License-Identifier: MIT
/*
 * Scatterlists (lib/scatterlist.c and lib/sg_pool.c of Linux, the
 * functions block drivers call).  A chained table is one flat array
 * here: kmalloc gives any size, so no chaining is needed beyond the
 * inline first chunk drivers pass.
 */
#include <linux/scatterlist.h>
#include <linux/slab.h>

void sg_init_table(struct scatterlist *sgl, unsigned int nents)
{
	memset(sgl, 0, sizeof(*sgl) * nents);
	sg_mark_end(&sgl[nents - 1]);
}

void sg_init_one(struct scatterlist *sg, const void *buf, unsigned int buflen)
{
	sg_init_table(sg, 1);
	sg_set_buf(sg, buf, buflen);
}

int sg_alloc_table_chained(struct sg_table *table, int nents, struct scatterlist *first_chunk,
			   unsigned nents_first_chunk)
{
	struct scatterlist *sgl = first_chunk;

	if (nents <= 0)
		return -EINVAL;
	if (!first_chunk || nents > nents_first_chunk) {
		sgl = kmalloc_array(nents, sizeof(*sgl), GFP_ATOMIC);
		if (!sgl)
			return -ENOMEM;
	}
	sg_init_table(sgl, nents);
	table->sgl = sgl;
	table->nents = table->orig_nents = nents;
	return 0;
}

void sg_free_table_chained(struct sg_table *table, unsigned nents_first_chunk)
{
	/* Allocated here exactly when it did not fit the first chunk. */
	if (table->orig_nents > nents_first_chunk || !nents_first_chunk)
		kfree(table->sgl);
	table->sgl = NULL;
	table->nents = table->orig_nents = 0;
}
