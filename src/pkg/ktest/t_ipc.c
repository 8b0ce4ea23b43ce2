// SPDX-License-Identifier: MIT
/*
 * IPC cases: call/reply within a task and across tasks, direct thread
 * IPC, open wait with two clients, the full 63 message registers, message
 * validation, gate labels with rights bits, missing partners.
 */
#include "ktest.h"

#include <l4/sys/ipc.h>
#include <l4/sys/ipc_gate.h>
#include <l4/sys/task.h>
#include <l4/sys/thread.h>

/* Results of helper threads, shared with child tasks through the image. */
static volatile long res_a, res_b;

/*
 * The echo server: answers n words (n < 63) with every word + 1 and the
 * received label as word n; a 63-word message with every word inverted.
 */
static void echo_server(l4_umword_t arg)
{
	l4_utcb_t *u = l4_utcb();
	l4_msg_regs_t *m = l4_utcb_mr_u(u);
	l4_umword_t label;
	l4_msgtag_t tag;

	(void)arg;
	tag = l4_ipc_wait(u, &label, L4_IPC_NEVER);
	for (;;) {
		unsigned w = l4_msgtag_words(tag);

		if (l4_msgtag_has_error(tag)) {
			tag = l4_ipc_wait(u, &label, L4_IPC_NEVER);
			continue;
		}
		if (w >= 63) {
			for (unsigned i = 0; i < 63; i++)
				m->mr[i] = ~m->mr[i];
		} else {
			for (unsigned i = 0; i < w; i++)
				m->mr[i] += 1;
			m->mr[w++] = label;
		}
		tag = l4_ipc_reply_and_wait(u, l4_msgtag(0, w, 0, 0), &label, L4_IPC_NEVER);
	}
}

/* One call of n words to an echo server; 0 or a negative reason code. */
static long echo_call(l4_cap_idx_t dst, unsigned n, l4_umword_t *label)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	l4_msgtag_t tag;

	for (unsigned i = 0; i < n; i++)
		m->mr[i] = 0x1000 + i;
	tag = l4_ipc_call(dst, l4_utcb(), l4_msgtag(0, n, 0, 0), kt_rcv_timeout_ms(2000));
	if (l4_msgtag_has_error(tag))
		return l4_error(tag);
	if (l4_msgtag_words(tag) != n + 1)
		return -1;
	for (unsigned i = 0; i < n; i++) {
		if (m->mr[i] != 0x1000 + i + 1)
			return -2;
	}
	*label = m->mr[n];
	return 0;
}

static l4_cap_idx_t echo_gate(l4_umword_t label)
{
	l4_cap_idx_t srv = kt_thread_local(echo_server, 0, KT_HELPER_PRIO);

	return srv ? kt_gate(srv, label) : 0;
}

static const char *ipc_call_local(void)
{
	l4_cap_idx_t g = echo_gate(0x100);
	l4_umword_t label = 0;

	KT_CHECK(g, "setup failed (%ld)", kt_err);
	for (unsigned i = 1; i <= 3; i++) {
		long r = echo_call(g, i, &label);

		KT_CHECK(r == 0, "call %u: %ld", i, r);
		KT_CHECK(label == (0x100 | L4_CAP_FPAGE_W | L4_CAP_FPAGE_S),
			 "label %#lx, expected 0x103", label);
	}
	return NULL;
}

static void cross_client(l4_umword_t slot)
{
	l4_umword_t label = 0;
	long r = echo_call(slot, 4, &label);

	res_b = (long)label;
	res_a = r == 0 ? 1 : r;
}

