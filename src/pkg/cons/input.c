// SPDX-License-Identifier: MIT
/*
 * Console input: cons reads its own log capability (vcon READ; under moe
 * that is the kernel console) and hands the bytes to the client with the
 * focus, the first client until the user switches.  Key sequences (after
 * Ctrl-E, 0x05, as the escape; nothing else is taken from the stream):
 *
 *   Ctrl-E 1..9     focus on client 1..9 (in the order they were created)
 *   Ctrl-E l        list the clients, the focused one marked with '*'
 *   Ctrl-E Ctrl-E   a literal Ctrl-E for the focused client
 *
 * A carriage return becomes a newline (a terminal's Enter sends CR; the
 * clients read lines with fgets).  Nothing is echoed: the program decides.
 * Reading is polled, at most every CONS_POLL_US.
 */
#include <time.h>

#include <l4/re/env.h>
#include <l4/sys/vcon.h>

#include "cons.h"

#define CONS_ESC 0x05 /* Ctrl-E */

static int focus = -1; /* -1: not chosen yet, the first client */
static bool after_esc;
static struct timespec last_poll;

int cons_focus(void)
{
	if (focus < 0 && cons_client_count() > 0)
		return 0;
	return focus;
}

static void list_clients(void)
{
	int f = cons_focus();

	for (int i = 0; i < cons_client_count(); i++)
		cons_say("%c %d: %s", i == f ? '*' : ' ', i + 1, cons_client(i)->tag);
}

static void command(char k)
{
	if (k >= '1' && k <= '9') {
		int idx = k - '1';

		if (!cons_client(idx)) {
			cons_say("no client %d (Ctrl-E l lists them)", idx + 1);
			return;
		}
		focus = idx;
		cons_say("input focus on %d: %s", idx + 1, cons_client(idx)->tag);
	} else if (k == 'l') {
		list_clients();
	} else {
		cons_say("Ctrl-E then 1-9 switches the focus, l lists, Ctrl-E sends Ctrl-E");
	}
}

static void route(char const *s, int n)
{
	for (int i = 0; i < n; i++) {
		struct cons_client *c = cons_client(cons_focus());
		char ch = s[i];

		if (after_esc) {
			after_esc = false;
			if (ch != CONS_ESC) {
				command(ch);
				continue;
			}
		} else if (ch == CONS_ESC) {
			after_esc = true;
			continue;
		}
		if (ch == '\r')
			ch = '\n';
		if (c)
			cons_client_input(c, &ch, 1);
	}
}

static bool poll_due(void)
{
	struct timespec now;
	long long us;

	clock_gettime(CLOCK_MONOTONIC, &now);
	us = (now.tv_sec - last_poll.tv_sec) * 1000000LL + (now.tv_nsec - last_poll.tv_nsec) / 1000;
	if (us < CONS_POLL_US)
		return false;
	last_poll = now;
	return true;
}

void cons_input_poll(void)
{
	char buf[L4_VCON_READ_SIZE];
	int r;

	if (!poll_due())
		return;
	do {
		r = l4_vcon_read(l4re_env()->log, buf, sizeof(buf));
		if (r <= 0)
			return;
		route(buf, r > (int)sizeof(buf) ? (int)sizeof(buf) : r);
	} while (r > (int)sizeof(buf)); /* more pending */
}
