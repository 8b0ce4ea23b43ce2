// SPDX-License-Identifier: MIT
/*
 * moe, the root task (a small precursor of L4Re's moe).  Its command line
 * (the roottask line of modules.list, e.g. "moe rom/hello arg") names the
 * program to start; the words after the program become its argv.  Then
 * moe serves its programs forever: log output, page faults, exceptions,
 * dispatched by the gate label of the sender.
 */
#include "moe.h"

#include "bootinfo.h"

#include <l4/sys/err.h>
#include <l4/sys/ipc.h>
#include <l4/util/exit.h>
#include <l4/util/printf.h>
#include <l4/util/string.h>

#define MOE_MAX_ARGS 16

static char cmdline[BOOTINFO_CMDLINE_LEN];

/* Splits cmdline in place at blanks; returns the number of words. */
static int split_words(char *s, char *words[], int max)
{
	int n = 0;

	while (*s && n < max) {
		while (*s == ' ' || *s == '\t')
			*s++ = '\0';
		if (!*s)
			break;
		words[n++] = s;
		while (*s && *s != ' ' && *s != '\t')
			s++;
	}
	return n;
}

static bool dispatch(l4_msgtag_t tag, l4_umword_t label, l4_msgtag_t *reply)
{
	struct moe_app *app = moe_app_lookup(label);

	if (!app || app->dead) {
		*reply = l4_msgtag(-L4_ENOENT, 0, 0, 0);
		return !app;
	}
	switch (l4_msgtag_label(tag)) {
	case L4_PROTO_LOG:
		return moe_log_handle(app, tag, reply);
	case L4_PROTO_PAGE_FAULT:
		return moe_pager_fault(app, reply);
	case L4_PROTO_EXCEPTION:
		return moe_pager_exception(app, reply);
	default:
		*reply = l4_msgtag(-L4_EBADPROTO, 0, 0, 0);
		return true;
	}
}

static void __attribute__((noreturn)) serve(void)
{
	l4_utcb_t *u = l4_utcb();
	l4_umword_t label;
	l4_msgtag_t tag, reply;

	l4_utcb_br_u(u)->bdr = 0;
	l4_utcb_br_u(u)->br[0] = 0;
	tag = l4_ipc_wait(u, &label, L4_IPC_NEVER);
	for (;;) {
		/* A failed reply (the sender only sent) lands here too. */
		if (l4_msgtag_has_error(tag) || !dispatch(tag, label, &reply)) {
			tag = l4_ipc_wait(u, &label, L4_IPC_NEVER);
			continue;
		}
		tag = l4_ipc_reply_and_wait(u, reply, &label, L4_IPC_NEVER);
	}
}

int main(int argc, char **argv)
{
	char *words[MOE_MAX_ARGS];
	int n, err;

	(void)argc;
	(void)argv;
	if (moe_rom_init() < 0) {
		printf("moe: no usable bootinfo, stopping\n");
		l4util_sleep_forever();
	}
	strlcpy(cmdline, moe_rom_self()->cmdline, sizeof(cmdline));
	n = split_words(cmdline, words, MOE_MAX_ARGS);
	/* words[0] is moe's own file name. */
	if (n < 2) {
		printf("moe: nothing to start (command line '%s')\n", moe_rom_self()->cmdline);
	} else {
		printf("moe: starting %s\n", words[1]);
		err = moe_app_start(words[1], n - 1, &words[1]);
		if (err < 0)
			printf("moe: %s: cannot start: %s (%d)\n", words[1], l4sys_errtostr(err),
			       err);
	}
	serve();
}
