// SPDX-License-Identifier: MIT
/*
 * cons: the console multiplexer, started from a .cfg script like L4Re's:
 *
 *   local cons = L4.default_loader:new_channel()
 *   L4.default_loader:start({ caps = { cons = cons:svr() }, log = { "" } }, "rom/cons")
 *   L4.default_loader.log_fab = cons      -- logs of later programs come from cons
 *
 * It binds its main thread to the channel named "cons" and serves, in one
 * loop, the channel (a factory of clients), the clients (vcon) and, when
 * the wait times out or CONS_POLL_US have passed, the console input read
 * from its own log capability.  Its own log should be untagged (log = {""}
 * makes moe print its lines as they are), since cons tags every line.
 */
#include <stdio.h>
#include <string.h>

#include <l4/re/env.h>
#include <l4/sys/err.h>
#include <l4/sys/ipc.h>
#include <l4/sys/kip.h>
#include <l4/sys/rcv_endpoint.h>
#include <l4/sys/utcb.h>

#include "cons.h"

/* One request: the reply to send, or false when none is due (a send). */
static bool dispatch(l4_umword_t label, l4_msgtag_t tag, l4_msgtag_t *reply)
{
	if ((label & ~0xfUL) == CONS_LABEL_FACTORY) {
		*reply = cons_factory_handle(tag);
		return true;
	}
	return cons_vcon_handle(CONS_LABEL_INDEX(label & ~0xfUL), tag, reply);
}

/*
 * Console input between two messages: the request in the MRs survives the
 * vcon read cons makes on its own log (which uses the same UTCB).
 */
static void poll_keeping(l4_msgtag_t tag)
{
	l4_umword_t saved[L4_UTCB_GENERIC_DATA_SIZE];
	unsigned words = l4_msgtag_words(tag) + 2 * l4_msgtag_items(tag);

	if (words > L4_UTCB_GENERIC_DATA_SIZE)
		words = L4_UTCB_GENERIC_DATA_SIZE;
	memcpy(saved, l4_utcb_mr()->mr, words * sizeof(saved[0]));
	cons_input_poll();
	memcpy(l4_utcb_mr()->mr, saved, words * sizeof(saved[0]));
}

int main(int argc, char **argv)
{
	char const *capname = argc > 1 ? argv[1] : "cons";
	l4_cap_idx_t chan = l4re_env_get_cap(capname);
	l4_timeout_t poll_to = l4_timeout(L4_IPC_TIMEOUT_NEVER, l4_timeout_from_us(CONS_POLL_US));
	l4_umword_t label;
	l4_msgtag_t tag, reply;
	bool have_reply = false;
	long err;

	if (l4_is_invalid_cap(chan)) {
		cons_say("no capability '%s' (start me with caps = { %s = channel:svr() })",
			 capname, capname);
		return 1;
	}
	err = l4_error(l4_rcv_ep_bind_thread(chan, l4re_env()->main_thread, CONS_LABEL_FACTORY));
	if (err < 0) {
		cons_say("cannot bind to '%s': %s", capname, l4sys_errtostr(err));
		return 1;
	}
	cons_say("ready (Ctrl-E then 1-9 switches the input focus, Ctrl-E l lists)");

	for (;;) {
		if (have_reply)
			tag = l4_ipc_reply_and_wait(l4_utcb(), reply, &label, poll_to);
		else
			tag = l4_ipc_wait(l4_utcb(), &label, poll_to);
		have_reply = false;
		if (l4_msgtag_has_error(tag)) {
			/* A timeout (the usual case) or a caller gone before our reply. */
			cons_input_poll();
			continue;
		}
		poll_keeping(tag);
		have_reply = dispatch(label, tag, &reply);
	}
}
