/* SPDX-License-Identifier: MIT */
/*
 * cons, the console multiplexer: what its files share.  One server thread
 * (the main thread) serves everything, so nothing here needs a lock:
 *   - the factory channel (label CONS_LABEL_FACTORY): L4Re's factory
 *     protocol, creating one client (a vcon/log object) per request;
 *   - the clients (labels CONS_LABEL_CLIENT(i)): the vcon protocol;
 *   - between messages, input polled from cons's own log capability.
 */
#ifndef CONS_H
#define CONS_H

#include <stdbool.h>
#include <stddef.h>

#include <l4/sys/types.h>

#define CONS_MAX_CLIENTS 32
#define CONS_TAG_MAX 16	  /* including the NUL, like L4Re's log tags */
#define CONS_LINE_MAX 400 /* longer lines are cut into pieces this long */
#define CONS_IN_SIZE 1024 /* typed bytes a client has not read yet */

/* Gate labels: the low 4 bits are the sender's rights (docs/abi.md §4.4). */
#define CONS_LABEL_FACTORY 0x10UL
#define CONS_LABEL_CLIENT(i) ((unsigned long)((i) + 2) << 4)
#define CONS_LABEL_INDEX(l) ((int)((l) >> 4) - 2)

struct cons_client {
	bool used;
	char tag[CONS_TAG_MAX];
	l4_cap_idx_t gate;
	/* Output: the current line, printed as "tag | line" when complete. */
	char line[CONS_LINE_MAX];
	size_t line_len;
	/* Input: a ring of typed bytes, filled while the client has the focus. */
	char in[CONS_IN_SIZE];
	size_t in_head, in_len;
};

/* client.c */
struct cons_client *cons_client(int idx); /* NULL if no such client */
int cons_client_count(void);
int cons_client_new(char const *tag); /* index or -L4_E* */
void cons_client_output(struct cons_client *c, char const *s, size_t n);
void cons_client_input(struct cons_client *c, char const *s, size_t n);
size_t cons_client_take_input(struct cons_client *c, char *buf, size_t n);

/* cons's own messages, "cons | ...", between the clients' lines. */
void cons_say(char const *fmt, ...) __attribute__((format(printf, 1, 2)));
void cons_write_line(char const *s, size_t n); /* one line, '\n' added */

/* factory.c: a create request; fills the reply. */
l4_msgtag_t cons_factory_handle(l4_msgtag_t tag);

/* vcon_srv.c: a vcon request of client idx; false: no reply (a send). */
bool cons_vcon_handle(int idx, l4_msgtag_t tag, l4_msgtag_t *reply);

/* input.c: poll the console (at most every CONS_POLL_US), route the bytes. */
#define CONS_POLL_US 10000
void cons_input_poll(void);
int cons_focus(void); /* index of the client with the focus, or -1 */

#endif
