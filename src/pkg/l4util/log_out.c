// SPDX-License-Identifier: MIT
/*
 * printf(), puts() and putchar() over the log capability.  Output collects
 * in a line buffer that goes out as one vcon write per line (or when it is
 * full), so that a server prefixing lines (moe's log server) and the kernel
 * console see whole lines.  The caller's message registers are saved
 * around each write: printing between receiving and answering a message
 * must not destroy the message.
 */
#include <l4/util/printf.h>

#include <l4/sys/consts.h>
#include <l4/sys/utcb.h>
#include <l4/sys/vcon.h>

static char line[L4_VCON_WRITE_SIZE];
static unsigned line_len;

void l4util_log_flush(void)
{
	l4_utcb_t *u = l4_utcb();
	l4_msg_regs_t saved;

	if (!line_len)
		return;
	saved = *l4_utcb_mr_u(u);
	l4_vcon_write_u(L4_BASE_LOG_CAP, line, line_len, u);
	*l4_utcb_mr_u(u) = saved;
	line_len = 0;
}

static void log_out(void *ctx, char c)
{
	(void)ctx;
	line[line_len++] = c;
	if (c == '\n' || line_len == sizeof(line))
		l4util_log_flush();
}

int vprintf(const char *fmt, va_list ap)
{
	return l4util_vformat(log_out, NULL, fmt, ap);
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintf(fmt, ap);
	va_end(ap);
	return n;
}

int putchar(int c)
{
	log_out(NULL, (char)c);
	return (unsigned char)c;
}

int puts(const char *s)
{
	int n = 0;

	while (s[n])
		log_out(NULL, s[n++]);
	log_out(NULL, '\n');
	return n + 1;
}