static const char *ipc_call_cross_task(void)
{
	l4_cap_idx_t g = echo_gate(0x200), t = kt_child_task();
	l4_cap_idx_t slot = (l4_cap_idx_t)KT_CHILD_SLOT0 << L4_CAP_SHIFT;

	res_a = res_b = 0;
	KT_CHECK(g && t, "setup failed (%ld)", kt_err);
	KT_CHECK(kt_map_cap(t, g, L4_CAP_FPAGE_RW, slot) == 0, "map gate failed");
	KT_CHECK(kt_thread_in(t, 0, cross_client, slot, KT_HELPER_PRIO, L4_INVALID_CAP,
			      L4_INVALID_CAP),
		 "client thread failed (%ld)", kt_err);
	KT_CHECK(kt_wait_eq(&res_a, 1, 2000), "client result %ld", res_a);
	KT_CHECK(res_b == (0x200 | L4_CAP_FPAGE_W), "label %#lx, expected 0x201 (no S)", res_b);
	return NULL;
}

static const char *ipc_call_thread_direct(void)
{
	l4_cap_idx_t srv = kt_thread_local(echo_server, 0, KT_HELPER_PRIO);
	l4_msg_regs_t *m = l4_utcb_mr();
	l4_msgtag_t tag;

	KT_CHECK(srv, "setup failed (%ld)", kt_err);
	m->mr[0] = 41;
	tag = l4_ipc_call(srv, l4_utcb(), l4_msgtag(7, 1, 0, 0), kt_rcv_timeout_ms(2000));
	KT_CHECK(!l4_msgtag_has_error(tag), "call: %ld", l4_error(tag));
	KT_CHECK(l4_msgtag_words(tag) == 2 && m->mr[0] == 42, "reply words %u mr0 %lu",
		 l4_msgtag_words(tag), m->mr[0]);
	return NULL;
}

static void id_client(l4_umword_t gate)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	volatile long *res = (gate & 0x1000000000UL) ? &res_b : &res_a;
	l4_msgtag_t tag;

	gate &= ~0x1000000000UL;
	m->mr[0] = gate;
	tag = l4_ipc_call(gate, l4_utcb(), l4_msgtag(0, 1, 0, 0), kt_rcv_timeout_ms(3000));
	*res = (!l4_msgtag_has_error(tag) && m->mr[0] == gate + 1) ? 1 : -1;
}

static const char *ipc_open_wait_two(void)
{
	l4_cap_idx_t g1 = kt_gate(L4_BASE_THREAD_CAP, 0x310),
		     g2 = kt_gate(L4_BASE_THREAD_CAP, 0x320);
	l4_msg_regs_t *m = l4_utcb_mr();
	l4_umword_t label, seen = 0;
	l4_msgtag_t tag;

	res_a = res_b = 0;
	KT_CHECK(g1 && g2, "setup failed (%ld)", kt_err);
	KT_CHECK(kt_thread_local(id_client, g1, KT_HELPER_PRIO) &&
			 kt_thread_local(id_client, g2 | 0x1000000000UL, KT_HELPER_PRIO),
		 "client threads failed (%ld)", kt_err);
	tag = l4_ipc_wait(l4_utcb(), &label, kt_rcv_timeout_ms(2000));
	for (int i = 0; i < 2; i++) {
		KT_CHECK(!l4_msgtag_has_error(tag), "receive %d: %ld", i, l4_error(tag));
		KT_CHECK(label == 0x313 || label == 0x323, "label %#lx", label);
		seen |= label;
		m->mr[0] += 1;
		if (i == 0)
			tag = l4_ipc_reply_and_wait(l4_utcb(), l4_msgtag(0, 1, 0, 0), &label,
						    kt_rcv_timeout_ms(2000));
		else
			tag = l4_ipc(L4_INVALID_CAP, l4_utcb(), L4_SYSF_SEND | L4_SYSF_REPLY, 0,
				     l4_msgtag(0, 1, 0, 0), NULL, L4_IPC_NEVER);
	}
	KT_CHECK(!l4_msgtag_has_error(tag), "last reply: %ld", l4_error(tag));
	KT_CHECK(seen == (0x313 | 0x323), "labels seen %#lx", seen);
	KT_CHECK(kt_wait_eq(&res_a, 1, 1000) && kt_wait_eq(&res_b, 1, 1000), "clients: %ld %ld",
		 res_a, res_b);
	return NULL;
}

