// SPDX-License-Identifier: MIT
/*
 * moe, the root task: takes the memory from sigma0, publishes the boot
 * modules as rom/, and starts programs with libloader; then it serves
 * its objects forever (docs/runtime.md), dispatching by gate label.
 *
 * Command line (the roottask line of modules.list minus the keyword):
 *   moe rom/x.cfg        start rom/ned with argv "rom/ned rom/x.cfg" (L4Re)
 *   moe rom/prog args    start rom/prog directly with those arguments
 *   moe rom/a x ; rom/b  several programs, separated by a lone ";"
 */
#include "moe.h"

#include "bootinfo.h"

#include <l4/sys/err.h>
#include <l4/sys/ipc.h>
#include <l4/util/exit.h>
#include <l4/util/printf.h>
#include <l4/util/string.h>

#define MOE_MAX_ARGS 32

static char cmdline[BOOTINFO_CMDLINE_LEN];

/* Splits s in place at blanks; returns the number of words. */
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

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

static void start(int argc, char *argv[])
{
	static char ned[] = "rom/ned";
	char *ned_argv[3] = { ned, argv[0], NULL };
	int err;

	if (argc == 1 && ends_with(argv[0], ".cfg")) {
		argv = ned_argv;
		argc = 2;
	}
	printf("moe: starting %s\n", argv[0]);
	err = moe_app_start(argc, argv);
	if (err < 0)
		printf("moe: %s: cannot start: %s (%d)\n", argv[0], l4sys_errtostr(err), err);
}

static void start_all(void)
{
	char *words[MOE_MAX_ARGS + 1];
	int n, first = 1;

	strlcpy(cmdline, moe_rom_cmdline(), sizeof(cmdline));
	n = split_words(cmdline, words, MOE_MAX_ARGS);
	if (n < 2) {
		printf("moe: nothing to start (command line '%s')\n", moe_rom_cmdline());
		return;
	}
	/* words[0] is moe's own file name. */
	for (int i = 1; i <= n; i++) {
		if (i < n && strcmp(words[i], ";"))
			continue;
		words[i] = NULL;
		if (i > first)
			start(i - first, &words[first]);
		first = i + 1;
	}
}

static bool dispatch(l4_msgtag_t tag, l4_umword_t label, l4_msgtag_t *reply)
{
	static moe_handler_fn *const handlers[] = {
		[MOE_OBJ_DS] = moe_ds_handle,	   [MOE_OBJ_RM] = moe_rm_handle,
		[MOE_OBJ_NS] = moe_ns_handle,	   [MOE_OBJ_LOG] = moe_log_handle,
		[MOE_OBJ_MA] = moe_factory_handle, [MOE_OBJ_PARENT] = moe_parent_handle,
	};
	int obj = moe_obj_by_label(label);

	if (obj < 0) {
		*reply = moe_reply_err(-L4_ENOENT);
		return true;
	}
	return handlers[moe_obj(obj)->type](obj, label, tag, reply);
}

static void __attribute__((noreturn)) serve(void)
{
	l4_utcb_t *u = l4_utcb();
	l4_umword_t label;
	l4_msgtag_t tag, reply;

	moe_rcv_setup();
	tag = l4_ipc_wait(u, &label, L4_IPC_NEVER);
	for (;;) {
		/* A failed reply (the sender only sent, or is gone) lands here too. */
		if (l4_msgtag_has_error(tag) || !dispatch(tag, label, &reply)) {
			moe_rcv_setup();
			tag = l4_ipc_wait(u, &label, L4_IPC_NEVER);
			continue;
		}
		moe_rcv_setup();
		tag = l4_ipc_reply_and_wait(u, reply, &label, L4_IPC_NEVER);
	}
}

int main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	moe_phys_init();
	if (moe_rom_init() < 0 || moe_factory_init() < 0) {
		printf("moe: no usable bootinfo, stopping\n");
		l4util_sleep_forever();
	}
	start_all();
	serve();
}
