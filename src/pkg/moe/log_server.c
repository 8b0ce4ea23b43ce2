// SPDX-License-Identifier: MIT
/*
 * Log objects: the kernel's vcon protocol (docs/abi.md §7.7), so that
 * l4_vcon_write() on a program's log capability arrives here.  Text is
 * collected per object up to the end of a line and printed as
 * "<name> | <line>" through moe's own log, so output of several programs
 * never mixes within a line.  A log named "" prints its lines as they
 * are: for console multiplexers (cons) that tag lines themselves.  Reads
 * are passed on to the kernel's log, moe's own: console input goes to
 * whoever asks for it (in practice cons, or a program reading stdin).
 */
#include "moe.h"

#include <l4/sys/err.h>
#include <l4/sys/utcb.h>
#include <l4/sys/vcon.h>
#include <l4/util/printf.h>
#include <l4/util/string.h>

int moe_log_create(const char *name)
{
	int obj = moe_obj_new(MOE_OBJ_LOG);

	if (obj >= 0)
		strlcpy(moe_obj(obj)->log.name, name, MOE_NAME_MAX);
	return obj;
}

static void flush_line(struct moe_log *log)
{
	if (log->name[0])
		printf("%s | %.*s\n", log->name, (int)log->len, log->line);
	else
		printf("%.*s\n", (int)log->len, log->line);
	log->len = 0;
}

static void log_write(struct moe_log *log, l4_msgtag_t tag)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	unsigned words = l4_msgtag_words(tag);
	const char *s = (const char *)&m->mr[2];
	unsigned long n;

	if (words < 2)
		return;
	/* Never trust the count beyond what the message carries. */
	n = m->mr[1];
	if (n > (words - 2) * sizeof(l4_umword_t))
		n = (words - 2) * sizeof(l4_umword_t);
	for (unsigned long i = 0; i < n; i++) {
		if (s[i] == '\n') {
			flush_line(log);
			continue;
		}
		if (s[i] == '\r')
			continue;
		log->line[log->len++] = s[i];
		if (log->len == sizeof(log->line))
			flush_line(log);
	}
}

bool moe_log_handle(int obj, l4_umword_t label, l4_msgtag_t tag, l4_msgtag_t *reply)
{
	l4_msg_regs_t *m = l4_utcb_mr();

	(void)label;
	if (l4_msgtag_label(tag) != L4_PROTO_LOG || l4_msgtag_words(tag) < 1) {
		*reply = moe_reply_err(-L4_EBADPROTO);
		return true;
	}
	switch (m->mr[0] & 0xffff) {
	case L4_VCON_WRITE_OP:
		log_write(&moe_obj(obj)->log, tag);
		return false; /* a send: nobody waits for an answer */
	case L4_VCON_READ_OP: {
		/* mr0 (size << 16 | op) is the kernel's request as well: pass it on. */
		l4_msgtag_t r = l4_ipc_call(L4_BASE_LOG_CAP, l4_utcb(),
					    l4_msgtag(L4_PROTO_LOG, 1, 0, 0), L4_IPC_NEVER);

		if (l4_error(r) < 0) {
			m->mr[0] = L4_VCON_READ_STAT_DONE;
			*reply = l4_msgtag(0, 1, 0, 0);
		} else {
			*reply = l4_msgtag(0, l4_msgtag_words(r), 0, 0);
		}
		return true;
	}
	case L4_VCON_SET_ATTR_OP:
		*reply = l4_msgtag(0, 0, 0, 0);
		return true;
	case L4_VCON_GET_ATTR_OP:
		m->mr[1] = m->mr[2] = m->mr[3] = 0;
		*reply = l4_msgtag(0, 4, 0, 0);
		return true;
	default:
		*reply = moe_reply_err(-L4_ENOSYS);
		return true;
	}
}
