// SPDX-License-Identifier: MIT
/*
 * Capability cases: validity and identity queries, transfer through IPC,
 * rights enforcement, release and deletion.
 */
#include "ktest.h"

#include <l4/sys/factory.h>
#include <l4/sys/ipc.h>
#include <l4/sys/task.h>
#include <l4/util/exit.h>

static volatile long res;

static void reply_server(l4_umword_t arg)
{
	l4_umword_t label;

	l4_ipc_wait(l4_utcb(), &label, L4_IPC_NEVER);
	for (;;) {
		l4_utcb_mr()->mr[0] = arg;
		l4_ipc_reply_and_wait(l4_utcb(), l4_msgtag(0, 1, 0, 0), &label, L4_IPC_NEVER);
	}
}

static const char *cap_valid(void)
{
	long v = l4_msgtag_label(l4_task_cap_valid(L4_BASE_TASK_CAP, L4_BASE_TASK_CAP));

	KT_CHECK(v == 1, "own task cap: %ld", v);
	v = l4_msgtag_label(l4_task_cap_valid(L4_BASE_TASK_CAP, kt_cap()));
	KT_CHECK(v == 0, "empty slot: %ld", v);
	return NULL;
}

static const char *cap_equal(void)
{
	l4_cap_idx_t g1 = kt_gate(L4_INVALID_CAP, 0x10), g2 = kt_gate(L4_INVALID_CAP, 0x20);
	l4_cap_idx_t c = kt_cap();
	long v;

	KT_CHECK(g1 && g2, "setup failed (%ld)", kt_err);
	KT_CHECK(kt_map_cap(L4_BASE_TASK_CAP, g1, L4_CAP_FPAGE_RW, c) == 0, "copy failed (%ld)",
		 kt_err);
	v = l4_msgtag_label(l4_task_cap_equal(L4_BASE_TASK_CAP, g1, c));
	KT_CHECK(v == 1, "copy not equal (%ld)", v);
	v = l4_msgtag_label(l4_task_cap_equal(L4_BASE_TASK_CAP, g1, g2));
	KT_CHECK(v == 0, "different gates equal (%ld)", v);
	return NULL;
}

/* Child side: receive one capability, then call through it. */
static void cap_receiver(l4_umword_t slot)
{
	l4_buf_regs_t *b = l4_utcb_br();
	l4_msg_regs_t *m = l4_utcb_mr();
	l4_umword_t label;
	l4_msgtag_t tag;

	b->bdr = 0;
	b->br[0] = slot | L4_RCV_ITEM_SINGLE_CAP;
	tag = l4_ipc_wait(l4_utcb(), &label, kt_rcv_timeout_ms(2000));
	if (l4_msgtag_has_error(tag) || l4_msgtag_items(tag) != 1) {
		res = -10;
		return;
	}
	tag = l4_ipc_call(slot, l4_utcb(), l4_msgtag(0, 0, 0, 0), kt_rcv_timeout_ms(2000));
	res = (!l4_msgtag_has_error(tag) && m->mr[0] == 0x5a5a) ? 1 : -11;
}

static const char *cap_transfer_ipc(void)
{
	l4_cap_idx_t srv = kt_thread_local(reply_server, 0x5a5a, KT_HELPER_PRIO);
	l4_cap_idx_t g = srv ? kt_gate(srv, 0x20) : 0, t = kt_child_task(), th, gb;
	l4_cap_idx_t slot = (l4_cap_idx_t)KT_CHILD_SLOT0 << L4_CAP_SHIFT;
	l4_msg_regs_t *m = l4_utcb_mr();
	l4_msgtag_t tag;

	res = 0;
	KT_CHECK(g && t, "setup failed (%ld)", kt_err);
	th = kt_thread_in(t, 0, cap_receiver, slot, KT_HELPER_PRIO, L4_INVALID_CAP, L4_INVALID_CAP);
	gb = th ? kt_gate(th, 0x30) : 0;
	KT_CHECK(gb, "receiver setup failed (%ld)", kt_err);
	kt_sleep_ms(2);
	m->mr[0] = l4_map_obj_control(0, 0);
	m->mr[1] = l4_obj_fpage(g, 0, L4_CAP_FPAGE_RW).raw;
	tag = l4_ipc_send(gb, l4_utcb(), l4_msgtag(0, 0, 1, 0), kt_rcv_timeout_ms(1000));
	KT_CHECK(!l4_msgtag_has_error(tag), "send with cap: %ld", l4_error(tag));
	KT_CHECK(kt_wait_eq(&res, 1, 2000), "receiver result %ld", res);
	return NULL;
}

static const char *cap_no_w_perm(void)
{
	l4_cap_idx_t t = kt_child_task(), ro = kt_cap();
	void *page = kt_page();
	long err;

	KT_CHECK(t && page, "setup failed (%ld)", kt_err);
	KT_CHECK(kt_map_cap(L4_BASE_TASK_CAP, t, L4_CAP_FPAGE_RO, ro) == 0, "copy failed (%ld)",
		 kt_err);
	err = kt_map_page(ro, page, L4_FPAGE_RW, 0x20000000);
	KT_CHECK(err == -L4_EPERM, "map through read-only task cap: %ld", err);
	err = kt_map_page(t, page, L4_FPAGE_RW, 0x20000000);
	KT_CHECK(err == 0, "map through full cap: %ld", err);
	return NULL;
}

