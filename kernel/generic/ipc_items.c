// SPDX-License-Identifier: MIT
/*
 * Typed items of an IPC message (docs/abi.md §5): the sender's map/grant
 * items are matched with the receiver's buffer registers in order, checked
 * completely first, then carried out through space_transfer().  Out of the
 * IPC fast path: only messages with items come here.
 */
#include <gate.h>
#include <ipc.h>
#include <irq.h>
#include <l4/sys/__l4_fpage.h>
#include <l4/sys/consts.h>
#include <l4/sys/ipc.h>
#include <l4/sys/utcb.h>
#include <space.h>
#include <task.h>
#include <thread.h>

/* The whole-space window, resolved for the type of what is sent. */
static void window_resolve(struct fpage *win, unsigned int type)
{
	if (win->type != L4_FPAGE_SPECIAL)
		return;
	win->type = type;
	win->base = 0;
	win->order = type == L4_FPAGE_OBJ ? 15 : 48;
	win->rights = 0xf;
}

/* The receive item at br[*bi]; advances *bi.  False at the end of the list. */
static bool rcv_item(struct thread *rcv, unsigned int *bi, struct fpage *win, bool *local_id)
{
	unsigned long *br = utcb_br(rcv), w;

	if (*bi >= L4_UTCB_GENERIC_BUFFERS_SIZE)
		return false;
	w = br[*bi];
	if (!(w & L4_ITEM_MAP))
		return false;
	*local_id = w & L4_RCV_ITEM_LOCAL_ID;
	if ((w & L4_RCV_ITEM_SINGLE_CAP) == L4_RCV_ITEM_SINGLE_CAP) {
		win->type = L4_FPAGE_OBJ;
		win->order = 0;
		win->base = w >> L4_CAP_SHIFT;
		win->rights = 0xf;
		*bi += 1;
		return true;
	}
	if (*bi + 1 >= L4_UTCB_GENERIC_BUFFERS_SIZE || !fpage_decode(br[*bi + 1], win, true))
		return false;
	*bi += 2;
	return true;
}

/*
 * A receive item asking for a local id: when the one capability sent names
 * an object the receiver can already name itself -- a gate or Irq bound to
 * one of its threads (then the label), or any capability of its own task
 * (then the selector) -- it gets that instead of a new mapping, so that a
 * server recognises its own objects.  docs/abi.md §5.4.
 */
static bool local_id(struct thread *snd, struct thread *rcv, const struct fpage *fp,
		     unsigned long *w0, unsigned long *w1)
{
	struct mapnode *n;
	struct kobject *o;

	if (fp->type != L4_FPAGE_OBJ || fp->order != 0)
		return false;
	n = captable_lookup(&snd->task->caps, fp->base);
	if (!n)
		return false;
	o = n->obj;
	if (o->type == KOBJ_GATE && to_gate(o)->thread && to_gate(o)->thread->task == rcv->task)
		*w1 = to_gate(o)->label | (n->rights & fp->rights & 3);
	else if (o->type == KOBJ_IRQ && to_irq(o)->thread && to_irq(o)->thread->task == rcv->task)
		*w1 = to_irq(o)->label;
	else if (snd->task == rcv->task)
		*w1 = fp->base << L4_CAP_SHIFT;
	else
		return false;
	*w0 = L4_RCV_ITEM_LOCAL_ID;
	return true;
}

/*
 * Check (perform == false) or carry out the items of a message.  Two passes so that a bad item is found before anything is
 * mapped.  When performing, the receiver's item words go to rmr (if given):
 * the sender's two words, or a local id.
 */
static unsigned int do_items(struct thread *snd, struct thread *rcv, const unsigned long *smr,
			     unsigned long *rmr, unsigned int words, unsigned int items,
			     bool perform)
{
	unsigned int k, bi = 0;
	struct fpage win = { 0 };
	bool have_win = false, want_local = false;

	for (k = 0; k < items; k++) {
		unsigned long ctl = smr[words + 2 * k], raw = smr[words + 2 * k + 1];
		struct fpage fp, w;

		if (!(ctl & L4_ITEM_MAP) || !fpage_decode(raw, &fp, false))
			return L4_IPC_SEMSGCUT;
		if (!have_win) {
			if (!rcv_item(rcv, &bi, &win, &want_local))
				return L4_IPC_SEMSGCUT;
		}
		have_win = ctl & L4_ITEM_CONT;
		if (!perform)
			continue;
		if (rmr) {
			rmr[words + 2 * k] = ctl;
			rmr[words + 2 * k + 1] = raw;
			if (want_local &&
			    local_id(snd, rcv, &fp, &rmr[words + 2 * k], &rmr[words + 2 * k + 1]))
				continue;
		}
		w = win;
		window_resolve(&w, fp.type);
		if (w.type != fp.type)
			continue;
		if (space_transfer(snd->task, &fp, ctl & L4_FPAGE_CONTROL_MASK, rcv->task, &w,
				   ctl & L4_MAP_ITEM_GRANT))
			return L4_IPC_SEMAPFAILED;
	}
	return 0;
}

unsigned int ipc_transfer_items(struct thread *snd, struct thread *rcv, const unsigned long *smr,
				unsigned long *rmr, unsigned int words, unsigned int items)
{
	unsigned int err = do_items(snd, rcv, smr, rmr, words, items, false);

	return err ? err : do_items(snd, rcv, smr, rmr, words, items, true);
}
