// SPDX-License-Identifier: MIT
/*
 * moe's object table: one IPC gate per object, label = index << 4.
 * Capabilities sent to moe arrive with L4_RCV_ITEM_LOCAL_ID: moe's own
 * objects come back as their label (nothing mapped), anything else is
 * mapped into the receive slot, which the handler may keep (a fresh slot
 * is then taken for the next message).
 */
#include "moe.h"

#include <l4/re/c/util/cap_alloc.h>
#include <l4/sys/err.h>
#include <l4/sys/factory.h>
#include <l4/sys/task.h>
#include <l4/util/string.h>

static struct moe_obj objs[MOE_MAX_OBJS];
static l4_cap_idx_t rcv_slot = L4_INVALID_CAP;

l4_cap_idx_t moe_obj_cap(int obj)
{
	return (l4_cap_idx_t)(MOE_OBJ_CAP_BASE + obj) << L4_CAP_SHIFT;
}

int moe_obj_new(enum moe_obj_type type)
{
	/* Index 0 stays unused: label 0 is what kernel objects reply with. */
	for (int i = 1; i < MOE_MAX_OBJS; i++) {
		if (objs[i].type != MOE_OBJ_FREE)
			continue;
		if (l4_error(l4_factory_create_gate(L4_BASE_FACTORY_CAP, moe_obj_cap(i),
						    L4_BASE_THREAD_CAP, (l4_umword_t)i << 4)) < 0)
			return -L4_ENOMEM;
		memset(&objs[i], 0, sizeof(objs[i]));
		objs[i].type = type;
		return i;
	}
	return -L4_ENOMEM;
}

void moe_obj_delete(int obj)
{
	l4_task_delete_obj(L4_BASE_TASK_CAP, moe_obj_cap(obj));
	objs[obj].type = MOE_OBJ_FREE;
}

struct moe_obj *moe_obj(int obj)
{
	return &objs[obj];
}

int moe_obj_by_label(l4_umword_t label)
{
	l4_umword_t i = label >> 4;

	if (!i || i >= MOE_MAX_OBJS || objs[i].type == MOE_OBJ_FREE)
		return -1;
	return (int)i;
}

int moe_obj_by_cap(l4_cap_idx_t cap)
{
	long i = (long)(cap >> L4_CAP_SHIFT) - MOE_OBJ_CAP_BASE;

	if (i <= 0 || i >= MOE_MAX_OBJS || objs[i].type == MOE_OBJ_FREE)
		return -1;
	return (int)i;
}

l4_msgtag_t moe_reply_cap(int obj, unsigned rights)
{
	l4_msg_regs_t *m = l4_utcb_mr();

	m->mr[0] = l4_map_obj_control(0, 0);
	m->mr[1] = l4_obj_fpage(moe_obj_cap(obj), 0, (unsigned char)rights).raw;
	return l4_msgtag(0, 0, 1, 0);
}

l4_msgtag_t moe_reply_err(long err)
{
	return l4_msgtag(err, 0, 0, 0);
}

void moe_rcv_setup(void)
{
	l4_buf_regs_t *b = l4_utcb_br();

	if (l4_is_invalid_cap(rcv_slot))
		rcv_slot = l4re_util_cap_alloc();
	b->bdr = 0;
	b->br[0] = rcv_slot | L4_RCV_ITEM_SINGLE_CAP | L4_RCV_ITEM_LOCAL_ID;
	b->br[1] = 0;
}

/* Item k of the request: its two words, or false if there is none. */
static bool item(l4_msgtag_t tag, unsigned k, l4_umword_t *w0, l4_umword_t *w1)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	unsigned w = l4_msgtag_words(tag) + 2 * k;

	if (k >= l4_msgtag_items(tag) || w + 1 >= L4_UTCB_GENERIC_DATA_SIZE)
		return false;
	*w0 = m->mr[w];
	*w1 = m->mr[w + 1];
	return true;
}

int moe_rcv_item_obj(l4_msgtag_t tag, unsigned k, unsigned *rights)
{
	l4_umword_t w0, w1;

	/* A mapped capability is not one of moe's own objects (those come as local ids). */
	if (!item(tag, k, &w0, &w1) || (w0 & L4_ITEM_MAP) || !(w0 & L4_RCV_ITEM_LOCAL_ID))
		return -1;
	if (rights)
		*rights = (unsigned)(w1 & 0xf);
	return moe_obj_by_label(w1);
}

l4_cap_idx_t moe_rcv_take_cap(l4_msgtag_t tag, unsigned k)
{
	l4_umword_t w0, w1;
	l4_cap_idx_t c = rcv_slot;

	if (!item(tag, k, &w0, &w1) || !(w0 & L4_ITEM_MAP))
		return L4_INVALID_CAP;
	rcv_slot = l4re_util_cap_alloc();
	return c;
}

bool moe_get_str(l4_msgtag_t tag, unsigned w, char *buf, unsigned size, unsigned *next)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	unsigned words = l4_msgtag_words(tag);
	l4_umword_t n;

	if (w >= words)
		return false;
	n = m->mr[w];
	if (n >= size || l4_bytes_to_mwords((unsigned)n) > words - w - 1)
		return false;
	memcpy(buf, &m->mr[w + 1], n);
	buf[n] = 0;
	if (next)
		*next = w + 1 + l4_bytes_to_mwords((unsigned)n);
	return true;
}