static const char *ipc_63_mrs(void)
{
	l4_cap_idx_t g = echo_gate(0x330);
	l4_msg_regs_t *m = l4_utcb_mr();
	l4_msgtag_t tag;

	KT_CHECK(g, "setup failed (%ld)", kt_err);
	for (unsigned i = 0; i < 63; i++)
		m->mr[i] = 0xabc0000000000000UL + i * 0x10001UL;
	tag = l4_ipc_call(g, l4_utcb(), l4_msgtag(0, 63, 0, 0), kt_rcv_timeout_ms(2000));
	KT_CHECK(!l4_msgtag_has_error(tag), "call: %ld", l4_error(tag));
	KT_CHECK(l4_msgtag_words(tag) == 63, "reply words %u", l4_msgtag_words(tag));
	for (unsigned i = 0; i < 63; i++)
		KT_CHECK(m->mr[i] == ~(0xabc0000000000000UL + i * 0x10001UL), "mr%u = %#lx", i,
			 m->mr[i]);
	return NULL;
}

static const char *ipc_msg_too_long(void)
{
	l4_cap_idx_t g = echo_gate(0x340);
	l4_msgtag_t tag;
	l4_umword_t label;

	KT_CHECK(g, "setup failed (%ld)", kt_err);
	tag = l4_ipc_call(g, l4_utcb(), l4_msgtag(0, 63, 1, 0), kt_rcv_timeout_ms(1000));
	KT_CHECK(l4_error(tag) == l4_ipc_to_errno(L4_IPC_SEMSGCUT), "63 words + 1 item: %ld",
		 l4_error(tag));
	tag = l4_ipc_call(g, l4_utcb(), l4_msgtag(0, 40, 12, 0), kt_rcv_timeout_ms(1000));
	KT_CHECK(l4_error(tag) == l4_ipc_to_errno(L4_IPC_SEMSGCUT), "40 words + 12 items: %ld",
		 l4_error(tag));
	/* The server must still work normally. */
	KT_CHECK(echo_call(g, 2, &label) == 0, "server broken afterwards");
	return NULL;
}

static const char *gate_label_rights(void)
{
	l4_cap_idx_t g = echo_gate(0x400), rw = kt_cap(), ro = kt_cap();
	l4_umword_t label = 0;

	KT_CHECK(g, "setup failed (%ld)", kt_err);
	KT_CHECK(kt_map_cap(L4_BASE_TASK_CAP, g, L4_CAP_FPAGE_RW, rw) == 0, "copy RW failed (%ld)",
		 kt_err);
	KT_CHECK(kt_map_cap(L4_BASE_TASK_CAP, g, L4_CAP_FPAGE_RO, ro) == 0, "copy R failed (%ld)",
		 kt_err);
	KT_CHECK(echo_call(g, 1, &label) == 0 && label == 0x403, "RWSD cap: label %#lx", label);
	KT_CHECK(echo_call(rw, 1, &label) == 0 && label == 0x401, "RW cap: label %#lx", label);
	KT_CHECK(echo_call(ro, 1, &label) == 0 && label == 0x400, "R cap: label %#lx", label);
	return NULL;
}

static const char *gate_get_info(void)
{
	l4_cap_idx_t g = echo_gate(0x450);
	l4_umword_t label = 0;
	long err;

	KT_CHECK(g, "setup failed (%ld)", kt_err);
	err = l4_error(l4_ipc_gate_get_infos(g, &label));
	KT_CHECK(err == 0, "get_infos: %ld", err);
	KT_CHECK(label == 0x450, "label %#lx", label);
	return NULL;
}