static const char *cap_release(void)
{
	l4_cap_idx_t g = kt_gate(L4_INVALID_CAP, 0x30), c = kt_cap();
	long v;

	KT_CHECK(g, "setup failed (%ld)", kt_err);
	KT_CHECK(kt_map_cap(L4_BASE_TASK_CAP, g, L4_CAP_FPAGE_RWSD, c) == 0, "copy failed (%ld)",
		 kt_err);
	KT_CHECK(l4_error(l4_task_release_cap(L4_BASE_TASK_CAP, c)) == 0, "release failed");
	v = l4_msgtag_label(l4_task_cap_valid(L4_BASE_TASK_CAP, c));
	KT_CHECK(v == 0, "released slot still valid (%ld)", v);
	v = l4_msgtag_label(l4_task_cap_valid(L4_BASE_TASK_CAP, g));
	KT_CHECK(v == 1, "original gone after releasing the copy (%ld)", v);
	return NULL;
}

static const char *cap_delete_obj(void)
{
	l4_cap_idx_t g = kt_gate(L4_INVALID_CAP, 0x40), c = kt_cap();
	long v;

	KT_CHECK(g, "setup failed (%ld)", kt_err);
	KT_CHECK(kt_map_cap(L4_BASE_TASK_CAP, g, L4_CAP_FPAGE_RW, c) == 0, "copy failed (%ld)",
		 kt_err);
	KT_CHECK(l4_error(l4_task_delete_obj(L4_BASE_TASK_CAP, g)) == 0, "delete failed");
	v = l4_msgtag_label(l4_task_cap_valid(L4_BASE_TASK_CAP, g));
	KT_CHECK(v == 0, "deleted cap still valid (%ld)", v);
	v = l4_msgtag_label(l4_task_cap_valid(L4_BASE_TASK_CAP, c));
	KT_CHECK(v == 0, "copy of a deleted object still valid (%ld)", v);
	return NULL;
}

static const char *cap_delete_needs_d(void)
{
	l4_cap_idx_t g = kt_gate(L4_INVALID_CAP, 0x50), c = kt_cap();
	long v;

	KT_CHECK(g, "setup failed (%ld)", kt_err);
	KT_CHECK(kt_map_cap(L4_BASE_TASK_CAP, g, L4_CAP_FPAGE_RWS, c) == 0, "copy failed (%ld)",
		 kt_err);
	l4_task_delete_obj(L4_BASE_TASK_CAP, c);
	v = l4_msgtag_label(l4_task_cap_valid(L4_BASE_TASK_CAP, g));
	KT_CHECK(v == 1, "object deleted through a cap without D (%ld)", v);
	return NULL;
}

static l4_cap_idx_t lid_gate;

/* Sends lid_gate (with read and write rights) as a map item to dest. */
static void lid_sender(l4_umword_t dest)
{
	l4_msg_regs_t *m = l4_utcb_mr();

	m->mr[0] = l4_map_obj_control(0, 0);
	m->mr[1] = l4_obj_fpage(lid_gate, 0, L4_CAP_FPAGE_RW).raw;
	l4_ipc_send(dest, l4_utcb(), l4_msgtag(0, 0, 1, 0), L4_IPC_NEVER);
}

/*
 * A server asking for a local id gets the label of its own gate instead of
 * a new capability (how servers recognise their objects, docs/abi.md §5.4).
 */
static const char *ipc_local_id(void)
{
	l4_cap_idx_t dest = kt_gate(L4_BASE_THREAD_CAP, 0x600), slot = kt_cap();
	l4_buf_regs_t *br = l4_utcb_br();
	l4_umword_t label = 0;
	l4_msgtag_t tag;
	long valid;

	lid_gate = kt_gate(L4_BASE_THREAD_CAP, 0x500);
	KT_CHECK(dest && lid_gate, "setup failed (%ld)", kt_err);
	/* The sender runs below our priority: only once we wait.  (Creating it uses br[0].) */
	KT_CHECK(kt_thread_local(lid_sender, dest, KT_HELPER_PRIO), "sender (%ld)", kt_err);
	br->br[0] = slot | L4_RCV_ITEM_SINGLE_CAP | L4_RCV_ITEM_LOCAL_ID;
	tag = l4_ipc_wait(l4_utcb(), &label, kt_rcv_timeout_ms(1000));
	br->br[0] = 0;
	KT_CHECK(!l4_msgtag_has_error(tag), "wait: %ld", l4_error(tag));
	KT_CHECK((label & ~3UL) == 0x600, "arrived through label %#lx", label);
	KT_CHECK(l4_msgtag_items(tag) == 1, "items %u", l4_msgtag_items(tag));
	KT_CHECK(l4_utcb_mr()->mr[0] == L4_RCV_ITEM_LOCAL_ID, "item word 0 %#lx",
		 l4_utcb_mr()->mr[0]);
	KT_CHECK(l4_utcb_mr()->mr[1] == (0x500 | L4_CAP_FPAGE_W), "local id %#lx",
		 l4_utcb_mr()->mr[1]);
	valid = l4_error(l4_task_cap_valid(L4_BASE_TASK_CAP, slot));
	KT_CHECK(valid == 0, "a capability was mapped as well (%ld)", valid);
	return NULL;
}

const struct kt_case kt_caps_cases[] = {
	{ "ipc_local_id", ipc_local_id },
	{ "cap_valid", cap_valid },
	{ "cap_equal", cap_equal },
	{ "cap_transfer_ipc", cap_transfer_ipc },
	{ "cap_no_w_perm", cap_no_w_perm },
	{ "cap_release", cap_release },
	{ "cap_delete_obj", cap_delete_obj },
	{ "cap_delete_needs_d", cap_delete_needs_d },
	{ NULL, NULL },
};
