// SPDX-License-Identifier: MIT
/*
 * moe's log server: a program's L4_BASE_LOG_CAP is moe's gate with the
 * program's label, so its l4_vcon_write arrives here as an ordinary IPC
 * with label L4_PROTO_LOG (docs/abi.md §7.7).  Text is collected per
 * program up to the end of a line and printed as "<name> | <line>"
 * through moe's own log capability, so output of several programs never
 * mixes within a line.
 */
#include "moe.h"

#include <l4/sys/err.h>
#include <l4/sys/utcb.h>
#include <l4/sys/vcon.h>
#include <l4/util/printf.h>

static void flush_line(struct moe_app *app)
{
	printf("%s | %.*s\n", app->name, (int)app->line_len, app->line);
	app->line_len = 0;
}

static void log_write(struct moe_app *app, l4_msgtag_t tag)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	unsigned words = l4_msgtag_words(tag);
	unsigned long n;
	const char *s = (const char *)&m->mr[2];

	if (words < 2)
		return;
	/* Never trust the count beyond what the message carries. */
	n = m->mr[1];
	if (n > (words - 2) * sizeof(l4_umword_t))
		n = (words - 2) * sizeof(l4_umword_t);
	for (unsigned long i = 0; i < n; i++) {
		if (s[i] == '\n') {
			flush_line(app);
			continue;
		}
		if (s[i] == '\r')
			continue;
		app->line[app->line_len++] = s[i];
		if (app->line_len == sizeof(app->line))
			flush_line(app);
	}
}

bool moe_log_handle(struct moe_app *app, l4_msgtag_t tag, l4_msgtag_t *reply)
{
	l4_msg_regs_t *m = l4_utcb_mr();

	if (l4_msgtag_words(tag) < 1) {
		*reply = l4_msgtag(-L4_EINVAL, 0, 0, 0);
		return true;
	}
	switch (m->mr[0] & 0xffff) {
	case L4_VCON_WRITE_OP:
		log_write(app, tag);
		return false; /* a send: nobody waits for an answer */
	case L4_VCON_READ_OP:
		/* No input for programs yet: nothing read, nothing queued. */
		m->mr[0] = L4_VCON_READ_STAT_DONE;
		*reply = l4_msgtag(0, 1, 0, 0);
		return true;
	case L4_VCON_SET_ATTR_OP:
		*reply = l4_msgtag(0, 0, 0, 0);
		return true;
	case L4_VCON_GET_ATTR_OP:
		m->mr[1] = m->mr[2] = m->mr[3] = 0;
		*reply = l4_msgtag(0, 4, 0, 0);
		return true;
	default:
		*reply = l4_msgtag(-L4_ENOSYS, 0, 0, 0);
		return true;
	}
}