static const char *gate_rebind(void)
{
	l4_cap_idx_t g = echo_gate(0x500);
	l4_cap_idx_t srv2 = kt_thread_local(echo_server, 0, KT_HELPER_PRIO);
	l4_umword_t label = 0;
	long err;

	KT_CHECK(g && srv2, "setup failed (%ld)", kt_err);
	KT_CHECK(echo_call(g, 1, &label) == 0 && label == 0x503, "before: label %#lx", label);
	err = l4_error(l4_rcv_ep_bind_thread(g, srv2, 0x600));
	KT_CHECK(err == 0, "rebind: %ld", err);
	KT_CHECK(echo_call(g, 1, &label) == 0 && label == 0x603, "after: label %#lx", label);
	return NULL;
}

static const char *gate_unbound(void)
{
	l4_cap_idx_t g = kt_gate(L4_INVALID_CAP, 0x700);
	l4_msgtag_t tag;

	KT_CHECK(g, "setup failed (%ld)", kt_err);
	tag = l4_ipc_call(g, l4_utcb(), l4_msgtag(0, 0, 0, 0), kt_rcv_timeout_ms(100));
	KT_CHECK(l4_error(tag) == l4_ipc_to_errno(L4_IPC_ENOT_EXISTENT), "call: %ld",
		 l4_error(tag));
	return NULL;
}

static const char *ipc_empty_slot(void)
{
	l4_msgtag_t tag;

	tag = l4_ipc_call(kt_cap(), l4_utcb(), l4_msgtag(0, 0, 0, 0), kt_rcv_timeout_ms(100));
	KT_CHECK(l4_error(tag) == l4_ipc_to_errno(L4_IPC_ENOT_EXISTENT), "empty slot: %ld",
		 l4_error(tag));
	tag = l4_ipc_send(L4_INVALID_CAP, l4_utcb(), l4_msgtag(0, 0, 0, 0), L4_IPC_NEVER);
	KT_CHECK(l4_error(tag) == l4_ipc_to_errno(L4_IPC_ENOT_EXISTENT), "invalid cap: %ld",
		 l4_error(tag));
	tag = l4_ipc_call(0x7fffffffffUL << L4_CAP_SHIFT, l4_utcb(), l4_msgtag(0, 0, 0, 0),
			  kt_rcv_timeout_ms(100));
	KT_CHECK(l4_error(tag) == l4_ipc_to_errno(L4_IPC_ENOT_EXISTENT), "huge index: %ld",
		 l4_error(tag));
	return NULL;
}

static void lonely_reply(l4_umword_t arg)
{
	l4_msgtag_t tag = l4_ipc(L4_INVALID_CAP, l4_utcb(), L4_SYSF_SEND | L4_SYSF_REPLY, 0,
				 l4_msgtag(0, 0, 0, 0), NULL, L4_IPC_NEVER);

	(void)arg;
	res_a = l4_error(tag);
}

static const char *ipc_reply_no_caller(void)
{
	res_a = 1;
	KT_CHECK(kt_thread_local(lonely_reply, 0, KT_HELPER_PRIO), "setup failed (%ld)", kt_err);
	KT_CHECK(kt_wait_eq(&res_a, l4_ipc_to_errno(L4_IPC_ENOT_EXISTENT), 1000),
		 "reply without caller: %ld", res_a);
	return NULL;
}

const struct kt_case kt_ipc_cases[] = {
	{ "ipc_call_local", ipc_call_local },
	{ "ipc_call_cross_task", ipc_call_cross_task },
	{ "ipc_call_thread_direct", ipc_call_thread_direct },
	{ "ipc_open_wait_two", ipc_open_wait_two },
	{ "ipc_63_mrs", ipc_63_mrs },
	{ "ipc_msg_too_long", ipc_msg_too_long },
	{ "gate_label_rights", gate_label_rights },
	{ "gate_get_info", gate_get_info },
	{ "gate_rebind", gate_rebind },
	{ "gate_unbound", gate_unbound },
	{ "ipc_empty_slot", ipc_empty_slot },
	{ "ipc_reply_no_caller", ipc_reply_no_caller },
	{ NULL, NULL },
};
