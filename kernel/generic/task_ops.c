// SPDX-License-Identifier: MIT
/* Operations on Task objects: map, unmap, capability queries, ku_mem (docs/abi.md §7.1). */
#include <ipc.h>
#include <kmem.h>
#include <kobj_invoke.h>
#include <l4/sys/__l4_fpage.h>
#include <l4/sys/consts.h>
#include <l4/sys/err.h>
#include <l4/sys/task.h>
#include <l4/sys/types.h>
#include <mapdb.h>
#include <space.h>
#include <task.h>
#include <thread.h>

static long task_map(struct thread *cur, struct mapnode *n, const unsigned long *mr,
		     unsigned int words, unsigned int items)
{
	struct kobject *src = item_object(cur, mr, words, 0);
	struct fpage fp, all;
	long r;

	if (words < 3 || items < 1)
		return -L4_EINVAL;
	if (!(n->rights & L4_CAP_FPAGE_W))
		return -L4_EPERM;
	if (!src || src->type != KOBJ_TASK || !fpage_decode(mr[2], &fp, false))
		return -L4_EINVAL;
	if (fp.type == L4_FPAGE_MEMORY && fp.base >= L4REC_USER_TOP)
		return -L4_EINVAL;
	all.type = fp.type;
	all.base = 0;
	all.order = fp.type == L4_FPAGE_OBJ ? 15 : 48;
	all.rights = 0xf;
	/* The transfer may replace the caller's last capability to src. */
	kobj_get(src);
	r = space_transfer(to_task(src), &fp, mr[1] & L4_FPAGE_CONTROL_MASK, to_task(n->obj), &all,
			   mr[1] & L4_MAP_ITEM_GRANT);
	kobj_put(src);
	return r;
}

static void delete_objects(struct task *t, const struct fpage *fp)
{
	uint64_t i;

	for (i = fp->base; i < fp->base + (1UL << fp->order) && i < CAP_MAX; i++) {
		struct mapnode *c = captable_lookup(&t->caps, i);

		if (c && (c->rights & L4_CAP_FPAGE_D))
			kobj_destroy(c->obj);
		if (t->obj.dead)
			return; /* it deleted its own task: the table is gone */
	}
}

static long task_unmap(struct mapnode *n, const unsigned long *mr, unsigned int words,
		       unsigned int *reply_words)
{
	struct task *t = to_task(n->obj);
	unsigned long mask;
	unsigned int i;

	if (words < 2)
		return -L4_EINVAL;
	mask = mr[1];
	for (i = 2; i < words; i++) {
		struct fpage fp;

		/* Each flexpage names a range in the invoked task: a bad one is skipped. */
		if (!fpage_decode(mr[i], &fp, false))
			continue;
		if (fp.type == L4_FPAGE_OBJ && (mask & L4_FP_DELETE_OBJ) == L4_FP_DELETE_OBJ)
			delete_objects(t, &fp);
		if (t->obj.dead)
			break;
		space_unmap(t, &fp, mask & L4_FP_ALL_SPACES);
	}
	*reply_words = words;
	return 0;
}

static long task_cap_info(struct thread *cur, struct mapnode *n, const unsigned long *mr,
			  unsigned int words)
{
	struct task *t = to_task(n->obj);
	struct mapnode *a, *b;

	(void)cur;
	if (words < 2)
		return -L4_EINVAL;
	a = (mr[1] & L4_INVALID_CAP_BIT) ? NULL : captable_lookup(&t->caps, mr[1] >> L4_CAP_SHIFT);
	if (words == 2)
		return a != NULL;
	b = (mr[2] & L4_INVALID_CAP_BIT) ? NULL : captable_lookup(&t->caps, mr[2] >> L4_CAP_SHIFT);
	return a && b && a->obj == b->obj;
}

static long task_add_ku_mem_op(struct mapnode *n, const unsigned long *mr, unsigned int words)
{
	struct fpage fp;

	if (words < 2 || !fpage_decode(mr[1], &fp, false) || fp.type != L4_FPAGE_MEMORY)
		return -L4_EINVAL;
	return task_add_ku_mem(to_task(n->obj), fp.base, fp.order);
}

long task_invoke(struct thread *cur, struct mapnode *n, unsigned long tag, unsigned int *words)
{
	unsigned long *mr = utcb_mr(cur);
	unsigned int w = tag & 63, items = (tag >> 6) & 63;

	if (w < 1)
		return -L4_EINVAL;
	switch (mr[0]) {
	case L4_TASK_MAP_OP:
		return task_map(cur, n, mr, w, items);
	case L4_TASK_UNMAP_OP:
		return task_unmap(n, mr, w, words);
	case L4_TASK_CAP_INFO_OP:
		return task_cap_info(cur, n, mr, w);
	case L4_TASK_ADD_KU_MEM_OP:
		return task_add_ku_mem_op(n, mr, w);
	default:
		return -L4_ENOSYS;
	}
}
