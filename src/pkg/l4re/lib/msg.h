/* SPDX-License-Identifier: MIT */
/*
 * Internal helpers of the libl4re stubs: strings into message registers,
 * capability items, receive buffers.  Not installed.
 */
#ifndef L4RE_LIB_MSG_H
#define L4RE_LIB_MSG_H

#include <l4/sys/ipc.h>
#include <l4/sys/types.h>
#include <l4/sys/utcb.h>

/*
 * Put a length word and the n bytes of s at mr[w...]; returns the index of
 * the first free MR after them, or 0 if they do not fit.
 */
unsigned l4re_msg_put_str(l4_utcb_t *u, unsigned w, char const *s, unsigned long n);

/* One object map item (send the cap with rights) at mr[w], mr[w+1]. */
void l4re_msg_put_cap(l4_utcb_t *u, unsigned w, l4_cap_idx_t cap, unsigned rights);

/* Receive buffer for one capability into slot. */
void l4re_msg_rcv_cap(l4_utcb_t *u, l4_cap_idx_t slot);

/* Call and turn the result into 0 / label / negative error. */
long l4re_msg_call(l4_cap_idx_t obj, l4_utcb_t *u, l4_msgtag_t tag);

unsigned long l4re_strlen(char const *s);

#endif /* L4RE_LIB_MSG_H */
