// SPDX-License-Identifier: MIT
/*
 * cons's clients: one vcon object (an IPC gate bound to cons's thread)
 * per program, with its tag, the line it is writing and the input typed
 * for it.  Output is printed by whole lines, "tag | text", so programs'
 * output never mixes within a line; cons's own messages use the tag
 * "cons".  Everything goes out through cons's own log capability.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <l4/re/c/util/cap_alloc.h>
#include <l4/re/env.h>
#include <l4/sys/err.h>
#include <l4/sys/factory.h>
#include <l4/sys/vcon.h>

#include "cons.h"

static struct cons_client clients[CONS_MAX_CLIENTS];
static int nr_clients;

struct cons_client *cons_client(int idx)
{
	if (idx < 0 || idx >= nr_clients || !clients[idx].used)
		return NULL;
	return &clients[idx];
}

int cons_client_count(void)
{
	return nr_clients;
}

int cons_client_new(char const *tag)
{
	l4re_env_t *e = l4re_env();
	struct cons_client *c;
	l4_cap_idx_t gate;
	long err;

	if (nr_clients == CONS_MAX_CLIENTS)
		return -L4_ENOMEM;
	gate = l4re_util_cap_alloc();
	if (l4_is_invalid_cap(gate))
		return -L4_ENOMEM;
	err = l4_error(l4_factory_create_gate(e->factory, gate, e->main_thread,
					      CONS_LABEL_CLIENT(nr_clients)));
	if (err < 0) {
		l4re_util_cap_free(gate);
		return (int)err;
	}
	c = &clients[nr_clients];
	memset(c, 0, sizeof(*c));
	c->used = true;
	c->gate = gate;
	snprintf(c->tag, sizeof(c->tag), "%s", tag[0] ? tag : "?");
	return nr_clients++;
}

void cons_write_line(char const *s, size_t n)
{
	char buf[L4_VCON_WRITE_SIZE];

	if (n > sizeof(buf) - 1)
		n = sizeof(buf) - 1;
	memcpy(buf, s, n);
	buf[n] = '\n';
	l4_vcon_write(l4re_env()->log, buf, (unsigned)n + 1);
}

void cons_say(char const *fmt, ...)
{
	char buf[CONS_LINE_MAX];
	va_list ap;
	int n = snprintf(buf, sizeof(buf), "cons | ");

	va_start(ap, fmt);
	n += vsnprintf(buf + n, sizeof(buf) - (size_t)n, fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(buf) - 1)
		n = (int)sizeof(buf) - 1;
	cons_write_line(buf, (size_t)n);
}

static void flush_line(struct cons_client *c)
{
	char buf[CONS_TAG_MAX + 3 + CONS_LINE_MAX];
	int n = snprintf(buf, sizeof(buf), "%s | ", c->tag);

	memcpy(buf + n, c->line, c->line_len);
	cons_write_line(buf, (size_t)n + c->line_len);
	c->line_len = 0;
}

void cons_client_output(struct cons_client *c, char const *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n') {
			flush_line(c);
			continue;
		}
		if (s[i] == '\r')
			continue;
		c->line[c->line_len++] = s[i];
		if (c->line_len == sizeof(c->line))
			flush_line(c);
	}
}

/* Bytes beyond what the ring holds are dropped: the client is not reading. */
void cons_client_input(struct cons_client *c, char const *s, size_t n)
{
	for (size_t i = 0; i < n && c->in_len < sizeof(c->in); i++) {
		c->in[(c->in_head + c->in_len) % sizeof(c->in)] = s[i];
		c->in_len++;
	}
}

size_t cons_client_take_input(struct cons_client *c, char *buf, size_t n)
{
	size_t i;

	for (i = 0; i < n && c->in_len; i++) {
		buf[i] = c->in[c->in_head];
		c->in_head = (c->in_head + 1) % sizeof(c->in);
		c->in_len--;
	}
	return i;
}
